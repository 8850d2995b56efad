package typeexpr

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tarogen/tarogen/spec"
)

// ParseLegacy reads a type cell of a 1.x hand-written page, where types are
// JavaScript constructor names rather than TypeScript:
//
//	String, Number, Boolean     → string, number, boolean
//	Object                      → object
//	Function                    → (...args: any[]) => void
//	StringArray, NumberArray    → string[], number[]
//	ObjectArray                 → object[]
//	Array                       → any[]
//	ArrayBuffer and any other Capitalised word → a NamedType of that name
//	string, number… (lower case TypeScript keywords) → themselves
//
// Alternatives are separated by "/" (also "|" or "or"): "String/ArrayBuffer"
// is string | ArrayBuffer. A name may carry "[]" suffixes (String[]).
//
// 1.x callbacks' results are never used, so Function becomes a function
// returning void, which the generator can map to a plain Go func.
//
// The error, if any, is an *Error saying which word could not be read.
func ParseLegacy(src string, at spec.Pos) (spec.Type, error) {
	s, err := newSource(src, at)
	if err != nil {
		return nil, err
	}
	text := s.text
	var types []spec.Type
	i := 0
	skipSpace := func() {
		for i < len(text) {
			r, n := utf8.DecodeRuneInString(text[i:])
			if r != '`' && !unicode.IsSpace(r) && !isInvisible(r) {
				return
			}
			i += n
		}
	}
	wantName := true
	for {
		skipSpace()
		if i >= len(text) {
			if wantName {
				what := "expected type name"
				if len(types) > 0 {
					what = "expected type name after separator"
				}
				return nil, &Error{Pos: s.pos(i), Msg: what + ", found end of input"}
			}
			break
		}
		if !wantName {
			switch {
			case text[i] == '/' || text[i] == '|':
				i++
			case strings.HasPrefix(text[i:], `\|`):
				i += 2
			case strings.HasPrefix(text[i:], "or") && !startsIdentAt(text, i+2):
				i += 2
			default:
				r, _ := utf8.DecodeRuneInString(text[i:])
				return nil, &Error{Pos: s.pos(i), Msg: "expected \"/\" between type names, found " + strconv.QuoteRune(r)}
			}
			wantName = true
			continue
		}
		start := i
		for i < len(text) {
			r, n := utf8.DecodeRuneInString(text[i:])
			if !isIdentPart(r) {
				break
			}
			i += n
		}
		word := text[start:i]
		if word == "" {
			r, _ := utf8.DecodeRuneInString(text[i:])
			return nil, &Error{Pos: s.pos(i), Msg: "expected type name such as String, Number or ArrayBuffer, found " + strconv.QuoteRune(r)}
		}
		pos := s.pos(start)
		t := legacyType(word, pos)
		if t == nil {
			return nil, &Error{Pos: pos, Msg: "cannot read legacy type " + strconv.Quote(word) + ": expected a type name such as String, Number or ArrayBuffer"}
		}
		for depth := 1; strings.HasPrefix(text[i:], "[]"); depth++ {
			if depth > maxDepth {
				return nil, &Error{Pos: s.pos(i), Msg: "type nested too deeply"}
			}
			i += 2
			t = &spec.ArrayType{Pos: pos, Elem: t}
		}
		types = append(types, t)
		wantName = false
	}
	if len(types) == 1 {
		return types[0], nil
	}
	return &spec.UnionType{Pos: types[0].Position(), Types: types}, nil
}

func startsIdentAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return isIdentPart(r)
}

// legacyType maps one 1.x type word, or returns nil.
func legacyType(word string, pos spec.Pos) spec.Type {
	prim := func(name string) spec.Type { return &spec.PrimitiveType{Pos: pos, Name: name} }
	array := func(elem spec.Type) spec.Type { return &spec.ArrayType{Pos: pos, Elem: elem} }
	switch word {
	case "String":
		return prim("string")
	case "Number":
		return prim("number")
	case "Boolean":
		return prim("boolean")
	case "Object":
		return prim("object")
	case "Function":
		return &spec.FuncType{
			Pos: pos,
			Params: []*spec.FuncParam{{
				Pos: pos, Name: "args", Rest: true, Type: array(prim("any")),
			}},
			Result: prim("void"),
		}
	case "StringArray":
		return array(prim("string"))
	case "NumberArray":
		return array(prim("number"))
	case "ObjectArray":
		return array(prim("object"))
	case "Array":
		return array(prim("any"))
	}
	if primitives[word] {
		return prim(word)
	}
	if r, _ := utf8.DecodeRuneInString(word); unicode.IsUpper(r) {
		return &spec.NamedType{Pos: pos, Name: word}
	}
	return nil
}
