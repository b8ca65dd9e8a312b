package regulator

import (
	"html/template"
	"strings"
)

var funcs = template.FuncMap{
	"join": strings.Join,
	"est":  est,
}
