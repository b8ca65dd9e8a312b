package fairness

import (
	"fmt"
	"slices"
	"strings"

	"github.com/glassbox-audit/glassbox/auditlog/record"
)

// CheckKnown reports an [InputError] when q names a model, a version or a
// group attribute that no counter cell of the log knows: a typo such as
// --by colour would otherwise give an empty report that looks like an
// answer. cells are all the counter cells of the log (of every model, every
// day). A log with no decision at all knows nothing and is not checked:
// its report says that it holds no decision.
func CheckKnown(cells []record.CountCell, q *Query) error {
	if len(cells) == 0 {
		return nil
	}
	models := map[string]bool{}
	versions := map[string]bool{}
	attrs := map[string]bool{}
	for _, c := range cells {
		models[c.Model] = true
		if c.Model == q.Model {
			versions[c.Version] = true
		}
		if q.Model != "" && c.Model != q.Model || q.Version != "" && c.Version != q.Version {
			continue
		}
		for _, a := range c.Groups {
			attrs[a.Name] = true
		}
	}
	if q.Model != "" && !models[q.Model] {
		return invalid("query.model", "the log holds no decision of model %q (models: %s)", q.Model, names(models))
	}
	if q.Model != "" && q.Version != "" && !versions[q.Version] {
		return invalid("query.version", "the log holds no decision of model %q version %q (versions: %s)", q.Model, q.Version, names(versions))
	}
	for _, b := range q.By {
		if !attrs[b] {
			return invalid("query.by", "no decision selected has the group attribute %q (attributes: %s)", b, names(attrs))
		}
	}
	return nil
}

// names lists the keys of m, sorted, at most ten of them.
func names(m map[string]bool) string {
	if len(m) == 0 {
		return "none"
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, fmt.Sprintf("%q", k))
	}
	slices.Sort(keys)
	if len(keys) > 10 {
		return strings.Join(keys[:10], ", ") + fmt.Sprintf(" and %d more", len(keys)-10)
	}
	return strings.Join(keys, ", ")
}
