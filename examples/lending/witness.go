package main

import (
	"fmt"
	"strings"

	"github.com/glassbox-audit/glassbox/auditlog/witness"
)

// witnessFlag collects repeated -witness VKEY=URL values (the form of
// `glassbox witness submit --witness`).
type witnessFlag []*witness.Witness

func (f *witnessFlag) String() string {
	var s []string
	for _, w := range *f {
		s = append(s, w.Verifier.Name()+"="+w.URL)
	}
	return strings.Join(s, ",")
}

func (f *witnessFlag) Set(v string) error {
	w, err := witness.Parse(v)
	if err != nil {
		return err
	}
	*f = append(*f, w)
	return nil
}

// keys returns the witnesses' verifier keys (VKEY of each VKEY=URL), for
// the applicant's page to require in the browser.
func (f witnessFlag) keys() []string {
	var ks []string
	for _, w := range f {
		if k, ok := w.Verifier.(fmt.Stringer); ok { // a *cosig.Verifier, as witness.Parse makes
			ks = append(ks, k.String())
		}
	}
	return ks
}
