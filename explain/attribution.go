package explain

// Method names how an attribution was computed.
type Method string

// Methods this package produces.
const (
	MethodTreeSHAP   Method = "tree_shap_path_dependent"
	MethodLinearSHAP Method = "linear_shap"
)

// Space is the output space in which contributions add up.
type Space string

// Output spaces.
const (
	SpaceMargin      Space = "margin"      // raw score before the link (log-odds for logistic models)
	SpaceProbability Space = "probability" // after the link
)

// Contribution is one feature's share of a prediction.
type Contribution struct {
	Feature      string  `json:"feature"`
	Value        float64 `json:"value"`   // the input value; NaN when the value was missing
	Missing      bool    `json:"missing"` // the input value was missing
	Contribution float64 `json:"contribution"`
}

// Attribution explains one prediction: Base + sum of Contributions equals
// the model's output in Space.
type Attribution struct {
	Method        Method         `json:"method"`
	Space         Space          `json:"space"`
	Class         int            `json:"class"` // output class for multi-class models, 0 otherwise
	Base          float64        `json:"base"`
	Output        float64        `json:"output"`
	Contributions []Contribution `json:"contributions"`
}
