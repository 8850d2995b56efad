package corrections

import (
	"regexp"
	"slices"
	"strings"

	"github.com/tarogen/tarogen/spec"
)

// disagreement is the parser's warning when a parameter's type in the
// ```tsx signature and in the parameter table differ (parser's reconcile:
// the signature's type is kept). A test pins it against the real pages.
var disagreement = regexp.MustCompile(`^parameter \S+ of \S+: signature type (.+) differs from table type (.+); keeping the signature's$`)

// generic is a generic type reference: Callback<T>, Option<T, U>.
var generic = regexp.MustCompile(`^[A-Za-z_][\w.]*<(.+)>$`)

// isTypeArgumentQuirk reports whether a disagreement is the known quirk of
// Taro's doc generator: for a parameter whose type is generic, the table
// gives the type argument instead of the type, e.g. `| callback | T |`
// for (callback: OnMessageCallback<T>) on SocketTask.onMessage and
// onSocketMessage, `| option | T |` for (option: Option<T>) on getStorage
// and request. The signature is right, and the parser keeps it, so the
// warning tells the user nothing they can act on. Any other disagreement
// (batchGetStorageSync's keyList: string[] against T) is still reported.
func isTypeArgumentQuirk(msg string) bool {
	m := disagreement.FindStringSubmatch(msg)
	if m == nil {
		return false
	}
	g := generic.FindStringSubmatch(m[1])
	if g == nil {
		return false
	}
	for _, arg := range strings.Split(g[1], ",") {
		if strings.TrimSpace(arg) == m[2] {
			return true
		}
	}
	return false
}

// Acknowledge returns ds without the warnings for known page quirks that
// tarogen resolves itself. Errors are always kept.
func Acknowledge(ds spec.Diagnostics) spec.Diagnostics {
	return slices.DeleteFunc(slices.Clone(ds), func(d spec.Diagnostic) bool {
		return d.Severity == spec.Warning && isTypeArgumentQuirk(d.Msg)
	})
}
