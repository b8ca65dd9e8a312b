package record

// CountCell is one fairness counter: how many decisions, and what total
// sample weight, a model version made on one UTC day for one combination of
// group attributes, decision label and outcome label ("" = no outcome
// recorded yet). Package auditlog/decisions maintains these counters at
// append time and package fairness reads them; cells of several logs add
// up.
type CountCell struct {
	Model    string
	Version  string
	Day      string // YYYY-MM-DD, UTC, of the decision's time
	Groups   []Attr // sorted by name
	Decision string
	Outcome  string
	Count    uint64
	Weight   float64
	// Erased marks the cell of erased decisions: it keeps the model,
	// version, day, decision and outcome totals of the decisions whose
	// subjects were erased, with no Groups and zero Weight.
	Erased bool
}
