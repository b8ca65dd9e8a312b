//go:build race

package decisions_test

const raceEnabled = true
