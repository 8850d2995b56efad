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
// Read returns the overlay with the position of every entry, so the
// generator can report an entry whose path names nothing in the spec.
package overlay

import (
	"bytes"
	"fmt"
	"go/token"
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
	Required *bool             // overrides the page's required flag
	Doc      string            // appended to the description
	Skip     bool              // leave the member out
	TypeArgs map[string]string // type parameter name → TypeScript type
	Used     bool              // set by the generator when the path matched
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
	var ds spec.Diagnostics
	o := Empty()
	o.File = file
	var root yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(src))
	if err := dec.Decode(&root); err != nil {
		if err.Error() == "EOF" {
			return o, nil // an empty overlay is allowed
		}
		ds.Errorf(spec.Pos{File: file, Line: 1, Col: 1}, "overlay is not valid YAML: %v", err)
		return nil, ds
	}
	pos := func(n *yaml.Node) spec.Pos { return spec.Pos{File: file, Line: n.Line, Col: n.Column} }
	doc := &root
	if doc.Kind == yaml.DocumentNode && len(doc.Content) == 1 {
		doc = doc.Content[0]
	}
	if doc.Kind != yaml.MappingNode {
		ds.Errorf(pos(doc), "overlay must be a mapping with keys entries, types, unions")
		return nil, ds
	}
	eachPair(doc, func(k, v *yaml.Node) {
		switch k.Value {
		case "entries":
			eachMapping(&ds, pos, v, "entries", func(k, v *yaml.Node) {
				e := &Entry{Pos: pos(k), Path: k.Value}
				if _, dup := o.Entries[e.Path]; dup {
					ds.Errorf(pos(k), "duplicate entry %q", e.Path)
					return
				}
				o.Entries[e.Path] = e
				eachMapping(&ds, pos, v, "entry "+e.Path, func(k, v *yaml.Node) {
					switch k.Value {
					case "name":
						e.Name = scalar(&ds, pos, v)
						if e.Name != "" && !token.IsIdentifier(e.Name) {
							ds.Errorf(pos(v), "name %q is not a Go identifier", e.Name)
						}
					case "goType":
						e.GoType = scalar(&ds, pos, v)
					case "type":
						e.Type, e.TypePos = scalar(&ds, pos, v), pos(v)
						if v.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 {
							e.TypePos.Col++ // point at the type, not its opening quote
						}
					case "value":
						e.Value = scalar(&ds, pos, v)
					case "doc":
						e.Doc = scalar(&ds, pos, v)
					case "required":
						b := boolean(&ds, pos, v)
						e.Required = &b
					case "skip":
						e.Skip = boolean(&ds, pos, v)
					case "typeArgs":
						e.TypeArgs = map[string]string{}
						eachMapping(&ds, pos, v, "typeArgs", func(k, v *yaml.Node) { e.TypeArgs[k.Value] = scalar(&ds, pos, v) })
					default:
						ds.Errorf(pos(k), "unknown key %q in entry %q (want name, goType, type, value, required, doc, skip, typeArgs)", k.Value, e.Path)
					}
				})
			})
		case "types":
			eachMapping(&ds, pos, v, "types", func(k, v *yaml.Node) {
				t := &GoType{Pos: pos(k), Name: k.Value}
				if !token.IsIdentifier(t.Name) || !token.IsExported(t.Name) {
					ds.Errorf(pos(k), "type name %q is not an exported Go identifier", t.Name)
				}
				o.Types[t.Name] = t
				eachMapping(&ds, pos, v, "type "+t.Name, func(k, v *yaml.Node) {
					switch k.Value {
					case "underlying":
						t.Underlying = scalar(&ds, pos, v)
					case "doc":
						t.Doc = scalar(&ds, pos, v)
					default:
						ds.Errorf(pos(k), "unknown key %q in type %q (want underlying, doc)", k.Value, t.Name)
					}
				})
				if !slices.Contains(basicGoTypes, t.Underlying) {
					ds.Errorf(pos(k), "type %q: underlying must be one of %s", t.Name, strings.Join(basicGoTypes, ", "))
				}
			})
		case "unions":
			eachMapping(&ds, pos, v, "unions", func(k, v *yaml.Node) {
				u := &Union{Pos: pos(k), Members: map[string]string{}}
				o.Unions[k.Value] = u
				eachMapping(&ds, pos, v, "union "+k.Value, func(k, v *yaml.Node) {
					switch k.Value {
					case "name":
						u.Name = scalar(&ds, pos, v)
					case "doc":
						u.Doc = scalar(&ds, pos, v)
					case "members":
						eachMapping(&ds, pos, v, "members", func(k, v *yaml.Node) { u.Members[k.Value] = scalar(&ds, pos, v) })
					default:
						ds.Errorf(pos(k), "unknown key %q in union (want name, doc, members)", k.Value)
					}
				})
				if !token.IsIdentifier(u.Name) || !token.IsExported(u.Name) {
					ds.Errorf(u.Pos, "union %q needs a name that is an exported Go identifier", k.Value)
				}
			})
		default:
			ds.Errorf(pos(k), "unknown key %q (want entries, types, unions)", k.Value)
		}
	})
	if ds.HasErrors() {
		return nil, ds
	}
	return o, ds
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

func eachPair(n *yaml.Node, fn func(k, v *yaml.Node)) {
	for i := 0; i+1 < len(n.Content); i += 2 {
		fn(n.Content[i], n.Content[i+1])
	}
}

func eachMapping(ds *spec.Diagnostics, pos func(*yaml.Node) spec.Pos, n *yaml.Node, what string, fn func(k, v *yaml.Node)) {
	if n.Kind != yaml.MappingNode {
		ds.Errorf(pos(n), "%s must be a mapping", what)
		return
	}
	eachPair(n, fn)
}

func scalar(ds *spec.Diagnostics, pos func(*yaml.Node) spec.Pos, n *yaml.Node) string {
	if n.Kind != yaml.ScalarNode {
		ds.Errorf(pos(n), "expected a single value")
		return ""
	}
	return n.Value
}

func boolean(ds *spec.Diagnostics, pos func(*yaml.Node) spec.Pos, n *yaml.Node) bool {
	switch scalar(ds, pos, n) {
	case "true":
		return true
	case "false":
		return false
	}
	ds.Errorf(pos(n), "expected true or false, found %q", n.Value)
	return false
}

// String is for debugging.
func (e *Entry) String() string { return fmt.Sprintf("%s: %s", e.Pos, e.Path) }
