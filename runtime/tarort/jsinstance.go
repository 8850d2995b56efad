//go:build js && wasm

package tarort

import "syscall/js"

// Instance is a JavaScript class instance (a SocketTask, DownloadTask,
// UDPSocket…) as generated wrappers hold it: the value their methods call
// and the Events its on* listeners feed.
type Instance struct {
	Value  js.Value
	Events *Events
}

// Wrap returns the Instance of v, or nil when v is not an object (a host
// that returned nothing). final names the event kinds after which the
// instance reports nothing more ("onClose").
func Wrap(v js.Value, final ...string) *Instance {
	if v.Type() != js.TypeObject && v.Type() != js.TypeFunction {
		return nil
	}
	return &Instance{Value: v, Events: NewEvents(final...)}
}

// JSValue returns the wrapped value; undefined for a nil Instance, so an
// unset class-typed field stays unset.
func (in *Instance) JSValue() js.Value {
	if in == nil {
		return js.Undefined()
	}
	return in.Value
}

var hostEvents = NewEvents()

// HostEvents is the Events of the host's global listeners (onSocketOpen,
// onSocketMessage…), shared by every generated package in the program.
func HostEvents() *Events { return hostEvents }
