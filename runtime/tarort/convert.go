package tarort

import "fmt"

// Conversions generated code calls between the page's types and the
// runtime's.

// HeaderStrings converts a Taro header object (TaroGeneral.IAnyObject, a
// Record<string, any>) into HTTP header values: strings stay as they are,
// anything else is formatted with fmt's %v, as JavaScript's String() would
// for numbers and booleans. nil stays nil.
func HeaderStrings[V any](m map[string]V) map[string]string {
	if m == nil {
		return nil
	}
	out := make(map[string]string, len(m))
	for k, v := range m {
		if s, ok := any(v).(string); ok {
			out[k] = s
			continue
		}
		out[k] = fmt.Sprint(v)
	}
	return out
}

// HeaderAny converts the handshake response header into the page's
// Record<string, any>.
func HeaderAny(m map[string]string) map[string]any {
	if m == nil {
		return nil
	}
	out := make(map[string]any, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}
