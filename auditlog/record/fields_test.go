package record

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestDecisionJSONNamesTheField: an error in the model or an input names
// the field it is in (it used to say only "digest: ..." or "feature ...").
func TestDecisionJSONNamesTheField(t *testing.T) {
	const good = `{"id":"x","model":{"name":"m","version":"1","artifact_digest":"0101010101010101010101010101010101010101010101010101010101010101"},` +
		`"inputs":[{"name":"income","number":1},{"name":"age","integer":41}]}`
	var d Decision
	if err := json.Unmarshal([]byte(good), &d); err != nil || d.Model.ArtifactDigest[0] != 1 || len(d.Inputs) != 2 {
		t.Fatalf("good decision: %v, %+v", err, d)
	}
	for _, c := range []struct{ from, to, want string }{
		{`"0101010101010101010101010101010101010101010101010101010101010101"`, `"01"`, "field model.artifact_digest: digest must be 64 hex digits"},
		{`"0101010101010101010101010101010101010101010101010101010101010101"`, `"zz01010101010101010101010101010101010101010101010101010101010101"`, "field model.artifact_digest: digest: encoding/hex"},
		{`"0101010101010101010101010101010101010101010101010101010101010101"`, `5`, `model.artifact_digest`},
		{`"integer":41`, `"integer":99999999999999999999`, `field inputs[1]: feature "age": integer 99999999999999999999`},
		{`"number":1`, `"number":1e999`, `inputs[0].number`},
		{`"number":1`, `"number":1,"colour":2`, `unknown field "inputs[0].colour"`},
		{`"name":"m"`, `"name":5`, `model.name`},
	} {
		in := strings.Replace(good, c.from, c.to, 1)
		err := json.Unmarshal([]byte(in), &d)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s -> %s: got %v, want an error containing %q", c.from, c.to, err, c.want)
		}
	}
	// null model and inputs decode as before: zero values.
	if err := json.Unmarshal([]byte(`{"id":"x","model":null,"inputs":null}`), &d); err != nil || d.Inputs != nil || d.Model != (Model{}) {
		t.Errorf("null model and inputs: %v, %+v", err, d)
	}
}
