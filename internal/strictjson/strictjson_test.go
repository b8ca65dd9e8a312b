package strictjson

import (
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
)

type inner struct {
	A int    `json:"a"`
	B string `json:"b"`
}

type outer struct {
	ID    string  `json:"id"`
	In    inner   `json:"in"`
	List  []inner `json:"list"`
	Extra any     `json:"extra"`
}

func TestDecodeAccepts(t *testing.T) {
	var got outer
	in := ` {"id":"x","in":{"a":1,"b":"é"},"list":[{"a":2}],"extra":{"k":[1,{"k":2}]}} ` + "\n"
	if err := Decode([]byte(in), &got); err != nil {
		t.Fatalf("Decode: %v", err)
	}
	if got.ID != "x" || got.In.A != 1 || got.In.B != "é" || len(got.List) != 1 || got.List[0].A != 2 {
		t.Fatalf("decoded %+v", got)
	}
}

func TestDecodeRefuses(t *testing.T) {
	cases := []struct {
		name, in string
		want     error
		mention  string
	}{
		{"trailing value", `{"id":"x"} {"id":"y"}`, ErrTrailingData, "offset 10"},
		{"trailing garbage", `{"id":"x"}garbage`, ErrTrailingData, "offset"},
		{"duplicate top", `{"id":"x","id":"y"}`, ErrDuplicateKey, "$.id"},
		{"duplicate nested", `{"in":{"a":1,"a":2}}`, ErrDuplicateKey, "$.in.a"},
		{"duplicate in array", `{"list":[{"a":1},{"b":"q","b":"r"}]}`, ErrDuplicateKey, "$.list[1].b"},
		{"duplicate in any", `{"extra":{"k":{"z":1,"z":1}}}`, ErrDuplicateKey, "$.extra.k.z"},
		{"invalid utf8", "{\"id\":\"a\xffb\"}", ErrInvalidUTF8, "offset 8"},
		{"unknown field", `{"id":"x","nope":1}`, ErrUnknownField, "nope"},
		{"unknown nested", `{"in":{"c":1}}`, ErrUnknownField, "c"},
		{"wrong type", `{"in":{"a":"one"}}`, ErrType, "a"},
		{"empty", ``, ErrSyntax, "end of input"},
		{"truncated", `{"id":"x"`, ErrSyntax, ""},
		{"two commas", `{"id":"x",,}`, ErrSyntax, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var v outer
			err := Decode([]byte(c.in), &v)
			if !errors.Is(err, c.want) {
				t.Fatalf("Decode(%q) = %v, want %v", c.in, err, c.want)
			}
			if !strings.Contains(err.Error(), c.mention) {
				t.Fatalf("error %q does not name %q", err, c.mention)
			}
		})
	}
}

// FuzzDecode checks that whatever Decode accepts, encoding/json accepts too
// and decodes to the same value, and that Decode never panics.
func FuzzDecode(f *testing.F) {
	for _, s := range []string{`{"a":1}`, `{"a":1,"a":2}`, `[1,2,{"x":null}]`, `"x"`, `{"a":{"b":[true]}} x`, "\"\xff\"", `1e400`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var strict any
		if err := Decode(data, &strict); err != nil {
			return
		}
		var loose any
		if err := json.Unmarshal(data, &loose); err != nil {
			t.Fatalf("Decode accepted %q, encoding/json refused: %v", data, err)
		}
		if !reflect.DeepEqual(strict, loose) {
			t.Fatalf("Decode(%q) = %#v, encoding/json = %#v", data, strict, loose)
		}
	})
}
