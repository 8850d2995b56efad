package spec

import (
	"encoding/json"
	"strconv"
	"strings"
)

// Type is a TypeScript type expression as written on a page, e.g. the cell
// `(res: TaroGeneral.CallbackResult) => void` or the signature
// `<T = any>(callback: OnMessageCallback<T>) => void`.
//
// The variants are the pointer types in this file. Type is sealed: only this
// package implements it.
type Type interface {
	// Position is where the type expression starts.
	Position() Pos
	// String renders the type back as TypeScript, normalised (single spaces,
	// `|` for unions), e.g. "string | ArrayBuffer".
	String() string
	isType()
}

// PrimitiveType is a TypeScript keyword type: string, number, boolean, any,
// unknown, void, undefined, null, never, object, symbol, bigint.
type PrimitiveType struct {
	Pos  Pos    `json:"pos"`
	Name string `json:"name"` // e.g. "number"
}

// NamedType is a reference to a named type, possibly namespaced and with
// type arguments: `TaroGeneral.CallbackResult`, `OnMessageCallback<T>`,
// `ArrayBuffer`. Resolution (see [Package]) fills Ref.
type NamedType struct {
	Pos       Pos      `json:"pos"`
	Namespace []string `json:"namespace,omitempty"` // e.g. ["TaroGeneral"]
	Name      string   `json:"name"`                // e.g. "CallbackResult"
	Args      []Type   `json:"args,omitempty"`      // e.g. [T]
	Ref       *Ref     `json:"ref,omitempty"`       // what the name resolved to; nil if unresolved
}

// QualifiedName is Namespace and Name joined with dots.
func (t *NamedType) QualifiedName() string {
	return strings.Join(append(append([]string(nil), t.Namespace...), t.Name), ".")
}

// RefKind says what a name resolved to.
type RefKind string

const (
	RefDecl      RefKind = "decl"      // a type declared on a page of the package (see [Decl])
	RefClass     RefKind = "class"     // a class documented on a page of the package
	RefTypeParam RefKind = "typeparam" // a type parameter in scope
	RefBuiltin   RefKind = "builtin"   // a type TypeScript or the platform provides: ArrayBuffer, WebSocket, Promise…
	RefGeneral   RefKind = "general"   // a member of Taro's TaroGeneral namespace (CallbackResult, IAnyObject…)
)

// Ref is the target of a resolved name.
type Ref struct {
	Kind RefKind `json:"kind"`           // e.g. "decl"
	Page string  `json:"page,omitempty"` // the page's API name, e.g. "connectSocket"
	Name string  `json:"name"`           // e.g. "Option"
	// Scope picks among same-named declarations on one page (Decl.Scope).
	Scope string `json:"scope,omitempty"`
}

// TypeParamType is a type parameter in a function or generic declaration:
// `T = any` in `<T = any>(…) => void`. References to it inside the body are
// NamedType values whose Ref has Kind RefTypeParam.
type TypeParamType struct {
	Pos        Pos    `json:"pos"`
	Name       string `json:"name"`                 // e.g. "T"
	Constraint Type   `json:"constraint,omitempty"` // `T extends X`
	Default    Type   `json:"default,omitempty"`    // e.g. any
}

// ArrayType is `T[]` or `Array<T>`.
type ArrayType struct {
	Pos  Pos  `json:"pos"`
	Elem Type `json:"elem"`
}

// TupleType is `[A, B]`.
type TupleType struct {
	Pos   Pos    `json:"pos"`
	Elems []Type `json:"elems"`
}

// UnionType is `A | B` (pipe pages write `A or B`).
type UnionType struct {
	Pos   Pos    `json:"pos"`
	Types []Type `json:"types"`
}

// IntersectionType is `A & B`.
type IntersectionType struct {
	Pos   Pos    `json:"pos"`
	Types []Type `json:"types"`
}

// LiteralType is a string, number or boolean literal type: `"text"`, `1000`,
// `true`.
type LiteralType struct {
	Pos   Pos    `json:"pos"`
	Lit   string `json:"lit"`   // "string", "number" or "boolean"
	Value string `json:"value"` // the literal's value, unquoted: text, 1000, true
}

// FuncType is a function type or signature:
// `<T = any>(callback: OnMessageCallback<T>) => void`.
type FuncType struct {
	Pos        Pos              `json:"pos"`
	TypeParams []*TypeParamType `json:"typeParams,omitempty"`
	Params     []*FuncParam     `json:"params"`
	Result     Type             `json:"result"`
}

// FuncParam is one parameter of a FuncType.
type FuncParam struct {
	Pos      Pos    `json:"pos"`
	Name     string `json:"name"` // e.g. "callback"
	Optional bool   `json:"optional,omitempty"`
	Rest     bool   `json:"rest,omitempty"`
	Type     Type   `json:"type"` // nil if the parameter has no annotation, which TypeScript reads as any: `(ctx) => void`
}

// ObjectType is an object literal type: `{ a: string; b?: number; [key: string]: any }`.
type ObjectType struct {
	Pos     Pos             `json:"pos"`
	Members []*ObjectMember `json:"members,omitempty"`
	Index   []*IndexSig     `json:"index,omitempty"`
	// Calls are call signatures: `{ (x: number): string; a: B }` makes the
	// object callable as (x: number) => string. Result is nil where the
	// signature has no return type (void).
	Calls []*FuncType `json:"calls,omitempty"`
}

// ObjectMember is a property of an ObjectType.
type ObjectMember struct {
	Pos      Pos    `json:"pos"`
	Name     string `json:"name"`
	Optional bool   `json:"optional,omitempty"`
	ReadOnly bool   `json:"readOnly,omitempty"`
	Type     Type   `json:"type"`
}

// IndexSig is `[key: string]: V`.
type IndexSig struct {
	Pos     Pos    `json:"pos"`
	KeyName string `json:"keyName"` // e.g. "key"
	Key     Type   `json:"key"`
	Value   Type   `json:"value"`
}

// RecordType is `Record<K, V>`.
type RecordType struct {
	Pos   Pos  `json:"pos"`
	Key   Type `json:"key"`
	Value Type `json:"value"`
}

// KeyOfType is `keyof T`.
type KeyOfType struct {
	Pos  Pos  `json:"pos"`
	Type Type `json:"type"`
}

// PromiseType is `Promise<T>`.
type PromiseType struct {
	Pos  Pos  `json:"pos"`
	Elem Type `json:"elem"`
}

func (t *PrimitiveType) Position() Pos    { return t.Pos }
func (t *NamedType) Position() Pos        { return t.Pos }
func (t *TypeParamType) Position() Pos    { return t.Pos }
func (t *ArrayType) Position() Pos        { return t.Pos }
func (t *TupleType) Position() Pos        { return t.Pos }
func (t *UnionType) Position() Pos        { return t.Pos }
func (t *IntersectionType) Position() Pos { return t.Pos }
func (t *LiteralType) Position() Pos      { return t.Pos }
func (t *FuncType) Position() Pos         { return t.Pos }
func (t *ObjectType) Position() Pos       { return t.Pos }
func (t *RecordType) Position() Pos       { return t.Pos }
func (t *KeyOfType) Position() Pos        { return t.Pos }
func (t *PromiseType) Position() Pos      { return t.Pos }

func (*PrimitiveType) isType()    {}
func (*NamedType) isType()        {}
func (*TypeParamType) isType()    {}
func (*ArrayType) isType()        {}
func (*TupleType) isType()        {}
func (*UnionType) isType()        {}
func (*IntersectionType) isType() {}
func (*LiteralType) isType()      {}
func (*FuncType) isType()         {}
func (*ObjectType) isType()       {}
func (*RecordType) isType()       {}
func (*KeyOfType) isType()        {}
func (*PromiseType) isType()      {}

func (t *PrimitiveType) String() string { return t.Name }

func (t *NamedType) String() string {
	s := t.QualifiedName()
	if len(t.Args) > 0 {
		s += "<" + joinTypes(t.Args, ", ") + ">"
	}
	return s
}

func (t *TypeParamType) String() string {
	s := t.Name
	if t.Constraint != nil {
		s += " extends " + t.Constraint.String()
	}
	if t.Default != nil {
		s += " = " + t.Default.String()
	}
	return s
}

func (t *ArrayType) String() string {
	switch t.Elem.(type) {
	case *UnionType, *IntersectionType, *FuncType, *KeyOfType:
		return "(" + t.Elem.String() + ")[]"
	}
	return t.Elem.String() + "[]"
}

func (t *TupleType) String() string        { return "[" + joinTypes(t.Elems, ", ") + "]" }
func (t *UnionType) String() string        { return joinTypes(t.Types, " | ") }
func (t *IntersectionType) String() string { return joinTypes(t.Types, " & ") }

// needsParens reports whether t must be parenthesised as an operand of
// keyof, &, | or [] so that it reads back as the same tree.
func needsParens(t Type, inUnion bool) bool {
	switch t.(type) {
	case *FuncType:
		return true
	case *UnionType:
		return !inUnion
	case *IntersectionType:
		return false
	}
	return false
}

func (t *LiteralType) String() string {
	if t.Lit == "string" {
		return strconv.Quote(t.Value)
	}
	return t.Value
}

func (t *FuncType) String() string {
	return t.head() + " => " + resultString(t.Result)
}

// callString writes t as an object type's call signature: `(x: T): R`.
func (t *FuncType) callString() string {
	return t.head() + ": " + resultString(t.Result)
}

func resultString(r Type) string {
	if r == nil {
		return "void"
	}
	return r.String()
}

// head writes the type parameters and the parameter list.
func (t *FuncType) head() string {
	var b strings.Builder
	if len(t.TypeParams) > 0 {
		b.WriteByte('<')
		for i, p := range t.TypeParams {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(p.String())
		}
		b.WriteByte('>')
	}
	b.WriteByte('(')
	for i, p := range t.Params {
		if i > 0 {
			b.WriteString(", ")
		}
		if p.Rest {
			b.WriteString("...")
		}
		b.WriteString(p.Name)
		if p.Optional {
			b.WriteByte('?')
		}
		if p.Type != nil {
			b.WriteString(": ")
			b.WriteString(p.Type.String())
		}
	}
	b.WriteByte(')')
	return b.String()
}

func (t *ObjectType) String() string {
	var parts []string
	for _, m := range t.Members {
		s := m.Name
		if m.ReadOnly {
			s = "readonly " + s
		}
		if m.Optional {
			s += "?"
		}
		parts = append(parts, s+": "+m.Type.String())
	}
	for _, ix := range t.Index {
		parts = append(parts, "["+ix.KeyName+": "+ix.Key.String()+"]: "+ix.Value.String())
	}
	for _, c := range t.Calls {
		parts = append(parts, c.callString())
	}
	if len(parts) == 0 {
		return "{}"
	}
	return "{ " + strings.Join(parts, "; ") + " }"
}

func (t *RecordType) String() string {
	return "Record<" + t.Key.String() + ", " + t.Value.String() + ">"
}
func (t *KeyOfType) String() string {
	switch t.Type.(type) {
	case *UnionType, *IntersectionType, *FuncType:
		return "keyof (" + t.Type.String() + ")"
	}
	return "keyof " + t.Type.String()
}
func (t *PromiseType) String() string { return "Promise<" + t.Elem.String() + ">" }

func joinTypes(ts []Type, sep string) string {
	var b strings.Builder
	for i, t := range ts {
		if i > 0 {
			b.WriteString(sep)
		}
		if t == nil {
			b.WriteString("?")
			continue
		}
		s := t.String()
		if sep != ", " && needsParens(t, sep == " | ") {
			s = "(" + s + ")"
		}
		b.WriteString(s)
	}
	return b.String()
}

// The MarshalJSON methods add the "kind" discriminator to each variant.

func marshalKind(kind string, v any) ([]byte, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	// v is always a struct, so b starts with '{'.
	head := `{"kind":` + strconv.Quote(kind)
	if len(b) > 2 {
		head += ","
	}
	return append([]byte(head), b[1:]...), nil
}

func (t *PrimitiveType) MarshalJSON() ([]byte, error) {
	type plain PrimitiveType
	return marshalKind("primitive", (*plain)(t))
}
func (t *NamedType) MarshalJSON() ([]byte, error) {
	type plain NamedType
	return marshalKind("named", (*plain)(t))
}
func (t *TypeParamType) MarshalJSON() ([]byte, error) {
	type plain TypeParamType
	return marshalKind("typeparam", (*plain)(t))
}
func (t *ArrayType) MarshalJSON() ([]byte, error) {
	type plain ArrayType
	return marshalKind("array", (*plain)(t))
}
func (t *TupleType) MarshalJSON() ([]byte, error) {
	type plain TupleType
	return marshalKind("tuple", (*plain)(t))
}
func (t *UnionType) MarshalJSON() ([]byte, error) {
	type plain UnionType
	return marshalKind("union", (*plain)(t))
}
func (t *IntersectionType) MarshalJSON() ([]byte, error) {
	type plain IntersectionType
	return marshalKind("intersection", (*plain)(t))
}
func (t *LiteralType) MarshalJSON() ([]byte, error) {
	type plain LiteralType
	return marshalKind("literal", (*plain)(t))
}
func (t *FuncType) MarshalJSON() ([]byte, error) {
	type plain FuncType
	return marshalKind("function", (*plain)(t))
}
func (t *ObjectType) MarshalJSON() ([]byte, error) {
	type plain ObjectType
	return marshalKind("object", (*plain)(t))
}
func (t *RecordType) MarshalJSON() ([]byte, error) {
	type plain RecordType
	return marshalKind("record", (*plain)(t))
}
func (t *KeyOfType) MarshalJSON() ([]byte, error) {
	type plain KeyOfType
	return marshalKind("keyof", (*plain)(t))
}
func (t *PromiseType) MarshalJSON() ([]byte, error) {
	type plain PromiseType
	return marshalKind("promise", (*plain)(t))
}

// Walk calls fn for t and, depth first in source order, every type inside
// it. It stops descending where fn returns false.
func Walk(t Type, fn func(Type) bool) {
	if t == nil || !fn(t) {
		return
	}
	switch t := t.(type) {
	case *NamedType:
		for _, a := range t.Args {
			Walk(a, fn)
		}
	case *TypeParamType:
		Walk(t.Constraint, fn)
		Walk(t.Default, fn)
	case *ArrayType:
		Walk(t.Elem, fn)
	case *TupleType:
		for _, e := range t.Elems {
			Walk(e, fn)
		}
	case *UnionType:
		for _, e := range t.Types {
			Walk(e, fn)
		}
	case *IntersectionType:
		for _, e := range t.Types {
			Walk(e, fn)
		}
	case *FuncType:
		for _, p := range t.TypeParams {
			Walk(p, fn)
		}
		for _, p := range t.Params {
			Walk(p.Type, fn)
		}
		Walk(t.Result, fn)
	case *ObjectType:
		for _, m := range t.Members {
			Walk(m.Type, fn)
		}
		for _, ix := range t.Index {
			Walk(ix.Key, fn)
			Walk(ix.Value, fn)
		}
		for _, c := range t.Calls {
			Walk(c, fn)
		}
	case *RecordType:
		Walk(t.Key, fn)
		Walk(t.Value, fn)
	case *KeyOfType:
		Walk(t.Type, fn)
	case *PromiseType:
		Walk(t.Elem, fn)
	}
}
