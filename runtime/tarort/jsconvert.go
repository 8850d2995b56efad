//go:build js && wasm

package tarort

import (
	"slices"
	"syscall/js"
)

// Conversions generated code builds its per-type conversions from. Each
// reads a JavaScript value defensively: a value of the wrong type gives the
// Go zero value, never a panic (js.Value's own Float, Bool and String panic
// or misreport on the wrong type).

var (
	jsObject     = js.Global().Get("Object")
	jsArray      = js.Global().Get("Array")
	jsUint8Array = js.Global().Get("Uint8Array")
	jsArrayBuf   = js.Global().Get("ArrayBuffer")
)

// NewObject returns a new empty JavaScript object, for an option object.
func NewObject() js.Value { return jsObject.New() }

// StringFromJS returns v if it is a string, else "".
func StringFromJS(v js.Value) string {
	if v.Type() == js.TypeString {
		return v.String()
	}
	return ""
}

// NumberFromJS returns v if it is a number, else 0.
func NumberFromJS(v js.Value) float64 {
	if v.Type() == js.TypeNumber {
		return v.Float()
	}
	return 0
}

// BoolFromJS returns v if it is a boolean, else false.
func BoolFromJS(v js.Value) bool { return v.Type() == js.TypeBoolean && v.Bool() }

// Defined reports whether v is neither undefined nor null.
func Defined(v js.Value) bool { return !v.IsUndefined() && !v.IsNull() }

// BytesToJS copies b into a new ArrayBuffer of exactly len(b) bytes.
func BytesToJS(b []byte) js.Value {
	u := jsUint8Array.New(len(b))
	js.CopyBytesToJS(u, b)
	return u.Get("buffer")
}

// IsBytes reports whether v holds bytes BytesFromJS can copy: an
// ArrayBuffer, a typed array, a DataView, or a Blob an Events has read.
func IsBytes(v js.Value) bool {
	if v.Type() != js.TypeObject {
		return false
	}
	return v.InstanceOf(jsArrayBuf) || jsArrayBuf.Call("isView", v).Bool() || !blobBytes(v).IsUndefined()
}

// BytesFromJS copies the bytes of an ArrayBuffer, a typed array, a
// DataView or a read Blob into a new slice the caller owns. Anything else
// is nil.
func BytesFromJS(v js.Value) []byte {
	if ab := blobBytes(v); !ab.IsUndefined() {
		v = ab
	}
	if !IsBytes(v) {
		return nil
	}
	var u js.Value
	if v.InstanceOf(jsArrayBuf) {
		u = jsUint8Array.New(v)
	} else {
		u = jsUint8Array.New(v.Get("buffer"), v.Get("byteOffset"), v.Get("byteLength"))
	}
	b := make([]byte, u.Get("length").Int())
	js.CopyBytesToGo(b, u)
	return b
}

// SliceToJS converts s into a JavaScript array, element by element with f.
// A nil slice is undefined, so an unset optional field stays unset.
func SliceToJS[T any](s []T, f func(T) js.Value) js.Value {
	if s == nil {
		return js.Undefined()
	}
	a := jsArray.New(len(s))
	for i, e := range s {
		a.SetIndex(i, f(e))
	}
	return a
}

// SliceFromJS converts a JavaScript array (or array-like) with f; anything
// else is nil.
func SliceFromJS[T any](v js.Value, f func(js.Value) T) []T {
	if v.Type() != js.TypeObject {
		return nil
	}
	n := v.Get("length")
	if n.Type() != js.TypeNumber {
		return nil
	}
	out := make([]T, n.Int())
	for i := range out {
		out[i] = f(v.Index(i))
	}
	return out
}

// MapToJS converts m into a JavaScript object with f. Keys are set in
// sorted order, so the object's key order is the same on every run. A nil
// map is undefined.
func MapToJS[T any](m map[string]T, f func(T) js.Value) js.Value {
	if m == nil {
		return js.Undefined()
	}
	o := jsObject.New()
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		o.Set(k, f(m[k]))
	}
	return o
}

// MapFromJS converts the own enumerable properties of a JavaScript object
// with f; anything else is nil.
func MapFromJS[T any](v js.Value, f func(js.Value) T) map[string]T {
	if v.Type() != js.TypeObject {
		return nil
	}
	keys := jsObject.Call("keys", v)
	n := keys.Length()
	out := make(map[string]T, n)
	for i := range n {
		k := keys.Index(i).String()
		out[k] = f(v.Get(k))
	}
	return out
}

// AnyToJS converts a Go value of a TypeScript any/unknown/object field:
// nil, bool, string, the numeric types, []byte (an ArrayBuffer), js.Value,
// and slices and maps of these ([]any, []string, map[string]any,
// map[string]string), recursively. It is a type switch, not reflection: a
// value of another type is sent as its String() text when it has that
// method, else as undefined.
func AnyToJS(v any) js.Value {
	switch v := v.(type) {
	case nil:
		return js.Null()
	case js.Value:
		return v
	case string, bool, float64, float32, int, int8, int16, int32, int64, uint, uint8, uint16, uint32, uint64, uintptr:
		return js.ValueOf(v)
	case []byte:
		return BytesToJS(v)
	case []any:
		return SliceToJS(v, AnyToJS)
	case []string:
		return SliceToJS(v, func(s string) js.Value { return js.ValueOf(s) })
	case map[string]any:
		return MapToJS(v, AnyToJS)
	case map[string]string:
		return MapToJS(v, func(s string) js.Value { return js.ValueOf(s) })
	case interface{ String() string }:
		return js.ValueOf(v.String())
	}
	return js.Undefined()
}

// AnyFromJS converts a JavaScript value into plain Go values: undefined and
// null are nil; booleans, numbers (float64) and strings as themselves;
// ArrayBuffers and typed arrays []byte; arrays []any; other objects
// map[string]any of their own enumerable properties; functions and symbols
// their String() text. Nesting deeper than maxAnyDepth (a cyclic object)
// is cut off as nil.
func AnyFromJS(v js.Value) any { return anyFromJS(v, 0) }

const maxAnyDepth = 64

func anyFromJS(v js.Value, depth int) any {
	switch v.Type() {
	case js.TypeUndefined, js.TypeNull:
		return nil
	case js.TypeBoolean:
		return v.Bool()
	case js.TypeNumber:
		return v.Float()
	case js.TypeString:
		return v.String()
	case js.TypeObject:
		if depth >= maxAnyDepth {
			return nil
		}
		inner := func(e js.Value) any { return anyFromJS(e, depth+1) }
		if IsBytes(v) {
			return BytesFromJS(v)
		}
		if jsArray.Call("isArray", v).Bool() {
			return SliceFromJS(v, inner)
		}
		return MapFromJS(v, inner)
	}
	return js.Global().Call("String", v).String()
}
