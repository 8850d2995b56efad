// Package golden guards tarogen's output. Each case in testdata/*.txtar is
// one page group in one readable archive: the input pages (pages/…), the
// overlay (overlay.yaml, if any), and the expected spec dump (spec.json),
// diagnostics (diagnostics.txt) and generated Go files (out/…).
//
//	go test ./golden              compares
//	go test ./golden -update      rewrites the expected parts
//
// Every case's output is also vetted, with no tag and with each platform
// tag, and the checked-in package under generated/ is regenerated and must
// not drift.
package golden
