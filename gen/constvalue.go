package gen

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"github.com/tarogen/tarogen/spec"
)

// constValue turns a constant's value as written (in the overlay or on the
// page) into the Go expression the constant is declared with. A string
// constant's value is text and is quoted. Any other value must be one Go
// literal of the constant's type, checked with go/parser and go/types
// (which knows every basic type's range): `value: "one"` for an int, or
// `value: "0); func init(){…}; const (X = 1"`, is an error at pos, never
// source copied into the output.
func (g *generator) constValue(t typ, src string, pos spec.Pos, path string) (string, bool) {
	basic, ok := g.constBasic(t)
	if !ok {
		g.ds.Errorf(pos, "constant %s: a Go constant cannot have type %s", path, typeText(t))
		return "", false
	}
	if basic == "string" {
		return strconv.Quote(src), true
	}
	lit, ok := literal(src)
	if !ok {
		g.ds.Errorf(pos, "constant %s: value %q is not a Go literal of type %s", path, src, basic)
		return "", false
	}
	// types.Eval with no package sees only the universe scope: the
	// conversion type-checks exactly when the literal is a constant of the
	// type (300 for int8 and 1.5 for int do not).
	if _, err := types.Eval(token.NewFileSet(), nil, token.NoPos, basic+"("+lit+")"); err != nil {
		g.ds.Errorf(pos, "constant %s: value %q is not a Go literal of type %s", path, src, basic)
		return "", false
	}
	return lit, true
}

// literal returns src as one Go literal, optionally signed, or false.
func literal(src string) (string, bool) {
	e, err := parser.ParseExpr(strings.TrimSpace(src))
	if err != nil {
		return "", false
	}
	if u, ok := e.(*ast.UnaryExpr); ok && (u.Op == token.SUB || u.Op == token.ADD) {
		e = u.X
	}
	switch e := e.(type) {
	case *ast.BasicLit:
		if e.Kind == token.INT || e.Kind == token.FLOAT || e.Kind == token.CHAR {
			return strings.TrimSpace(src), true
		}
	case *ast.Ident:
		if e.Name == "true" || e.Name == "false" {
			return e.Name, true
		}
	}
	return "", false
}

// constBasic is the basic Go type under t, for a constant: an overlay
// named type's underlying type, a goType as written, or the mapped kind.
func (g *generator) constBasic(t typ) (string, bool) {
	if t.goSrc != "" {
		if strings.HasPrefix(t.goSrc, "*") {
			return "", false
		}
		if nt, ok := g.namedGo[t.goSrc]; ok {
			return constBasicName(nt.Underlying)
		}
		return constBasicName(t.goSrc)
	}
	switch t.kind {
	case kNumber:
		return "float64", true
	case kBool:
		return "bool", true
	case kString, kEnum:
		return "string", true
	}
	return "", false
}

func constBasicName(name string) (string, bool) {
	switch name {
	case "any", "[]byte", "":
		return "", false
	}
	return name, true
}

// typeText names t in a message.
func typeText(t typ) string {
	if t.goSrc != "" {
		return t.goSrc
	}
	switch t.kind {
	case kAny:
		return "any"
	case kStruct:
		return "a struct"
	case kUnion:
		return "a union"
	case kSlice:
		return "a slice"
	case kMap:
		return "a map"
	case kFunc:
		return "a func"
	case kClass:
		return "a class pointer"
	case kBytes:
		return "[]byte"
	}
	return "this type"
}
