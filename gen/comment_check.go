package gen

import (
	"fmt"
	"reflect"
	"slices"
	"strings"

	"github.com/tarogen/tarogen/spec"
)

// checkText warns, at the position of the spec node or overlay entry it
// came from, about every character lineComments will rewrite: the parser
// strips most of them from page text at the source, so this is the second
// line, for what it missed and for overlay text.
//
// It walks every string of the spec and the overlay by reflection rather
// than a list of fields, so a field added to the model later is covered
// without anyone remembering to add it here. The nearest enclosing Pos
// field is the position.
func (g *generator) checkText() {
	warned := map[spec.Diagnostic]bool{}
	w := textWalker{seen: map[uintptr]bool{}, warn: func(pos spec.Pos, s string) {
		for _, what := range textHazards(s) {
			d := spec.Diagnostic{Pos: pos, Severity: spec.Warning, Msg: hazardMessage(what)}
			if !warned[d] {
				warned[d] = true
				g.ds = append(g.ds, d)
			}
		}
	}}
	w.walk(reflect.ValueOf(g.pkg), spec.Pos{})
	w.walk(reflect.ValueOf(g.ov), spec.Pos{File: g.ov.File})
}

// hazardMessage says what the generated comment does with what.
func hazardMessage(what string) string {
	switch {
	case what == "invalid UTF-8":
		return "text has invalid UTF-8; the generated comment shows U+FFFD instead"
	case strings.HasSuffix(what, "SEPARATOR"), strings.HasSuffix(what, "RETURN"), strings.HasSuffix(what, "NEXT LINE"):
		return fmt.Sprintf("text has %s; the generated comment breaks the line there", what)
	}
	return fmt.Sprintf("text has %s; the generated comment shows it as <%s>", what, what[:strings.IndexByte(what, ' ')])
}

type textWalker struct {
	seen map[uintptr]bool // pointers visited: resolved names point back into the model
	warn func(pos spec.Pos, s string)
}

// skipFields hold text that never reaches the output.
var skipFields = map[string]bool{"Examples": true, "File": true}

var posType = reflect.TypeOf(spec.Pos{})

func (w *textWalker) walk(v reflect.Value, pos spec.Pos) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return
		}
		if v.Kind() == reflect.Pointer {
			if w.seen[v.Pointer()] {
				return
			}
			w.seen[v.Pointer()] = true
		}
		w.walk(v.Elem(), pos)
	case reflect.Struct:
		w.walkStruct(v, pos)
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			w.walk(v.Index(i), pos)
		}
	case reflect.Map:
		keys := v.MapKeys()
		// Sorted, so the warnings come out in one order (Diagnostics.Sort is
		// stable, and two may share a position).
		slices.SortFunc(keys, func(a, b reflect.Value) int { return strings.Compare(fmt.Sprint(a), fmt.Sprint(b)) })
		for _, k := range keys {
			w.walk(k, pos)
			w.walk(v.MapIndex(k), pos)
		}
	case reflect.String:
		w.warn(pos, v.String())
	}
}

func (w *textWalker) walkStruct(v reflect.Value, pos spec.Pos) {
	t := v.Type()
	if t == posType {
		return
	}
	if f, ok := t.FieldByName("Pos"); ok && f.Type == posType {
		if p := v.FieldByIndex(f.Index).Interface().(spec.Pos); p.File != "" || p.Line != 0 {
			pos = p
		}
	}
	for i := range t.NumField() {
		if !t.Field(i).IsExported() || skipFields[t.Field(i).Name] {
			continue
		}
		w.walk(v.Field(i), pos)
	}
}
