package corrections

import (
	"fmt"
	"slices"

	"github.com/tarogen/tarogen/spec"
)

// quirk is a disagreement between a page's ```tsx signature and its
// parameter table that is known to be the page's mistake, where the parser
// already keeps the right type (the signature's).
type quirk struct {
	api       string // e.g. "SocketTask.onMessage"
	param     string // e.g. "callback"
	signature string // the type the signature gives, kept: "OnMessageCallback<T>"
	table     string // the type the table gives, dropped: "T"
}

// knownQuirks: Taro's doc generator writes a generic listener's type
// argument (T) in the parameter table where the signature has the callback
// type (Callback<T>). Every real page with a generic message listener does
// it, so the warning tells the user nothing they can act on.
var knownQuirks = []quirk{
	{api: "SocketTask.onMessage", param: "callback", signature: "OnMessageCallback<T>", table: "T"},
	{api: "onSocketMessage", param: "callback", signature: "Callback<T>", table: "T"},
}

// message is the parser's warning for q, word for word (parser's
// reconcile); a test pins that the real pages produce exactly it.
func (q quirk) message() string {
	return fmt.Sprintf("parameter %s of %s: signature type %s differs from table type %s; keeping the signature's",
		q.param, q.api, q.signature, q.table)
}

// Acknowledge returns ds without the warnings for known page quirks that
// tarogen resolves itself. Errors are always kept.
func Acknowledge(ds spec.Diagnostics) spec.Diagnostics {
	return slices.DeleteFunc(slices.Clone(ds), func(d spec.Diagnostic) bool {
		return d.Severity == spec.Warning && slices.ContainsFunc(knownQuirks, func(q quirk) bool { return d.Msg == q.message() })
	})
}
