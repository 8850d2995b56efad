// Package hygiene holds the repository's own checks: what may be tracked
// in git. It has no code of its own; see hygiene_test.go.
package hygiene
