package typeexpr

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/tarogen/tarogen/spec"
)

// at is where every test input sits: page p.md, line 10, column 5.
var at = spec.Pos{File: "p.md", Line: 10, Col: 5}

// shape renders t's structure: the node kinds and key fields that String()
// does not show (or shows the same way for different trees).
func shape(t spec.Type) string {
	switch t := t.(type) {
	case nil:
		return "nil"
	case *spec.PrimitiveType:
		return t.Name
	case *spec.NamedType:
		s := "N:" + strings.Join(append(append([]string(nil), t.Namespace...), t.Name), "/")
		if len(t.Args) > 0 {
			s += "<" + shapes(t.Args) + ">"
		}
		return s
	case *spec.LiteralType:
		return "L:" + t.Lit + ":" + t.Value
	case *spec.ArrayType:
		return "Arr(" + shape(t.Elem) + ")"
	case *spec.TupleType:
		return "Tup(" + shapes(t.Elems) + ")"
	case *spec.UnionType:
		return "U(" + shapes(t.Types) + ")"
	case *spec.IntersectionType:
		return "I(" + shapes(t.Types) + ")"
	case *spec.RecordType:
		return "Rec(" + shape(t.Key) + ", " + shape(t.Value) + ")"
	case *spec.PromiseType:
		return "Prom(" + shape(t.Elem) + ")"
	case *spec.KeyOfType:
		return "KeyOf(" + shape(t.Type) + ")"
	case *spec.TypeParamType:
		s := "TP:" + t.Name
		if t.Constraint != nil {
			s += " ext " + shape(t.Constraint)
		}
		if t.Default != nil {
			s += " = " + shape(t.Default)
		}
		return s
	case *spec.FuncType:
		var b strings.Builder
		b.WriteString("F")
		if len(t.TypeParams) > 0 {
			b.WriteString("<")
			for i, tp := range t.TypeParams {
				if i > 0 {
					b.WriteString(", ")
				}
				b.WriteString(shape(tp))
			}
			b.WriteString(">")
		}
		b.WriteString("(")
		for i, p := range t.Params {
			if i > 0 {
				b.WriteString(", ")
			}
			if p.Rest {
				b.WriteString("...")
			}
			b.WriteString(p.Name)
			if p.Optional {
				b.WriteString("?")
			}
			if p.Type != nil {
				b.WriteString(":" + shape(p.Type))
			}
		}
		b.WriteString(")->" + shape(t.Result))
		return b.String()
	case *spec.ObjectType:
		var parts []string
		for _, m := range t.Members {
			s := m.Name
			if m.ReadOnly {
				s = "ro " + s
			}
			if m.Optional {
				s += "?"
			}
			parts = append(parts, s+":"+shape(m.Type))
		}
		for _, ix := range t.Index {
			parts = append(parts, "["+ix.KeyName+":"+shape(ix.Key)+"]:"+shape(ix.Value))
		}
		for _, c := range t.Calls {
			parts = append(parts, "call "+shape(c))
		}
		return "O{" + strings.Join(parts, "; ") + "}"
	}
	return fmt.Sprintf("?%T", t)
}

func shapes(ts []spec.Type) string {
	var parts []string
	for _, t := range ts {
		parts = append(parts, shape(t))
	}
	return strings.Join(parts, ", ")
}

type parseCase struct {
	in    string
	str   string // normalised String()
	shape string
}

// realCells are type cells and signatures copied from the pages in
// /work/shared/taro-docs, as written there (entities, backticks, " or ").
var realCells = []parseCase{
	// html-css / html-jsx <code> cells
	{"(res: CallbackResult) =&gt; void", "(res: CallbackResult) => void", "F(res:N:CallbackResult)->void"},
	{"(result: FileSuccessCallbackResult) =&gt; void", "(result: FileSuccessCallbackResult) => void", "F(result:N:FileSuccessCallbackResult)->void"},
	{"OnMessageCallbackResult&lt;T&gt;", "OnMessageCallbackResult<T>", "N:OnMessageCallbackResult<N:T>"},
	{"Record&lt;string, any&gt;", "Record<string, any>", "Rec(string, any)"},
	{"string | ArrayBuffer", "string | ArrayBuffer", "U(string, N:ArrayBuffer)"},
	{"string[]", "string[]", "Arr(string)"},
	{"WebSocket", "WebSocket", "N:WebSocket"},
	{"T", "T", "N:T"},
	{"boolean", "boolean", "boolean"},
	{"&quot;udp4&quot; | &quot;udp6&quot;", `"udp4" | "udp6"`, "U(L:string:udp4, L:string:udp6)"},
	// pipe / mdx cells
	{"`(res: TaroGeneral.CallbackResult) => void`", "(res: TaroGeneral.CallbackResult) => void", "F(res:N:TaroGeneral/CallbackResult)->void"},
	{"`TaroGeneral.IAnyObject`", "TaroGeneral.IAnyObject", "N:TaroGeneral/IAnyObject"},
	{"`CallbackResult<T>`", "CallbackResult<T>", "N:CallbackResult<N:T>"},
	{"`Record<string, any>`", "Record<string, any>", "Rec(string, any)"},
	{"string or ArrayBuffer", "string | ArrayBuffer", "U(string, N:ArrayBuffer)"},
	{"`string` \\| `ArrayBuffer`", "string | ArrayBuffer", "U(string, N:ArrayBuffer)"},
	{`"udp4" \| "udp6"`, `"udp4" | "udp6"`, "U(L:string:udp4, L:string:udp6)"},
	{"`number`", "number", "number"},
	// ```tsx signatures
	{"<T = any>(callback: OnMessageCallback<T>) => void", "<T = any>(callback: OnMessageCallback<T>) => void", "F<TP:T = any>(callback:N:OnMessageCallback<N:T>)->void"},
	{"<T = any>(callback: Callback<T>) => void", "<T = any>(callback: Callback<T>) => void", "F<TP:T = any>(callback:N:Callback<N:T>)->void"},
	{"(result: OnMessageCallbackResult<T>) => void", "(result: OnMessageCallbackResult<T>) => void", "F(result:N:OnMessageCallbackResult<N:T>)->void"},
	{"(option: Option) => Promise<SocketTask>", "(option: Option) => Promise<SocketTask>", "F(option:N:Option)->Prom(N:SocketTask)"},
	{"(option?: Option) => Promise<CallbackResult>", "(option?: Option) => Promise<CallbackResult>", "F(option?:N:Option)->Prom(N:CallbackResult)"},
	{"(option: Option) => DownloadTask", "(option: Option) => DownloadTask", "F(option:N:Option)->N:DownloadTask"},
	{"(callback: (res: CallbackResult) => void) => void", "(callback: (res: CallbackResult) => void) => void", "F(callback:F(res:N:CallbackResult)->void)->void"},
	{"(callback: (result: Callback) => void) => void", "(callback: (result: Callback) => void) => void", "F(callback:F(result:N:Callback)->void)->void"},
	{"() => void", "() => void", "F()->void"},
	{"(port: number) => number", "(port: number) => number", "F(port:number)->number"},
}

// grammarCases cover the grammar beyond what the fixture pages use.
var grammarCases = []parseCase{
	// primitives and literals
	{"unknown", "unknown", "unknown"},
	{"never", "never", "never"},
	{"symbol | bigint | object | null | undefined", "symbol | bigint | object | null | undefined", "U(symbol, bigint, object, null, undefined)"},
	{"'single'", `"single"`, "L:string:single"},
	{`"a\"b\\c\n\u00e9\x41\u{1F600}"`, `"a\"b\\c\néA😀"`, "L:string:a\"b\\c\néA😀"},
	{`'\ud83d\ude00'`, `"😀"`, "L:string:😀"},
	{`'it\'s'`, `"it's"`, "L:string:it's"},
	{"1000", "1000", "L:number:1000"},
	{"-1 | 0.5 | 1e3 | 0x1F", "-1 | 0.5 | 1e3 | 0x1F", "U(L:number:-1, L:number:0.5, L:number:1e3, L:number:0x1F)"},
	{"true | false", "true | false", "U(L:boolean:true, L:boolean:false)"},
	// names
	{"A.B.C<D, E.F>", "A.B.C<D, E.F>", "N:A/B/C<N:D, N:E/F>"},
	{"Map<string, Array<number>>", "Map<string, number[]>", "N:Map<string, Arr(number)>"},
	{"Promise<void>", "Promise<void>", "Prom(void)"},
	{"Promise", "Promise", "N:Promise"},
	{"Array", "Array", "N:Array"},
	{"Taro.Record<A>", "Taro.Record<A>", "N:Taro/Record<N:A>"},
	{"Foo<A,>", "Foo<A>", "N:Foo<N:A>"},
	{"$_ok9", "$_ok9", "N:$_ok9"},
	{"名前", "名前", "N:名前"},
	// arrays and tuples
	{"string[][]", "string[][]", "Arr(Arr(string))"},
	{"(A | B)[]", "(A | B)[]", "Arr(U(N:A, N:B))"},
	{"Array<A | B>", "(A | B)[]", "Arr(U(N:A, N:B))"},
	{"(() => void)[]", "(() => void)[]", "Arr(F()->void)"},
	{"Array<string>[]", "string[][]", "Arr(Arr(string))"},
	{"[A, B]", "[A, B]", "Tup(N:A, N:B)"},
	{"[string, number[],]", "[string, number[]]", "Tup(string, Arr(number))"},
	{"[]", "[]", "Tup()"},
	{"[A][]", "[A][]", "Arr(Tup(N:A))"},
	{"readonly string[]", "string[]", "Arr(string)"},
	// unions, intersections, precedence
	{"| 'a' | 'b'", `"a" | "b"`, "U(L:string:a, L:string:b)"},
	{"| A", "A", "N:A"},
	{"A | B & C", "A | B & C", "U(N:A, I(N:B, N:C))"},
	{"A & B | C", "A & B | C", "U(I(N:A, N:B), N:C)"},
	{"& A & B", "A & B", "I(N:A, N:B)"},
	{"(A | B) | C", "A | B | C", "U(N:A, N:B, N:C)"},
	{"A | (B | C)", "A | B | C", "U(N:A, N:B, N:C)"},
	{"A or B or C", "A | B | C", "U(N:A, N:B, N:C)"},
	{"Array<string or number>", "(string | number)[]", "Arr(U(string, number))"},
	{"string | (() => void)", "string | (() => void)", "U(string, F()->void)"},
	{"A & (() => void)", "A & (() => void)", "I(N:A, F()->void)"},
	{"((A))", "A", "N:A"},
	// keyof, typeof
	{"keyof T", "keyof T", "KeyOf(N:T)"},
	{"keyof T[]", "keyof T[]", "KeyOf(Arr(N:T))"},
	{"(keyof T)[]", "(keyof T)[]", "Arr(KeyOf(N:T))"},
	{"keyof typeof obj", "keyof typeof obj", "KeyOf(N:typeof obj)"},
	{"typeof Taro.request", "typeof Taro.request", "N:typeof Taro.request"},
	{"typeof x[]", "typeof x[]", "Arr(N:typeof x)"},
	// functions
	{"(a: A, b?: B, ...rest: C[]) => R", "(a: A, b?: B, ...rest: C[]) => R", "F(a:N:A, b?:N:B, ...rest:Arr(N:C))->N:R"},
	{"(a, b) => void", "(a, b) => void", "F(a, b)->void"},
	{"(a) => void", "(a) => void", "F(a)->void"},
	{"(a?) => void", "(a?) => void", "F(a?)->void"},
	{"(...args) => any", "(...args) => any", "F(...args)->any"},
	{"(a: A,) => void", "(a: A) => void", "F(a:N:A)->void"},
	{"<T>(x: T) => T", "<T>(x: T) => T", "F<TP:T>(x:N:T)->N:T"},
	{"<T = any, U extends X = Y>(t: T, u: U) => void", "<T = any, U extends X = Y>(t: T, u: U) => void", "F<TP:T = any, TP:U ext N:X = N:Y>(t:N:T, u:N:U)->void"},
	{"<K extends keyof T>(k: K) => T", "<K extends keyof T>(k: K) => T", "F<TP:K ext KeyOf(N:T)>(k:N:K)->N:T"},
	{"() => () => void", "() => () => void", "F()->F()->void"},
	{"() => string | number", "() => string | number", "F()->U(string, number)"},
	{"(this: Window, string) => void", "(this: Window, string) => void", "F(this:N:Window, string)->void"},
	{"(string)", "string", "string"},
	{"(string)[]", "string[]", "Arr(string)"},
	{"(a: Record<string, (x: number) => void>) => Promise<[A, B]>", "(a: Record<string, (x: number) => void>) => Promise<[A, B]>", "F(a:Rec(string, F(x:number)->void))->Prom(Tup(N:A, N:B))"},
	// object literals
	{"{}", "{}", "O{}"},
	{"{ a: string; b?: number, readonly c: X; [key: string]: any }", "{ a: string; b?: number; readonly c: X; [key: string]: any }", "O{a:string; b?:number; ro c:N:X; [key:string]:any}"},
	{"{ a: string, }", "{ a: string }", "O{a:string}"},
	// zero-width characters inside a name are stripped; the name is NFC
	{"Close\u200bOption", "CloseOption", "N:CloseOption"},
	{"TaroGeneral.\u200bCallback\u2060Result", "TaroGeneral.CallbackResult", "N:TaroGeneral/CallbackResult"},
	{"\u200bA\u200b | B", "A | B", "U(N:A, N:B)"},
	{"Caf\u0065\u0301", "Caf\u00e9", "N:Caf\u00e9"},
	// call signatures (real pages: a callable object type)
	{"{ (x: T): R }", "{ (x: T): R }", "O{call F(x:N:T)->N:R}"},
	{"{ (x: number): string; a: B }", "{ a: B; (x: number): string }", "O{a:N:B; call F(x:number)->string}"},
	{"{ <T>(x: T): T, (): void }", "{ <T>(x: T): T; (): void }", "O{call F<TP:T>(x:N:T)->N:T; call F()->void}"},
	{"{ (ctx) }", "{ (ctx): void }", "O{call F(ctx)->nil}"},
	{"{ readonly (x: T): R }", "{ readonly: (x: T) => R }", "O{readonly:F(x:N:T)->N:R}"},
	// untyped parameters are TypeScript's implicit any: Type stays nil
	{"(ctx) => { [key: string]: any; }", "(ctx) => { [key: string]: any }", "F(ctx)->O{[key:string]:any}"},
	{"(ctx, next) => Promise<void>", "(ctx, next) => Promise<void>", "F(ctx, next)->Prom(void)"},
	{"Array<(ctx) => void>", "((ctx) => void)[]", "Arr(F(ctx)->void)"},
	{"{\n  a: string\n  b: number\n  [k: string]: any\n}", "{ a: string; b: number; [k: string]: any }", "O{a:string; b:number; [k:string]:any}"},
	{"{ f(x: T): R; g?(): void; h() }", "{ f: (x: T) => R; g?: () => void; h: () => void }", "O{f:F(x:N:T)->N:R; g?:F()->void; h:F()->nil}"},
	{"{ m<T>(x: T): T }", "{ m: <T>(x: T) => T }", "O{m:F<TP:T>(x:N:T)->N:T}"},
	{"{ 'content-type': string; 'url': string; 1: number }", `{ "content-type": string; url: string; 1: number }`, `O{"content-type":string; url:string; 1:number}`},
	{"{ readonly: boolean; readonly readonly?: string; or: X }", "{ readonly: boolean; readonly readonly?: string; or: X }", "O{readonly:boolean; ro readonly?:string; or:N:X}"},
	{"{ a: A\n  or: B }", "{ a: A; or: B }", "O{a:N:A; or:N:B}"},
	{"{ a: { b: { c: string[] } } }", "{ a: { b: { c: string[] } } }", "O{a:O{b:O{c:Arr(string)}}}"},
	{"{ readonly [key: string]: any }", "{ [key: string]: any }", "O{[key:string]:any}"},
	{"{ cb: (res: A) => void; ;; }", "{ cb: (res: A) => void }", "O{cb:F(res:N:A)->void}"},
	{"{ a: string }[]", "{ a: string }[]", "Arr(O{a:string})"},
	// page text
	{"  string  ", "string", "string"},
	{"A &amp; B", "A & B", "I(N:A, N:B)"},
	{"&#39;a&#39; | &#x27;b&#x27; | &#34;c&#34;", `"a" | "b" | "c"`, "U(L:string:a, L:string:b, L:string:c)"},
	{"'&amp;lt;'", `"&lt;"`, "L:string:&lt;"},
	{"A &nbsp;| B", "A | B", "U(N:A, N:B)"},
	{"'a\\|b'", `"a|b"`, "L:string:a|b"},
	{"\u200bstring\u200b", "string", "string"},
	{"A\n| B\n| C", "A | B | C", "U(N:A, N:B, N:C)"},
}

func TestParse(t *testing.T) {
	for _, tc := range append(append([]parseCase(nil), realCells...), grammarCases...) {
		t.Run(tc.in, func(t *testing.T) {
			got, err := Parse(tc.in, at)
			if err != nil {
				t.Fatalf("Parse(%q) error: %v", tc.in, err)
			}
			if s := got.String(); s != tc.str {
				t.Errorf("Parse(%q).String() = %q, want %q", tc.in, s, tc.str)
			}
			if s := shape(got); s != tc.shape {
				t.Errorf("shape(Parse(%q)) = %s, want %s", tc.in, s, tc.shape)
			}
			if p := got.Position(); !p.IsValid() || p.File != "p.md" {
				t.Errorf("Parse(%q).Position() = %v, want a position in p.md", tc.in, p)
			}
		})
	}
}

// TestRoundTrip: printing a parsed type and parsing it again gives the
// same String(), for every valid input of the tables.
func TestRoundTrip(t *testing.T) {
	for _, tc := range append(append([]parseCase(nil), realCells...), grammarCases...) {
		got, err := Parse(tc.in, at)
		if err != nil {
			t.Fatalf("Parse(%q) error: %v", tc.in, err)
		}
		checkRoundTrip(t, tc.in, got)
	}
}

// checkRoundTrip checks Parse(t.String()).String() == t.String(), except
// where spec's printer cannot write t unambiguously (see printerGap) or the
// printed text holds an HTML reference that Parse would decode.
func checkRoundTrip(t *testing.T, src string, typ spec.Type) {
	t.Helper()
	s := typ.String()
	if printerGap(typ) != "" || hasEntity(s) {
		return
	}
	again, err := Parse(s, at)
	if err != nil {
		t.Fatalf("Parse(%q) = %q, which does not parse: %v", src, s, err)
	}
	if s2 := again.String(); s2 != s {
		t.Fatalf("Parse(%q) = %q, which reparses as %q", src, s, s2)
	}
}

func hasEntity(s string) bool {
	src, err := newSource(s, spec.Pos{})
	return err == nil && src.text != s
}

// printerGap names a node of t that spec's String() cannot print so that
// it reads back the same, or returns "". Package spec now parenthesises
// keyof, intersection and union operands, so no gap remains; the hook
// stays for the round-trip checks.
func printerGap(t spec.Type) string { return "" }

// TestPrinterRoundTrips pins the cases spec once printed ambiguously.
func TestPrinterRoundTrips(t *testing.T) {
	for in, want := range map[string]string{
		"keyof (A | B)":      "keyof (A | B)",
		"(A | B) & C":        "(A | B) & C",
		"keyof (() => void)": "keyof (() => void)",
		"A | (B & C)":        "A | B & C",
	} {
		typ, err := Parse(in, at)
		if err != nil {
			t.Fatalf("Parse(%q) error: %v", in, err)
		}
		if got := typ.String(); got != want {
			t.Errorf("Parse(%q).String() = %q, want %q", in, got, want)
		}
		checkRoundTrip(t, in, typ)
	}
}

// find returns the first node inside t (depth first, source order) whose
// String() is s and whose type is like want's.
func find(t spec.Type, s string, like spec.Type) spec.Type {
	var found spec.Type
	spec.Walk(t, func(n spec.Type) bool {
		if found == nil && n.String() == s && fmt.Sprintf("%T", n) == fmt.Sprintf("%T", like) {
			found = n
		}
		return found == nil
	})
	return found
}

func TestPositions(t *testing.T) {
	tests := []struct {
		in   string
		node string    // String() of the node to look at
		like spec.Type // its Go type
		want string    // its position
	}{
		// Line 10, column 5 is the first byte; columns count bytes.
		{"string", "string", &spec.PrimitiveType{}, "p.md:10:5"},
		{"<T = any>(callback: OnMessageCallback<T>) => void", "T", &spec.NamedType{}, "p.md:10:43"},
		{"<T = any>(callback: OnMessageCallback<T>) => void", "T = any", &spec.TypeParamType{}, "p.md:10:6"},
		{"<T = any>(callback: OnMessageCallback<T>) => void", "any", &spec.PrimitiveType{}, "p.md:10:10"},
		{"<T = any>(callback: OnMessageCallback<T>) => void", "void", &spec.PrimitiveType{}, "p.md:10:50"},
		{"(res: TaroGeneral.CallbackResult) => void", "TaroGeneral.CallbackResult", &spec.NamedType{}, "p.md:10:11"},
		{"string or ArrayBuffer", "ArrayBuffer", &spec.NamedType{}, "p.md:10:15"},
		{"string or ArrayBuffer", "string | ArrayBuffer", &spec.UnionType{}, "p.md:10:5"},
		{"  (A | B)[]", "(A | B)[]", &spec.ArrayType{}, "p.md:10:7"},
		{"  (A | B)[]", "B", &spec.NamedType{}, "p.md:10:12"},
		{"Array<number>", "number", &spec.PrimitiveType{}, "p.md:10:11"},
		{"Record<string, any>", "any", &spec.PrimitiveType{}, "p.md:10:20"},
		// Entities: after one, columns are exact again (the source bytes).
		{"Record&lt;string, any&gt;", "any", &spec.PrimitiveType{}, "p.md:10:23"},
		{"OnMessageCallbackResult&lt;T&gt;", "T", &spec.NamedType{}, "p.md:10:32"},
		// Inside a reference, decoded bytes take the '&' position.
		{"&quot;udp4&quot;", `"udp4"`, &spec.LiteralType{}, "p.md:10:5"},
		// After a newline, lines count on and columns restart at 1.
		{"{\n  a: string\n  b: Foo<T>\n}", "T", &spec.NamedType{}, "p.md:12:10"},
		{"{\n  a: string\n  b: Foo<T>\n}", "string", &spec.PrimitiveType{}, "p.md:11:6"},
		{"{\n  a: string\n  b: Foo<T>\n}", "{ a: string; b: Foo<T> }", &spec.ObjectType{}, "p.md:10:5"},
		{"(a: A) =>\n\tvoid", "void", &spec.PrimitiveType{}, "p.md:11:2"},
		{"-1", "-1", &spec.LiteralType{}, "p.md:10:5"},
		{"keyof T", "keyof T", &spec.KeyOfType{}, "p.md:10:5"},
		{"名前 | T", "T", &spec.NamedType{}, "p.md:10:14"}, // 名前 is 6 bytes
	}
	for _, tc := range tests {
		typ, err := Parse(tc.in, at)
		if err != nil {
			t.Errorf("Parse(%q) error: %v", tc.in, err)
			continue
		}
		n := find(typ, tc.node, tc.like)
		if n == nil {
			t.Errorf("Parse(%q): no %T %q in %s", tc.in, tc.like, tc.node, shape(typ))
			continue
		}
		if got := n.Position().String(); got != tc.want {
			t.Errorf("Parse(%q): %T %q at %s, want %s", tc.in, tc.like, tc.node, got, tc.want)
		}
	}
}

func TestPositionsOfParamsAndMembers(t *testing.T) {
	ft, err := ParseSignature("<T = any>(callback: OnMessageCallback<T>, ...rest: any[]) => void", at)
	if err != nil {
		t.Fatal(err)
	}
	got := []string{ft.Pos.String(), ft.TypeParams[0].Pos.String(), ft.Params[0].Pos.String(), ft.Params[1].Pos.String()}
	want := []string{"p.md:10:5", "p.md:10:6", "p.md:10:15", "p.md:10:47"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ParseSignature positions (func, type param, params) (-want +got):\n%s", diff)
	}

	typ, err := Parse("{ readonly a: A; [k: string]: B }", at)
	if err != nil {
		t.Fatal(err)
	}
	obj := typ.(*spec.ObjectType)
	got = []string{obj.Members[0].Pos.String(), obj.Index[0].Pos.String(), obj.Index[0].Key.Position().String()}
	want = []string{"p.md:10:7", "p.md:10:22", "p.md:10:26"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Parse object positions (member, index, key) (-want +got):\n%s", diff)
	}
}

func TestZeroPosition(t *testing.T) {
	_, err := Parse("Foo<T", spec.Pos{})
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("Parse error = %v (%T), want *Error", err, err)
	}
	if got, want := err.Error(), `1:6: expected ">" to close type arguments of Foo, found end of input`; got != want {
		t.Errorf("Parse(%q, zero Pos) error = %q, want %q", "Foo<T", got, want)
	}
	d := e.Diagnostic()
	if d.Severity != spec.Error || d.Msg != e.Msg || d.Pos != e.Pos {
		t.Errorf("Diagnostic() = %v, want an error diagnostic at %v: %s", d, e.Pos, e.Msg)
	}
}

type errorCase struct {
	in  string
	pos string // error position
	msg string
}

var errorCases = []errorCase{
	{"", "p.md:10:5", "expected type, found end of input"},
	{"   ", "p.md:10:8", "expected type, found end of input"},
	{"``", "p.md:10:7", "expected type, found end of input"},
	{"OnMessageCallback<T", "p.md:10:24", `expected ">" to close type arguments of OnMessageCallback, found end of input`},
	{"TaroGeneral.Foo<A, B", "p.md:10:25", `expected ">" to close type arguments of TaroGeneral.Foo, found end of input`},
	{"string string", "p.md:10:12", `expected end of type expression, found "string"`},
	{"A | B)", "p.md:10:10", `expected end of type expression, found ")"`},
	{"(A | B", "p.md:10:11", `expected ")" to close parenthesized type, found end of input`},
	{"[A, B", "p.md:10:10", `expected "]" to close tuple type, found end of input`},
	{"[A B]", "p.md:10:8", `expected "]" to close tuple type, found "B"`},
	{"{ a: string", "p.md:10:16", `expected "}" to close object type, found end of input`},
	{"{ a: string b: number }", "p.md:10:17", `expected ";" or "}" after object member, found "b"`},
	{"{ a string }", "p.md:10:9", `expected ":" after property name a, found "string"`},
	{"{ (x: T: R }", "p.md:10:12", `expected "," or ")" in parameter list, found ":"`},
	{"{ [Symbol.iterator]: X }", "p.md:10:7", "computed property names are not supported; expected an index signature [key: string]: T"},
	{"{ [k: string: any }", "p.md:10:17", `expected "]" to close index signature, found ":"`},
	{"'abc", "p.md:10:5", "unterminated string literal"},
	{"\"abc\ndef\"", "p.md:10:5", "unterminated string literal"},
	{`'a\`, "p.md:10:5", "unterminated string literal"},
	{`'\xZZ'`, "p.md:10:6", "invalid escape sequence in string literal"},
	{`'\u{110000}'`, "p.md:10:6", "invalid escape sequence in string literal"},
	{"A # B", "p.md:10:7", `invalid character '#'`},
	{"A - B", "p.md:10:7", `invalid character '-'`},
	{`A \ B`, "p.md:10:7", `invalid character '\\'`},
	{"1px", "p.md:10:5", `invalid number literal "1px"`},
	{"0x", "p.md:10:5", `invalid number literal "0x"`},
	{"A..B", "p.md:10:7", `expected name after ".", found "."`},
	{"A.", "p.md:10:7", `expected name after ".", found end of input`},
	{"A.1", "p.md:10:7", `expected name after ".", found "1"`},
	{"A |", "p.md:10:8", "expected type, found end of input"},
	{"A or", "p.md:10:9", "expected type, found end of input"},
	{"| | A", "p.md:10:7", `expected type, found "|"`},
	{"A<>", "p.md:10:7", `expected type, found ">"`},
	{"string | () => void", "p.md:10:14", "function type must be parenthesized in a union type"},
	{"A & () => void", "p.md:10:9", "function type must be parenthesized in an intersection type"},
	{"keyof () => void", "p.md:10:11", "function type must be parenthesized after keyof"},
	{"(a: A) => ", "p.md:10:15", "expected type, found end of input"},
	{"(a: A)", "p.md:10:11", `expected "=>" after parameter list, found end of input`},
	{"(a: A", "p.md:10:10", `expected ")" to close parameter list, found end of input`},
	{"(a: A b) => void", "p.md:10:11", `expected "," or ")" in parameter list, found "b"`},
	{"(...a: A[], b: B) => void", "p.md:10:6", "rest parameter must be last in parameter list"},
	{"({ a }: X) => void", "p.md:10:10", `expected ":" after property name a, found "}"`}, // a parenthesized object type, as in TypeScript
	{"(a, { b }) => void", "p.md:10:9", "destructured parameters are not supported"},
	{"(a, 1) => void", "p.md:10:9", `expected parameter name, found "1"`},
	{"<>() => void", "p.md:10:6", `expected type parameter name, found ">"`},
	{"<T () => void", "p.md:10:8", `expected ">" to close type parameter list, found "("`},
	{"<T> => void", "p.md:10:9", `expected "(" to start parameter list, found "=>"`},
	{"Record<string>", "p.md:10:5", "Record takes 2 type arguments, found 1"},
	{"Promise<A, B>", "p.md:10:5", "Promise takes 1 type argument, found 2"},
	{"Array<A, B>", "p.md:10:5", "Array takes 1 type argument, found 2"},
	{"T['a']", "p.md:10:6", "indexed access types (T[K]) are not supported"},
	{"typeof 1", "p.md:10:12", `expected name after typeof, found "1"`},
	{"readonly A", "p.md:10:5", `readonly applies only to array and tuple types, found "A"`},
	{"A ? B : C", "p.md:10:7", `expected end of type expression, found "?"`},
	{"x is string", "p.md:10:7", `expected end of type expression, found "is"`},
	{"A 'very long string literal that goes on and on and on'", "p.md:10:7", `expected end of type expression, found string literal 'very long string literal that goes on a…`},
	{"string\xff", "p.md:10:11", "invalid UTF-8 encoding"},
	{"a\nb\n  c d", "p.md:11:1", `expected end of type expression, found "b"`},
	{"Foo&lt;T", "p.md:10:13", `expected ">" to close type arguments of Foo, found end of input`},
	{strings.Repeat("(", 101) + "A" + strings.Repeat(")", 101), "p.md:10:105", "type nested too deeply"},
	{strings.Repeat("A<", 150) + "B" + strings.Repeat(">", 150), "p.md:10:205", "type nested too deeply"},
	{"A" + strings.Repeat("[]", 101), "p.md:10:204", "type nested too deeply"},
	{strings.Repeat("keyof ", 101) + "A", "p.md:10:599", "type nested too deeply"},
}

func TestParseErrors(t *testing.T) {
	for _, tc := range errorCases {
		got, err := Parse(tc.in, at)
		if err == nil {
			t.Errorf("Parse(%q) = %s, want error %q", tc.in, got, tc.msg)
			continue
		}
		var e *Error
		if !errors.As(err, &e) {
			t.Errorf("Parse(%q) error is %T, want *Error", tc.in, err)
			continue
		}
		if e.Pos.String() != tc.pos || e.Msg != tc.msg {
			t.Errorf("Parse(%q) error = %s: %s, want %s: %s", tc.in, e.Pos, e.Msg, tc.pos, tc.msg)
		}
		if want := e.Pos.String() + ": " + e.Msg; err.Error() != want {
			t.Errorf("Parse(%q) Error() = %q, want %q", tc.in, err.Error(), want)
		}
	}
}

func TestParseSignature(t *testing.T) {
	tests := []struct{ in, str string }{
		{"<T = any>(callback: OnMessageCallback<T>) => void", "<T = any>(callback: OnMessageCallback<T>) => void"},
		{"\n(option: Option) => Promise<SocketTask>;\n", "(option: Option) => Promise<SocketTask>"},
		{"  (callback: (result: Callback) => void) => void ;  ", "(callback: (result: Callback) => void) => void"},
		{"((a: A) => void)", "(a: A) => void"},
		{"() =&gt; void", "() => void"},
	}
	for _, tc := range tests {
		ft, err := ParseSignature(tc.in, at)
		if err != nil {
			t.Errorf("ParseSignature(%q) error: %v", tc.in, err)
			continue
		}
		if got := ft.String(); got != tc.str {
			t.Errorf("ParseSignature(%q) = %q, want %q", tc.in, got, tc.str)
		}
	}
	// Every real signature of the fixture pages.
	for _, tc := range realCells {
		if _, ok := mustParse(t, tc.in).(*spec.FuncType); !ok {
			continue
		}
		if _, err := ParseSignature(tc.in, at); err != nil {
			t.Errorf("ParseSignature(%q) error: %v", tc.in, err)
		}
	}

	errs := []errorCase{
		{"string", "p.md:10:5", `expected function type, found type "string"`},
		{"(a: A) => void;;", "p.md:10:20", `expected end of type expression, found ";"`},
		{"", "p.md:10:5", "expected type, found end of input"},
		{"(callback: (result: Callback) => void => void", "p.md:10:43", `expected "," or ")" in parameter list, found "=>"`},
	}
	for _, tc := range errs {
		_, err := ParseSignature(tc.in, at)
		var e *Error
		if !errors.As(err, &e) {
			t.Errorf("ParseSignature(%q) error = %v, want *Error %q", tc.in, err, tc.msg)
			continue
		}
		if e.Pos.String() != tc.pos || e.Msg != tc.msg {
			t.Errorf("ParseSignature(%q) error = %s: %s, want %s: %s", tc.in, e.Pos, e.Msg, tc.pos, tc.msg)
		}
	}
}

func mustParse(t *testing.T, src string) spec.Type {
	t.Helper()
	typ, err := Parse(src, at)
	if err != nil {
		t.Fatalf("Parse(%q) error: %v", src, err)
	}
	return typ
}

func TestParseLegacy(t *testing.T) {
	tests := []struct{ in, str, shape string }{
		{"String", "string", "string"},
		{"Number", "number", "number"},
		{"Boolean", "boolean", "boolean"},
		{"Object", "object", "object"},
		{"Function", "(...args: any[]) => void", "F(...args:Arr(any))->void"},
		{"ArrayBuffer", "ArrayBuffer", "N:ArrayBuffer"},
		{"StringArray", "string[]", "Arr(string)"},
		{"ObjectArray", "object[]", "Arr(object)"},
		{"Array", "any[]", "Arr(any)"},
		{"String/ArrayBuffer", "string | ArrayBuffer", "U(string, N:ArrayBuffer)"},
		{"Number/String", "number | string", "U(number, string)"},
		{" String / Number | Boolean or Object ", "string | number | boolean | object", "U(string, number, boolean, object)"},
		{"`String`", "string", "string"},
		{"WebSocket", "WebSocket", "N:WebSocket"},
		{"string", "string", "string"},
		{"String[]", "string[]", "Arr(string)"},
		{"String\\|Number", "string | number", "U(string, number)"},
	}
	for _, tc := range tests {
		got, err := ParseLegacy(tc.in, at)
		if err != nil {
			t.Errorf("ParseLegacy(%q) error: %v", tc.in, err)
			continue
		}
		if got.String() != tc.str || shape(got) != tc.shape {
			t.Errorf("ParseLegacy(%q) = %s %s, want %s %s", tc.in, got, shape(got), tc.str, tc.shape)
		}
	}
	typ, err := ParseLegacy("String/ArrayBuffer", at)
	if err != nil {
		t.Fatal(err)
	}
	u := typ.(*spec.UnionType)
	if got, want := u.Types[1].Position().String(), "p.md:10:12"; got != want {
		t.Errorf("ParseLegacy(String/ArrayBuffer): ArrayBuffer at %s, want %s", got, want)
	}

	errs := []errorCase{
		{"", "p.md:10:5", "expected type name, found end of input"},
		{"String/", "p.md:10:12", "expected type name after separator, found end of input"},
		{"String Number", "p.md:10:12", `expected "/" between type names, found 'N'`},
		{"foo", "p.md:10:5", `cannot read legacy type "foo": expected a type name such as String, Number or ArrayBuffer`},
		{"String/(x)", "p.md:10:12", `expected type name such as String, Number or ArrayBuffer, found '('`},
		{"Array<String>", "p.md:10:10", `expected "/" between type names, found '<'`},
	}
	for _, tc := range errs {
		_, err := ParseLegacy(tc.in, at)
		var e *Error
		if !errors.As(err, &e) {
			t.Errorf("ParseLegacy(%q) error = %v, want *Error %q", tc.in, err, tc.msg)
			continue
		}
		if e.Pos.String() != tc.pos || e.Msg != tc.msg {
			t.Errorf("ParseLegacy(%q) error = %s: %s, want %s: %s", tc.in, e.Pos, e.Msg, tc.pos, tc.msg)
		}
	}
}

// TestRefsUnresolved: resolution is another package's job.
func TestRefsUnresolved(t *testing.T) {
	typ := mustParse(t, "(res: TaroGeneral.CallbackResult) => Promise<Foo<Bar>>")
	spec.Walk(typ, func(n spec.Type) bool {
		if nt, ok := n.(*spec.NamedType); ok && nt.Ref != nil {
			t.Errorf("%s has Ref %v, want nil", nt, nt.Ref)
		}
		return true
	})
}

func BenchmarkParse(b *testing.B) {
	cells := []string{
		"string",
		"TaroGeneral.IAnyObject",
		"string or ArrayBuffer",
		"Record&lt;string, any&gt;",
		"(res: TaroGeneral.CallbackResult) => void",
		"<T = any>(callback: OnMessageCallback<T>) => void",
		"(callback: (result: Callback) => void) => void",
		"(option: Option) => Promise<SocketTask>",
		`"udp4" | "udp6"`,
		"{ a: string; b?: number; [key: string]: any }",
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, c := range cells {
			if _, err := Parse(c, at); err != nil {
				b.Fatal(err)
			}
		}
	}
}
