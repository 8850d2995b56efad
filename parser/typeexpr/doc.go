// Package typeexpr reads the TypeScript type expressions of Taro API doc
// pages into the [spec.Type] AST.
//
// The page parser calls it for every type cell of a member table ([Parse]),
// for the body of every ```tsx signature block ([ParseSignature]) and, on
// 1.x hand-written pages, for their JavaScript type names ([ParseLegacy]).
// It only builds the tree: it leaves NamedType.Ref nil, since resolving
// names across pages is the job of the package that merges pages.
//
// It is a hand-written lexer and recursive-descent parser. Every node gets
// the page position of its first byte, computed from the position of the
// cell or block the caller passes in; errors are [*Error] values with the
// position of the offending token and a message of the form
// `expected ">" to close type arguments of OnMessageCallback, found end of input`.
//
// # Grammar
//
// In the notation of the Go spec; precedence and associativity are
// TypeScript's.
//
//	Type          = FuncType | Union .
//	FuncType      = [ TypeParams ] "(" [ Param { "," Param } [ "," ] ] ")" "=>" Type .
//	TypeParams    = "<" TypeParam { "," TypeParam } [ "," ] ">" .
//	TypeParam     = ident [ "extends" Type ] [ "=" Type ] .
//	Param         = [ "..." ] ident [ "?" ] [ ":" Type ] .
//	Union         = [ "|" ] Intersection { ( "|" | "or" ) Intersection } .
//	Intersection  = [ "&" ] Operator { "&" Operator } .
//	Operator      = "keyof" Operator | "readonly" Operator | Postfix .
//	Postfix       = Primary { "[" "]" } .
//	Primary       = primitive | string_lit | number_lit | "true" | "false"
//	              | TypeRef | "typeof" ident { "." ident } | "(" Type ")" | Tuple | Object .
//	TypeRef       = ident { "." ident } [ "<" Type { "," Type } [ "," ] ">" ] .
//	Tuple         = "[" [ Type { "," Type } [ "," ] ] "]" .
//	Object        = "{" { Member Sep } [ Member ] "}" .      Sep = ";" | "," | line break .
//	Member        = [ "readonly" ] PropName [ "?" ] ( ":" Type | Method )
//	              | [ "readonly" ] "[" ident ":" Type "]" ":" Type
//	              | Method .                                  (a call signature)
//	Method        = [ TypeParams ] "(" Params ")" [ ":" Type ] .
//	PropName      = ident | string_lit | number_lit .
//
// primitive is one of string number boolean any unknown void undefined null
// never object symbol bigint. string_lit is '…' or "…" with JavaScript
// escapes (and Go's \a and \U, so that String() output reads back);
// number_lit is an optionally negative decimal (1000, -1, 0.5, 1e3) or hex
// number.
//
// What each form becomes:
//
//   - Record<K, V>, Promise<T> and Array<T> become RecordType, PromiseType
//     and ArrayType (with other argument counts they are errors); any other
//     name is a NamedType, with Namespace for dotted names
//     (TaroGeneral.CallbackResult).
//   - T[] is ArrayType; a "[" after a line break is not a suffix (it starts
//     an index signature, as in TypeScript), and T[K] is rejected.
//   - Unions and intersections are flattened: (A | B) | C is A | B | C.
//     Parentheses leave no node behind.
//   - A function type needs parentheses as a union or intersection member
//     or after keyof, as in TypeScript.
//   - `typeof a.b` becomes a NamedType whose Name is "typeof a.b" (no
//     Namespace), since the model has no type-query node; it prints back as
//     written and a resolver can tell it by the prefix.
//   - readonly before an array or tuple type is dropped (the model and Go
//     have no read-only slices), as is readonly on an index signature.
//   - An object method f(x: T): R becomes a member f whose type is the
//     FuncType (x: T) => R; without ": R" its Result is nil. A call
//     signature (x: T): R (no name) goes to ObjectType.Calls.
//   - A parameter without a type annotation, (ctx) => void, keeps a nil
//     Type: TypeScript's implicit any.
//   - A quoted property name stays quoted in ObjectMember.Name unless it is
//     an identifier ('content-type' → "\"content-type\"", 'url' → "url"), so
//     that String() still writes valid TypeScript.
//   - A function's Params is empty, not nil, when it has none.
//
// Not accepted (an *Error says so): conditional, mapped, indexed-access,
// template-literal and constructor types, destructured parameters, type
// predicates, and nesting deeper than 100 levels (an error at the token
// where the 101st level opens: "type nested too deeply").
//
// [ParseSignature] reads a ```tsx block that must be a function type;
// [ParseTypeBlock] one that may hold any type (a `## 类型` block of a
// namespace or value page).
//
// # Page text
//
// Cells arrive as the page wrote them, so before lexing:
//
//   - HTML character references closed by ';' are decoded (&lt; &gt; &amp;
//     &quot; &#39; &#x27; and the rest of html.UnescapeString's), in one
//     pass. Positions stay exact outside a reference; bytes a reference
//     decodes to take the position of its '&'.
//   - `\|` (a pipe table's escaped pipe) is read as "|".
//   - Backticks are whitespace, so a cell still wrapped in a code span, or
//     holding several (`A` | `B`), reads the same. Zero-width characters are
//     whitespace too.
//   - Pipe-format pages write unions with " or " (string or ArrayBuffer);
//     "or" between two types is a union operator.
//
// One consequence of decoding: a string literal type whose value contains
// entity-like text ("&amp;lt;" is read as the value "&lt;") does not survive
// a String() and re-Parse round trip, since String() does not escape '&'.
package typeexpr
