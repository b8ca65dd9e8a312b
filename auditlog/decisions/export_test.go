package decisions

// Internals for the tests of package decisions_test (which may import
// keystoretest, itself an importer of this package).

// DefaultKeyStore returns the key store d uses.
func DefaultKeyStore(d *Log) KeyStore { return d.keys }

// SubjectIDOf returns the SubjectID of subject in d.
func SubjectIDOf(d *Log, subject string) SubjectID { return subjectID(d.secret, subject) }
