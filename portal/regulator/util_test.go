package regulator_test

import "strconv"

func itoa(n uint64) string { return strconv.FormatUint(n, 10) }

func strconvF(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }
