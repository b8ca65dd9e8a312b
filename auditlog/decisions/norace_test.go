//go:build !race

package decisions_test

const raceEnabled = false
