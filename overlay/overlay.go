// Package overlay reads the small file that corrects what Taro's pages get
// wrong or leave out before the generator runs: Go names, field types,
// constant values, required flags, type arguments for generic types, union
// names and extra doc.
//
// An overlay is YAML (JSON is valid YAML too). YAML was chosen over JSON
// because gopkg.in/yaml.v3 reports the line and column of every node, so
// an unknown key or a name that is not in the spec is reported as
// file:line:col. The format:
//
//	# Entries are keyed by a path into the spec:
//	#   Page            a page's API: connectSocket, SocketTask
//	#   Page.member     a method, property, constant or declared type on it:
//	#                   SocketTask.send, SocketTask.readyState,
//	#                   SocketTask.OPEN, connectSocket.Option
//	#   Page.Decl.field a field of a declared type: SocketTask.CloseOption.code
//	entries:
//	  SocketTask.CloseOption.code:
//	    goType: int              # a Go type for the field/property: int, int64, uint16, float64, string, bool, any, or a name from types
//	  SocketTask.readyState:
//	    goType: ReadyState
//	  SocketTask.OPEN:
//	    name: Open               # the Go name
//	    value: "1"               # a constant's value
//	    goType: ReadyState
//	  SocketTask:
//	    typeArgs: {T: "string | ArrayBuffer"}   # instantiates generic types on this page
//	  connectSocket.Option.url:
//	    required: true
//	    doc: "Must be ws:// or wss://."        # appended to the page's description
//	  SocketTask.ws:
//	    skip: true               # leave out of the Go package
//	    type: "string"           # a replacement TypeScript type
//	# Named Go types the entries may refer to by goType.
//	types:
//	  ReadyState: {underlying: int, doc: "ReadyState is the state of a SocketTask."}
//	# Names for sealed unions, keyed by the union as written (normalised).
//	unions:
//	  "string | ArrayBuffer":
//	    name: Data
//	    members: {string: Text, ArrayBuffer: Binary}
//
// ReadFile and Parse return the overlay with the position of every entry
// and value, so the generator can report an entry whose path names nothing
// in the spec, or a value that is not a literal of its type, at its
// file:line:col. Parse itself rejects what it can see alone: unknown or
// duplicate keys at any level, names that are not exported Go identifiers,
// a type's underlying type that is not a basic Go type. The generator
// checks the rest before anything is written: names that clash with each
// other or with the package's (two constants named Open), constant values
// (one Go literal of the constant's type, parsed with go/parser and
// checked with go/types: "one" is no int, 300 no int8), TypeScript types
// that do not parse or name nothing.
//
// Paths and names are normalised as the parser normalises page names (zero-
// width characters stripped, then NFC), so an entry copied from a page that
// carries invisible characters still matches.
package overlay

import (
	"bytes"
	"errors"
	"fmt"
	"go/token"
	"io"
	"os"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/tarogen/tarogen/spec"
)

// Overlay is a parsed overlay file.
type Overlay struct {
	File    string
	Entries map[string]*Entry // by path, e.g. "SocketTask.CloseOption.code"
	Types   map[string]*GoType
	Unions  map[string]*Union // by normalised union text, e.g. "string | ArrayBuffer"
}

// Entry is one correction. Unset fields leave the page as it is.
type Entry struct {
	Pos      spec.Pos
	Path     string            // e.g. "SocketTask.CloseOption.code"
	Name     string            // Go name, e.g. "Open"
	GoType   string            // e.g. "int"
	Type     string            // TypeScript type replacing the page's, e.g. "string | ArrayBuffer"
	TypePos  spec.Pos          // where Type is written, for parse errors
	Value    string            // a constant's value, e.g. "1"
	ValuePos spec.Pos          // where Value is written
	Required *bool             // overrides the page's required flag
	Doc      string            // appended to the description
	Skip     bool              // leave the member out
	TypeArgs map[string]string // type parameter name → TypeScript type
	// TypeArgPos is where each type argument is written.
	TypeArgPos map[string]spec.Pos
	// Used is kept for package merge.go; the generator no longer sets it
	// (it records the entries it matched itself, and never changes its
	// inputs).
	Used bool
}

// GoType is a named Go type the overlay introduces.
type GoType struct {
	Pos        spec.Pos
	Name       string // e.g. "ReadyState"
	Underlying string // e.g. "int"
	Doc        string
}

// Union names a sealed union and its member wrapper types.
type Union struct {
	Pos     spec.Pos
	Name    string            // e.g. "Data"
	Members map[string]string // member type as written → Go wrapper name, e.g. "string" → "Text"
	Doc     string
}

// Empty is the overlay used when none is given.
func Empty() *Overlay {
	return &Overlay{Entries: map[string]*Entry{}, Types: map[string]*GoType{}, Unions: map[string]*Union{}}
}

// ReadFile reads and parses an overlay file.
func ReadFile(path string) (*Overlay, spec.Diagnostics) {
	b, err := os.ReadFile(path)
	if err != nil {
		var ds spec.Diagnostics
		ds.Errorf(spec.Pos{File: path}, "cannot read overlay: %v", err)
		return nil, ds
	}
	return Parse(path, b)
}

// Parse parses overlay text; file names it in positions.
func Parse(file string, src []byte) (*Overlay, spec.Diagnostics) {
	r := &reader{file: file, o: Empty()}
	r.o.File = file
	var root yaml.Node
	if err := yaml.NewDecoder(bytes.NewReader(src)).Decode(&root); err != nil {
		if errors.Is(err, io.EOF) {
			return r.o, nil // an empty overlay is allowed
		}
		r.ds.Errorf(spec.Pos{File: file, Line: 1, Col: 1}, "overlay is not valid YAML: %v", err)
		return nil, r.ds
	}
	doc := &root
	if doc.Kind == yaml.DocumentNode && len(doc.Content) == 1 {
		doc = doc.Content[0]
	}
	if doc.Kind != yaml.MappingNode {
		r.ds.Errorf(r.pos(doc), "overlay must be a mapping with keys entries, types, unions")
		return nil, r.ds
	}
	r.mapping(doc, "overlay", func(k, v *yaml.Node) {
		switch k.Value {
		case "entries":
			r.mapping(v, "entries", r.entry)
		case "types":
			r.mapping(v, "types", r.goType)
		case "unions":
			r.mapping(v, "unions", r.union)
		default:
			r.ds.Errorf(r.pos(k), "unknown key %q (want entries, types, unions)", k.Value)
		}
	})
	if r.ds.HasErrors() {
		return nil, r.ds
	}
	return r.o, r.ds
}

// reader holds what the small readers below share: the file, the
// diagnostics and the overlay being filled.
type reader struct {
	file string
	ds   spec.Diagnostics
	o    *Overlay
}

func (r *reader) pos(n *yaml.Node) spec.Pos {
	return spec.Pos{File: r.file, Line: n.Line, Col: n.Column}
}

// valuePos is where a scalar's text starts: past its opening quote.
func (r *reader) valuePos(n *yaml.Node) spec.Pos {
	p := r.pos(n)
	if n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 {
		p.Col++
	}
	return p
}

// entry reads one `path: {…}` of entries.
func (r *reader) entry(k, v *yaml.Node) {
	e := &Entry{Pos: r.pos(k), Path: Normalize(k.Value)}
	if _, dup := r.o.Entries[e.Path]; dup {
		r.ds.Errorf(r.pos(k), "duplicate entry %q", e.Path)
		return
	}
	r.o.Entries[e.Path] = e
	r.mapping(v, "entry "+e.Path, func(k, v *yaml.Node) {
		switch k.Value {
		case "name":
			e.Name = r.name(v, "name")
		case "goType":
			e.GoType = r.scalar(v)
		case "type":
			e.Type, e.TypePos = r.scalar(v), r.valuePos(v)
		case "value":
			e.Value, e.ValuePos = r.scalar(v), r.valuePos(v)
		case "doc":
			e.Doc = r.scalar(v)
		case "required":
			b := r.boolean(v)
			e.Required = &b
		case "skip":
			e.Skip = r.boolean(v)
		case "typeArgs":
			e.TypeArgs, e.TypeArgPos = map[string]string{}, map[string]spec.Pos{}
			r.mapping(v, "typeArgs", func(k, v *yaml.Node) {
				e.TypeArgs[k.Value], e.TypeArgPos[k.Value] = r.scalar(v), r.valuePos(v)
			})
		default:
			r.ds.Errorf(r.pos(k), "unknown key %q in entry %q (want name, goType, type, value, required, doc, skip, typeArgs)", k.Value, e.Path)
		}
	})
}

// goType reads one named Go type of types.
func (r *reader) goType(k, v *yaml.Node) {
	t := &GoType{Pos: r.pos(k), Name: r.name(k, "type name")}
	if _, dup := r.o.Types[t.Name]; dup {
		r.ds.Errorf(t.Pos, "duplicate type %q", t.Name)
		return
	}
	r.o.Types[t.Name] = t
	r.mapping(v, "type "+t.Name, func(k, v *yaml.Node) {
		switch k.Value {
		case "underlying":
			t.Underlying = r.scalar(v)
		case "doc":
			t.Doc = r.scalar(v)
		default:
			r.ds.Errorf(r.pos(k), "unknown key %q in type %q (want underlying, doc)", k.Value, t.Name)
		}
	})
	if !slices.Contains(basicGoTypes, t.Underlying) {
		r.ds.Errorf(t.Pos, "type %q: underlying must be one of %s", t.Name, strings.Join(basicGoTypes, ", "))
	}
}

// union reads one union of unions, keyed by the union as written.
func (r *reader) union(k, v *yaml.Node) {
	u := &Union{Pos: r.pos(k), Members: map[string]string{}}
	key := Normalize(k.Value)
	r.o.Unions[key] = u
	r.mapping(v, "union "+key, func(k, v *yaml.Node) {
		switch k.Value {
		case "name":
			u.Name = r.name(v, "union name")
		case "doc":
			u.Doc = r.scalar(v)
		case "members":
			r.mapping(v, "members", func(k, v *yaml.Node) { u.Members[Normalize(k.Value)] = r.name(v, "member name") })
		default:
			r.ds.Errorf(r.pos(k), "unknown key %q in union (want name, doc, members)", k.Value)
		}
	})
	if u.Name == "" && !r.ds.HasErrors() {
		r.ds.Errorf(u.Pos, "union %q needs a name that is an exported Go identifier", key)
	}
}

// name reads a Go name: it must be an exported identifier (`name: open`
// would declare something no user can reach), after normalisation.
func (r *reader) name(n *yaml.Node, what string) string {
	s := Normalize(r.scalar(n))
	if s != "" && (!token.IsIdentifier(s) || !token.IsExported(s)) {
		r.ds.Errorf(r.valuePos(n), "%s %q is not an exported Go identifier", what, s)
		return ""
	}
	return s
}

// mapping calls fn for every key and value of n, which must be a mapping
// whose keys are distinct: YAML decoders disagree on which of two equal
// keys wins, so a duplicate is an error, never a silent merge.
func (r *reader) mapping(n *yaml.Node, what string, fn func(k, v *yaml.Node)) {
	if n.Kind != yaml.MappingNode {
		r.ds.Errorf(r.pos(n), "%s must be a mapping", what)
		return
	}
	seen := map[string]spec.Pos{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		key := Normalize(k.Value)
		if at, dup := seen[key]; dup {
			r.ds.Errorf(r.pos(k), "duplicate key %q in %s (first at %s)", key, what, at)
			continue
		}
		seen[key] = r.pos(k)
		fn(k, v)
	}
}

func (r *reader) scalar(n *yaml.Node) string {
	if n.Kind != yaml.ScalarNode {
		r.ds.Errorf(r.pos(n), "expected a single value")
		return ""
	}
	return n.Value
}

func (r *reader) boolean(n *yaml.Node) bool {
	switch r.scalar(n) {
	case "true":
		return true
	case "false":
		return false
	}
	r.ds.Errorf(r.pos(n), "expected true or false, found %q", n.Value)
	return false
}

// basicGoTypes are the Go types goType and underlying may name directly.
var basicGoTypes = []string{"int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32", "uint64", "float32", "float64", "string", "bool", "any", "[]byte"}

// IsBasicGoType reports whether name is a Go type an overlay may use as is.
func IsBasicGoType(name string) bool { return slices.Contains(basicGoTypes, name) }

// Unused returns the entries no generator step matched, sorted by position.
func (o *Overlay) Unused() []*Entry {
	var out []*Entry
	for _, e := range o.Entries {
		if !e.Used {
			out = append(out, e)
		}
	}
	slices.SortFunc(out, func(a, b *Entry) int { return a.Pos.Compare(b.Pos) })
	return out
}

// String is for debugging.
func (e *Entry) String() string { return fmt.Sprintf("%s: %s", e.Pos, e.Path) }
