package explain

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

func sampleAttribution() Attribution {
	return Attribution{
		Method: MethodTreeSHAP, Space: SpaceMargin, Class: 0,
		Base: -1.25, Output: 0.5,
		Contributions: []Contribution{
			{Feature: "income", Value: 52000, Contribution: 1.5},
			{Feature: "debt \"ratio\"\n", Value: 0.35, Contribution: -0.25},
			{Feature: "months_employed", Value: math.NaN(), Missing: true, Contribution: 0.5},
		},
	}
}

func TestCanonicalBytes(t *testing.T) {
	a := sampleAttribution()
	got, err := a.Canonical()
	if err != nil {
		t.Fatal(err)
	}
	want := `{"v":1,"method":"tree_shap_path_dependent","space":"margin","class":0,"base":-1.25,"output":0.5,"contributions":[` +
		`{"feature":"income","value":52000,"missing":false,"contribution":1.5},` +
		`{"feature":"debt \"ratio\"\u000a","value":0.35,"missing":false,"contribution":-0.25},` +
		`{"feature":"months_employed","value":null,"missing":true,"contribution":0.5}]}`
	if string(got) != want {
		t.Fatalf("canonical:\n got %s\nwant %s", got, want)
	}
	d, err := a.Digest()
	if err != nil {
		t.Fatal(err)
	}
	if d != sha256.Sum256([]byte(DigestDomain+want)) {
		t.Fatal("digest is not SHA-256 of domain || canonical bytes")
	}
	// The canonical form is valid JSON that a generic decoder reads back.
	var generic map[string]any
	if err := json.Unmarshal(got, &generic); err != nil {
		t.Fatalf("canonical bytes are not JSON: %v", err)
	}
	back, err := ParseCanonical(got)
	if err != nil {
		t.Fatal(err)
	}
	if !back.Contributions[2].Missing || !math.IsNaN(back.Contributions[2].Value) {
		t.Fatalf("missing value did not round-trip: %+v", back.Contributions[2])
	}
	d2, _ := back.Digest()
	if d2 != d {
		t.Fatal("digest changed after round trip")
	}
}

// The number format must equal encoding/json's (which implements ECMAScript's
// Number formatting), an implementation we did not write.
func TestCanonicalFloatMatchesEncodingJSON(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	vals := []float64{1, -1, 0.1, 1e-6, 9.99999e-7, 1e-7, 1e20, 1e21, 1.5e300, 5e-324, math.MaxFloat64, 123456789.125, -3.5e-10}
	for range 2000 {
		vals = append(vals, math.Float64frombits(r.Uint64()))
	}
	for _, v := range vals {
		if !finite(v) || v == 0 {
			continue
		}
		want, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		if got := appendFloat(nil, v); !bytes.Equal(got, want) {
			t.Fatalf("appendFloat(%v) = %s, encoding/json gives %s", v, got, want)
		}
	}
	if got := string(appendFloat(nil, math.Copysign(0, -1))); got != "0" {
		t.Fatalf("-0 encoded as %s", got)
	}
}

func TestCanonicalRejects(t *testing.T) {
	bad := []func(*Attribution){
		func(a *Attribution) { a.Base = math.NaN() },
		func(a *Attribution) { a.Output = math.Inf(1) },
		func(a *Attribution) { a.Contributions[0].Value = math.NaN() }, // NaN not marked missing
		func(a *Attribution) { a.Contributions[0].Value = math.Inf(-1) },
		func(a *Attribution) { a.Contributions[1].Contribution = math.NaN() },
		func(a *Attribution) { a.Contributions[1].Feature = "income" },
		func(a *Attribution) { a.Contributions[1].Feature = "" },
		func(a *Attribution) { a.Contributions[1].Feature = "\xff" },
		func(a *Attribution) { a.Method = "" },
		func(a *Attribution) { a.Class = -1 },
	}
	for i, f := range bad {
		a := sampleAttribution()
		f(&a)
		if _, err := a.Canonical(); !errors.Is(err, ErrInvalidAttribution) {
			t.Errorf("case %d: err = %v, want ErrInvalidAttribution", i, err)
		}
		if _, err := a.Digest(); !errors.Is(err, ErrInvalidAttribution) {
			t.Errorf("case %d: digest err = %v", i, err)
		}
	}
	good, _ := func() ([]byte, error) { a := sampleAttribution(); return a.Canonical() }()
	tampered := []string{
		strings.Replace(string(good), `"v":1`, `"v":2`, 1),
		strings.Replace(string(good), `"class":0`, `"class":0,"extra":1`, 1),
		strings.Replace(string(good), `"value":null,"missing":true`, `"value":null,"missing":false`, 1),
		strings.Replace(string(good), `"value":null,"missing":true`, `"value":3,"missing":true`, 1),
		strings.Replace(string(good), `"base":-1.25`, `"base":-1.250`, 1), // not canonical
		strings.Replace(string(good), `"method":`, ` "method":`, 1),       // not canonical
		strings.Replace(string(good), `,"output":0.5`, ``, 1),             // absent field
		string(good) + "{}",
		`{"v":1}`,
		``,
	}
	for i, s := range tampered {
		if _, err := ParseCanonical([]byte(s)); !errors.Is(err, ErrInvalidAttribution) {
			t.Errorf("tampered %d: err = %v", i, err)
		}
	}
	// The lenient decoder accepts non-canonical spacing and field order.
	var a Attribution
	if err := json.Unmarshal([]byte(strings.Replace(string(good), `"method":`, ` "method" : `, 1)), &a); err != nil {
		t.Fatalf("UnmarshalJSON: %v", err)
	}
}

func FuzzParseCanonical(f *testing.F) {
	a := sampleAttribution()
	good, _ := a.Canonical()
	f.Add(good)
	f.Add([]byte(`{"v":1,"method":"m","space":"s","class":0,"base":0,"output":0,"contributions":[]}`))
	f.Add([]byte(`{"v":1,"method":"m","space":"s","class":0,"base":1e400,"output":0,"contributions":[]}`))
	f.Add([]byte(`null`))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := ParseCanonical(data)
		if err != nil {
			if !errors.Is(err, ErrInvalidAttribution) {
				t.Fatalf("error does not wrap ErrInvalidAttribution: %v", err)
			}
			return
		}
		again, err := a.Canonical()
		if err != nil || !bytes.Equal(again, data) {
			t.Fatalf("accepted input does not re-encode to itself: %v\n%s\n%s", err, data, again)
		}
	})
}
