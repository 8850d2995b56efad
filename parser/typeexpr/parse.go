package typeexpr

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/tarogen/tarogen/spec"
)

// maxDepth bounds nesting (brackets, type arguments, keyof chains, []
// suffixes), so that hostile input can neither exhaust the stack nor make
// String() quadratic.
const maxDepth = 100

// Error is a parse error: the position of the offending token and a message
// that says what was expected and what was found, e.g.
// `expected ">" to close type arguments of OnMessageCallback, found end of input`.
type Error struct {
	Pos spec.Pos
	Msg string
}

// Error formats e as "file:line:col: message".
func (e *Error) Error() string {
	if e.Pos.File == "" && e.Pos.IsValid() {
		return fmt.Sprintf("%d:%d: %s", e.Pos.Line, e.Pos.Col, e.Msg)
	}
	return e.Pos.String() + ": " + e.Msg
}

// Diagnostic turns e into an error diagnostic for the page parser's list.
func (e *Error) Diagnostic() spec.Diagnostic {
	return spec.Diagnostic{Pos: e.Pos, Severity: spec.Error, Msg: e.Msg}
}

// Parse parses one type expression, such as a table's type cell. at is the
// position of src's first byte in the page; node positions are computed
// from it (on src's first line Col is at.Col plus the byte offset; after a
// newline in src, lines follow at.Line and Col restarts at 1). A zero at
// counts as line 1, column 1.
//
// The error, if any, is an *Error.
func Parse(src string, at spec.Pos) (spec.Type, error) {
	p, err := newParser(src, at)
	if err != nil {
		return nil, err
	}
	t, err := p.parseType()
	if err != nil {
		return nil, err
	}
	if err := p.expectEOF(); err != nil {
		return nil, err
	}
	return t, nil
}

// ParseSignature parses the body of a ```tsx block: a function type,
// possibly generic, e.g. `<T = any>(callback: OnMessageCallback<T>) => void`.
// Surrounding whitespace and one trailing ';' are allowed.
//
// The error, if any, is an *Error.
func ParseSignature(src string, at spec.Pos) (*spec.FuncType, error) {
	p, err := newParser(src, at)
	if err != nil {
		return nil, err
	}
	first := p.tok()
	t, err := p.parseType()
	if err != nil {
		return nil, err
	}
	if p.is(";") {
		p.next()
	}
	if err := p.expectEOF(); err != nil {
		return nil, err
	}
	ft, ok := t.(*spec.FuncType)
	if !ok {
		return nil, p.errorf(first, "expected function type, found type %s", strconv.Quote(clip(t.String())))
	}
	return ft, nil
}

// ParseTypeBlock parses the body of a ```tsx block that may hold any type,
// not only a signature: a `## 类型` block is a function type on a function
// page, a bare name on a namespace page (`router`) and an object type on
// a value page (`{ [key: string]: string; FRAMEWORK: … }`). Surrounding
// whitespace and one trailing ';' are allowed.
//
// The error, if any, is an *Error.
func ParseTypeBlock(src string, at spec.Pos) (spec.Type, error) {
	p, err := newParser(src, at)
	if err != nil {
		return nil, err
	}
	t, err := p.parseType()
	if err != nil {
		return nil, err
	}
	if p.is(";") {
		p.next()
	}
	if err := p.expectEOF(); err != nil {
		return nil, err
	}
	return t, nil
}

type parser struct {
	src   *source
	toks  []token
	i     int // index of the current token
	depth int
}

func newParser(src string, at spec.Pos) (*parser, error) {
	s, err := newSource(src, at)
	if err != nil {
		return nil, err
	}
	toks, err := lex(s)
	if err != nil {
		return nil, err
	}
	return &parser{src: s, toks: toks}, nil
}

func (p *parser) tok() token { return p.toks[p.i] }

// peek returns the token n places ahead (EOF past the end).
func (p *parser) peek(n int) token {
	if p.i+n < len(p.toks) {
		return p.toks[p.i+n]
	}
	return p.toks[len(p.toks)-1]
}

func (p *parser) next() {
	if p.i < len(p.toks)-1 {
		p.i++
	}
}

// is reports whether the current token is the punctuation s.
func (p *parser) is(s string) bool { return isPunct(p.tok(), s) }

func isPunct(t token, s string) bool { return t.kind == tokPunct && t.text == s }

func isWord(t token, s string) bool { return t.kind == tokIdent && t.text == s }

func (p *parser) pos(t token) spec.Pos { return p.src.pos(t.off) }

func (p *parser) errorf(t token, format string, args ...any) *Error {
	return &Error{Pos: p.pos(t), Msg: fmt.Sprintf(format, args...)}
}

// expect consumes the punctuation s or fails with
// `expected "s" <why>, found …`.
func (p *parser) expect(s, why string) error {
	if !p.is(s) {
		return p.errorf(p.tok(), "expected %q %s, found %s", s, why, p.tok().describe())
	}
	p.next()
	return nil
}

func (p *parser) expectEOF() error {
	if t := p.tok(); t.kind != tokEOF {
		return p.errorf(t, "expected end of type expression, found %s", t.describe())
	}
	return nil
}

// enter counts one more level of nesting at t; the caller restores depth.
func (p *parser) enter(t token) error {
	p.depth++
	if p.depth > maxDepth {
		return p.errorf(t, "type nested too deeply")
	}
	return nil
}

// parseType parses a full type: a function type or a union.
func (p *parser) parseType() (spec.Type, error) {
	defer func(d int) { p.depth = d }(p.depth)
	if err := p.enter(p.tok()); err != nil {
		return nil, err
	}
	if p.atFuncType() {
		return p.parseFuncType()
	}
	return p.parseUnion()
}

// atFuncType reports whether a function type starts here, the way
// TypeScript decides: `<`, or `(` followed by `)`, `...`, or a name and then
// `:` `,` `?` `=`, or `(name) =>`. Anything else after `(` is a
// parenthesised type.
func (p *parser) atFuncType() bool {
	if p.is("<") {
		return true
	}
	if !p.is("(") {
		return false
	}
	t1 := p.peek(1)
	if isPunct(t1, ")") || isPunct(t1, "...") {
		return true
	}
	if t1.kind != tokIdent {
		return false
	}
	t2 := p.peek(2)
	switch {
	case isPunct(t2, ":"), isPunct(t2, ","), isPunct(t2, "?"), isPunct(t2, "="):
		return true
	case isPunct(t2, ")"):
		return isPunct(p.peek(3), "=>")
	}
	return false
}

// atUnionOp reports a union operator: `|`, or the pipe format's `or`
// between two types (but not a member named "or" in an object type that
// follows a line break: `or: string`).
func (p *parser) atUnionOp() bool {
	if p.is("|") {
		return true
	}
	if !isWord(p.tok(), "or") {
		return false
	}
	n := p.peek(1)
	return !isPunct(n, ":") && !isPunct(n, "?")
}

func (p *parser) parseUnion() (spec.Type, error) {
	start := p.tok()
	ctx := ""
	if p.is("|") {
		p.next()
		ctx = "in a union type"
	}
	first, err := p.parseIntersection(ctx)
	if err != nil {
		return nil, err
	}
	if !p.atUnionOp() {
		return first, nil
	}
	u := &spec.UnionType{Pos: p.pos(start)}
	u.Types = appendFlat(u.Types, first)
	for p.atUnionOp() {
		p.next()
		t, err := p.parseIntersection("in a union type")
		if err != nil {
			return nil, err
		}
		u.Types = appendFlat(u.Types, t)
	}
	return u, nil
}

// appendFlat appends t, splicing in the members of a parenthesised union:
// `(A | B) | C` and `A | B | C` are the same type and read the same.
func appendFlat(ts []spec.Type, t spec.Type) []spec.Type {
	if u, ok := t.(*spec.UnionType); ok {
		return append(ts, u.Types...)
	}
	return append(ts, t)
}

func (p *parser) parseIntersection(ctx string) (spec.Type, error) {
	start := p.tok()
	if p.is("&") {
		p.next()
		ctx = "in an intersection type"
	}
	first, err := p.parseOperator(ctx)
	if err != nil {
		return nil, err
	}
	if !p.is("&") {
		return first, nil
	}
	in := &spec.IntersectionType{Pos: p.pos(start)}
	in.Types = appendFlatAnd(in.Types, first)
	for p.is("&") {
		p.next()
		t, err := p.parseOperator("in an intersection type")
		if err != nil {
			return nil, err
		}
		in.Types = appendFlatAnd(in.Types, t)
	}
	return in, nil
}

func appendFlatAnd(ts []spec.Type, t spec.Type) []spec.Type {
	if in, ok := t.(*spec.IntersectionType); ok {
		return append(ts, in.Types...)
	}
	return append(ts, t)
}

// parseOperator parses the prefix operators keyof and readonly, then
// a postfix type. ctx says where a function type would need parentheses.
func (p *parser) parseOperator(ctx string) (spec.Type, error) {
	t := p.tok()
	switch {
	case isWord(t, "keyof"):
		defer func(d int) { p.depth = d }(p.depth)
		if err := p.enter(t); err != nil {
			return nil, err
		}
		p.next()
		operand, err := p.parseOperator("after keyof")
		if err != nil {
			return nil, err
		}
		return &spec.KeyOfType{Pos: p.pos(t), Type: operand}, nil
	case isWord(t, "readonly") && startsType(p.peek(1)):
		// `readonly string[]`: the model has no read-only arrays, and Go
		// slices have no such notion either, so the modifier is dropped.
		defer func(d int) { p.depth = d }(p.depth)
		if err := p.enter(t); err != nil {
			return nil, err
		}
		p.next()
		operand, err := p.parseOperator("after readonly")
		if err != nil {
			return nil, err
		}
		switch operand.(type) {
		case *spec.ArrayType, *spec.TupleType:
			return operand, nil
		}
		return nil, p.errorf(t, "readonly applies only to array and tuple types, found %s", strconv.Quote(clip(operand.String())))
	}
	return p.parsePostfix(ctx)
}

// parseTypeQuery parses `typeof a.b`. The model has no type-query node, so
// it becomes a NamedType whose Name is the whole query, "typeof a.b", with
// no Namespace: it prints back as written, and a resolver can recognise it
// by the "typeof " prefix.
func (p *parser) parseTypeQuery() (spec.Type, error) {
	start := p.tok()
	p.next()
	var b strings.Builder
	b.WriteString("typeof ")
	for {
		t := p.tok()
		if t.kind != tokIdent {
			return nil, p.errorf(t, "expected name after typeof, found %s", t.describe())
		}
		b.WriteString(t.text)
		p.next()
		if !p.is(".") {
			break
		}
		b.WriteByte('.')
		p.next()
	}
	return &spec.NamedType{Pos: p.pos(start), Name: b.String()}, nil
}

// parsePostfix parses a primary type and its `[]` suffixes. As in
// TypeScript, a `[` after a line break starts something new (an index
// signature in an object type), not a suffix.
func (p *parser) parsePostfix(ctx string) (spec.Type, error) {
	defer func(d int) { p.depth = d }(p.depth)
	start := p.tok()
	t, err := p.parsePrimary(ctx)
	if err != nil {
		return nil, err
	}
	for p.is("[") && !p.tok().nl {
		open := p.tok()
		if !isPunct(p.peek(1), "]") {
			return nil, p.errorf(open, "indexed access types (T[K]) are not supported")
		}
		if err := p.enter(open); err != nil {
			return nil, err
		}
		p.next()
		p.next()
		t = &spec.ArrayType{Pos: p.pos(start), Elem: t}
	}
	return t, nil
}

// startsType reports whether t can begin a type other than a function type
// (used to tell the readonly operator from a type named readonly).
func startsType(t token) bool {
	switch t.kind {
	case tokIdent, tokString, tokNumber:
		return true
	}
	return isPunct(t, "(") || isPunct(t, "[") || isPunct(t, "{")
}

var primitives = map[string]bool{
	"string": true, "number": true, "boolean": true, "any": true, "unknown": true, "void": true,
	"undefined": true, "null": true, "never": true, "object": true, "symbol": true, "bigint": true,
}

func (p *parser) parsePrimary(ctx string) (spec.Type, error) {
	t := p.tok()
	switch t.kind {
	case tokString:
		p.next()
		return &spec.LiteralType{Pos: p.pos(t), Lit: "string", Value: t.val}, nil
	case tokNumber:
		p.next()
		return &spec.LiteralType{Pos: p.pos(t), Lit: "number", Value: t.text}, nil
	case tokIdent:
		switch {
		case t.text == "true" || t.text == "false":
			p.next()
			return &spec.LiteralType{Pos: p.pos(t), Lit: "boolean", Value: t.text}, nil
		case primitives[t.text]:
			p.next()
			return &spec.PrimitiveType{Pos: p.pos(t), Name: t.text}, nil
		case t.text == "typeof":
			return p.parseTypeQuery()
		}
		return p.parseTypeRef()
	case tokPunct:
		if p.atFuncType() {
			return nil, p.errorf(t, "function type must be parenthesized %s", ctx)
		}
		switch t.text {
		case "(":
			p.next()
			inner, err := p.parseType()
			if err != nil {
				return nil, err
			}
			if err := p.expect(")", "to close parenthesized type"); err != nil {
				return nil, err
			}
			return inner, nil
		case "[":
			return p.parseTuple()
		case "{":
			return p.parseObject()
		}
	}
	return nil, p.errorf(t, "expected type, found %s", t.describe())
}

// parseTypeRef parses a possibly namespaced name with optional type
// arguments. Record<K, V>, Promise<T> and Array<T> get their own nodes;
// the same names namespaced, or without arguments, stay NamedType.
func (p *parser) parseTypeRef() (spec.Type, error) {
	start := p.tok()
	n := &spec.NamedType{Pos: p.pos(start), Name: start.text}
	p.next()
	for p.is(".") {
		p.next()
		t := p.tok()
		if t.kind != tokIdent {
			return nil, p.errorf(t, "expected name after \".\", found %s", t.describe())
		}
		n.Namespace = append(n.Namespace, n.Name)
		n.Name = t.text
		p.next()
	}
	// `<` after a line break is not a type argument list (TypeScript agrees).
	if !p.is("<") || p.tok().nl {
		return n, nil
	}
	p.next()
	for {
		a, err := p.parseType()
		if err != nil {
			return nil, err
		}
		n.Args = append(n.Args, a)
		if !p.is(",") {
			break
		}
		p.next()
		if p.is(">") { // trailing comma
			break
		}
	}
	if err := p.expect(">", "to close type arguments of "+n.QualifiedName()); err != nil {
		return nil, err
	}
	if len(n.Namespace) > 0 {
		return n, nil
	}
	switch n.Name {
	case "Record":
		if len(n.Args) != 2 {
			return nil, p.errorf(start, "Record takes 2 type arguments, found %d", len(n.Args))
		}
		return &spec.RecordType{Pos: n.Pos, Key: n.Args[0], Value: n.Args[1]}, nil
	case "Promise":
		if len(n.Args) != 1 {
			return nil, p.errorf(start, "Promise takes 1 type argument, found %d", len(n.Args))
		}
		return &spec.PromiseType{Pos: n.Pos, Elem: n.Args[0]}, nil
	case "Array":
		if len(n.Args) != 1 {
			return nil, p.errorf(start, "Array takes 1 type argument, found %d", len(n.Args))
		}
		return &spec.ArrayType{Pos: n.Pos, Elem: n.Args[0]}, nil
	}
	return n, nil
}

func (p *parser) parseTuple() (spec.Type, error) {
	open := p.tok()
	p.next()
	tt := &spec.TupleType{Pos: p.pos(open), Elems: []spec.Type{}}
	for !p.is("]") {
		e, err := p.parseType()
		if err != nil {
			return nil, err
		}
		tt.Elems = append(tt.Elems, e)
		if !p.is(",") {
			break
		}
		p.next()
	}
	if err := p.expect("]", "to close tuple type"); err != nil {
		return nil, err
	}
	return tt, nil
}

// parseObject parses `{ … }`. Members are separated by `;`, `,` or a line
// break, as in TypeScript; stray extra separators are tolerated.
func (p *parser) parseObject() (spec.Type, error) {
	open := p.tok()
	p.next()
	obj := &spec.ObjectType{Pos: p.pos(open)}
	for {
		for p.is(";") || p.is(",") {
			p.next()
		}
		if p.is("}") {
			break
		}
		if p.tok().kind == tokEOF {
			return nil, p.errorf(p.tok(), "expected \"}\" to close object type, found end of input")
		}
		if err := p.parseMember(obj); err != nil {
			return nil, err
		}
		switch t := p.tok(); {
		case isPunct(t, ";"), isPunct(t, ","), isPunct(t, "}"), t.nl && t.kind != tokEOF:
			continue
		case t.kind == tokEOF:
			return nil, p.errorf(t, "expected \"}\" to close object type, found end of input")
		default:
			return nil, p.errorf(t, "expected \";\" or \"}\" after object member, found %s", t.describe())
		}
	}
	p.next()
	return obj, nil
}

func (p *parser) parseMember(obj *spec.ObjectType) error {
	start := p.tok()
	readOnly := false
	if isWord(start, "readonly") {
		switch n := p.peek(1); {
		case n.kind == tokIdent, n.kind == tokString, n.kind == tokNumber, isPunct(n, "["):
			readOnly = true
			p.next()
		}
	}
	t := p.tok()
	if isPunct(t, "[") {
		// An index signature. readonly on it is dropped: IndexSig has no
		// such field, and Go maps have no such notion.
		return p.parseIndexSig(obj)
	}
	m := &spec.ObjectMember{Pos: p.pos(start), ReadOnly: readOnly}
	switch t.kind {
	case tokIdent, tokNumber:
		m.Name = t.text
	case tokString:
		// A quoted key keeps its quotes unless it is an identifier, so
		// that ObjectType.String writes valid TypeScript: 'content-type'
		// becomes Name `"content-type"`, 'url' becomes `url`.
		m.Name = t.val
		if !isIdent(t.val) {
			m.Name = strconv.Quote(t.val)
		}
	default:
		if isPunct(t, "(") || isPunct(t, "<") {
			// A call signature `(x: T): R` makes the object callable.
			ft, err := p.parseMethod()
			if err != nil {
				return err
			}
			obj.Calls = append(obj.Calls, ft)
			return nil
		}
		return p.errorf(t, "expected property name, found %s", t.describe())
	}
	p.next()
	if p.is("?") {
		m.Optional = true
		p.next()
	}
	if p.is("(") || p.is("<") {
		// A method `f(x: T): R` becomes a property whose type is the
		// function type (x: T) => R; a method with no return type gets a
		// nil Result (printed as void).
		ft, err := p.parseMethod()
		if err != nil {
			return err
		}
		m.Type = ft
		obj.Members = append(obj.Members, m)
		return nil
	}
	if err := p.expect(":", "after property name "+m.Name); err != nil {
		return err
	}
	typ, err := p.parseType()
	if err != nil {
		return err
	}
	m.Type = typ
	obj.Members = append(obj.Members, m)
	return nil
}

func (p *parser) parseIndexSig(obj *spec.ObjectType) error {
	open := p.tok()
	p.next()
	name := p.tok()
	if name.kind != tokIdent || !isPunct(p.peek(1), ":") {
		return p.errorf(open, "computed property names are not supported; expected an index signature [key: string]: T")
	}
	p.next()
	p.next()
	key, err := p.parseType()
	if err != nil {
		return err
	}
	if err := p.expect("]", "to close index signature"); err != nil {
		return err
	}
	if err := p.expect(":", "after index signature"); err != nil {
		return err
	}
	val, err := p.parseType()
	if err != nil {
		return err
	}
	obj.Index = append(obj.Index, &spec.IndexSig{Pos: p.pos(open), KeyName: name.text, Key: key, Value: val})
	return nil
}

func (p *parser) parseMethod() (*spec.FuncType, error) {
	ft, err := p.parseFuncHead()
	if err != nil {
		return nil, err
	}
	if p.is(":") {
		p.next()
		if ft.Result, err = p.parseType(); err != nil {
			return nil, err
		}
	}
	return ft, nil
}

// parseFuncType parses `<T>(params) => R`.
func (p *parser) parseFuncType() (spec.Type, error) {
	ft, err := p.parseFuncHead()
	if err != nil {
		return nil, err
	}
	if err := p.expect("=>", "after parameter list"); err != nil {
		return nil, err
	}
	if ft.Result, err = p.parseType(); err != nil {
		return nil, err
	}
	return ft, nil
}

// parseFuncHead parses optional type parameters and the parameter list.
func (p *parser) parseFuncHead() (*spec.FuncType, error) {
	ft := &spec.FuncType{Pos: p.pos(p.tok()), Params: []*spec.FuncParam{}}
	if p.is("<") {
		tps, err := p.parseTypeParams()
		if err != nil {
			return nil, err
		}
		ft.TypeParams = tps
	}
	if err := p.expect("(", "to start parameter list"); err != nil {
		return nil, err
	}
	for !p.is(")") {
		start := p.tok()
		param := &spec.FuncParam{Pos: p.pos(start)}
		if p.is("...") {
			param.Rest = true
			p.next()
		}
		name := p.tok()
		switch {
		case name.kind == tokIdent:
		case isPunct(name, "{") || isPunct(name, "["):
			return nil, p.errorf(name, "destructured parameters are not supported")
		case name.kind == tokEOF:
			return nil, p.errorf(name, "expected \")\" to close parameter list, found end of input")
		default:
			return nil, p.errorf(name, "expected parameter name, found %s", name.describe())
		}
		param.Name = name.text
		p.next()
		if p.is("?") {
			param.Optional = true
			p.next()
		}
		if p.is(":") {
			p.next()
			typ, err := p.parseType()
			if err != nil {
				return nil, err
			}
			param.Type = typ
		}
		ft.Params = append(ft.Params, param)
		if param.Rest && !p.is(")") {
			return nil, p.errorf(start, "rest parameter must be last in parameter list")
		}
		if p.is(",") {
			p.next()
			continue
		}
		if !p.is(")") {
			if t := p.tok(); t.kind != tokEOF {
				return nil, p.errorf(t, "expected \",\" or \")\" in parameter list, found %s", t.describe())
			}
			return nil, p.errorf(p.tok(), "expected \")\" to close parameter list, found end of input")
		}
	}
	p.next()
	return ft, nil
}

// parseTypeParams parses `<T, U extends X = Y>`.
func (p *parser) parseTypeParams() ([]*spec.TypeParamType, error) {
	p.next()
	var tps []*spec.TypeParamType
	for {
		t := p.tok()
		if t.kind != tokIdent {
			return nil, p.errorf(t, "expected type parameter name, found %s", t.describe())
		}
		p.next()
		tp := &spec.TypeParamType{Pos: p.pos(t), Name: t.text}
		var err error
		if isWord(p.tok(), "extends") {
			p.next()
			if tp.Constraint, err = p.parseType(); err != nil {
				return nil, err
			}
		}
		if p.is("=") {
			p.next()
			if tp.Default, err = p.parseType(); err != nil {
				return nil, err
			}
		}
		tps = append(tps, tp)
		if !p.is(",") {
			break
		}
		p.next()
		if p.is(">") { // trailing comma
			break
		}
	}
	if err := p.expect(">", "to close type parameter list"); err != nil {
		return nil, err
	}
	return tps, nil
}
