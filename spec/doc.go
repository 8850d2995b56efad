// Package spec is tarogen's model of Taro API reference pages: the typed
// hand-off between the parser (which fills it from Markdown) and the
// generator (which reads it to write Go).
//
// A [Page] is one doc page as read; a [Package] is several pages merged, with
// cross-page type references resolved. Types are an AST ([Type]), never
// strings. Every node carries the [Pos] of the text it came from, so that
// diagnostics from any later stage point into the page.
//
// # JSON encoding
//
// The model is encoded with encoding/json. The encoding is stable: fields
// are only ever added, never renamed or removed. Conventions:
//
//   - Every node has "pos": "file:line:col" (1-based line and column; column
//     counts bytes).
//   - A type is an object with "kind" naming the variant ("primitive",
//     "named", "typeparam", "array", "tuple", "union", "intersection",
//     "literal", "function", "object", "record", "keyof", "promise") and
//     that variant's fields, documented on each Go type below.
//   - Support is "supported", "unsupported" or "unknown".
//   - Empty fields are omitted.
//
// # Page kinds
//
// "kind" on a page says what it documents and which field holds it:
//
//	"function"   "function": {…}    connectSocket: ## 类型 is a signature
//	"class"      "class": {…}       SocketTask: ## 方法 with ### methods
//	"namespace"  "namespace": {…}   router: ## 类型 is the bare name "router";
//	                                 its methods are "methods" with "owner": "router"
//	"value"      "value": {…}       env: ## 类型 is a type, e.g.
//	                                 "type": {"kind": "object", "index": […], "members": […]}
//	"types"      (none)             only "decls": a page with ## 参数 types and no API
//
// Added later, all optional in older dumps: "kind", "namespace" and "value"
// on a page; "calls" on an object type (call signatures,
// `{ (x: number): string }` → "calls": [{"kind": "function", …}]).
package spec
