package main

import (
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
