package jshost

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
)

// RequirePass fails t unless the test binary passed: exit code 0, nothing
// thrown or reported by the host, and in its -test.v output every test named
// in want reported `--- PASS` (so a suite that skipped or silently ran
// nothing fails too). It always logs the program's output.
func (r Result) RequirePass(t testing.TB, want ...string) {
	t.Helper()
	t.Logf("program output:\n%s", r.Output)
	var problems []string
	if r.ExitCode != 0 {
		problems = append(problems, fmt.Sprintf("exit code %d, want 0", r.ExitCode))
	}
	for _, h := range r.Host {
		problems = append(problems, "host: "+h)
	}
	for _, name := range want {
		if !passed(r.Output, name) {
			problems = append(problems, fmt.Sprintf("no `--- PASS: %s` in the output", name))
		}
	}
	if len(problems) > 0 {
		t.Fatalf("jshost: the program failed:\n%s", strings.Join(problems, "\n"))
	}
}

func passed(output, name string) bool {
	re := regexp.MustCompile(`(?m)^\s*--- PASS: ` + regexp.QuoteMeta(name) + ` \(`)
	return re.MatchString(output)
}
