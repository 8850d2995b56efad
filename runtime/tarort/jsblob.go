//go:build js && wasm

package tarort

import "syscall/js"

// Blobs: Taro H5 hands binary WebSocket messages over as Blobs unless the
// socket's binaryType is "arraybuffer", and a Blob's bytes can only be
// read asynchronously. Events reads them before converting the event (see
// Listen) and leaves the bytes on the Blob under blobBytesKey, where
// BytesFromJS finds them.

const blobBytesKey = "__tarogenBytes"

var (
	jsBlob = js.Global().Get("Blob")
	// readBlobsJS reads every Blob, stores its ArrayBuffer on it, then calls
	// done, also when a read fails (the Blob then converts to no bytes).
	readBlobsJS = js.Global().Get("Function").New("blobs", "key", "done", `
		Promise.all(blobs.map(b => b.arrayBuffer().then(ab => { b[key] = ab; }))).then(() => done(), () => done());`)
)

// isBlob reports whether v is a Blob (there is no Blob under old Node).
func isBlob(v js.Value) bool {
	return v.Type() == js.TypeObject && jsBlob.Type() == js.TypeFunction && v.InstanceOf(jsBlob)
}

// blobsIn returns the Blobs among arg's fields, and arg itself if it is one.
func blobsIn(arg js.Value, fields []string) []any {
	var out []any
	if isBlob(arg) {
		out = append(out, arg)
	}
	if arg.Type() != js.TypeObject {
		return out
	}
	for _, f := range fields {
		if v := arg.Get(f); isBlob(v) {
			out = append(out, v)
		}
	}
	return out
}

// readBlobs reads blobs and then calls done, from a JavaScript callback.
func readBlobs(blobs []any, done func()) {
	var fn js.Func
	fn = js.FuncOf(func(js.Value, []js.Value) any {
		fn.Release()
		done()
		return nil
	})
	readBlobsJS.Invoke(js.ValueOf(blobs), blobBytesKey, fn)
}

// blobBytes is the ArrayBuffer readBlobs left on a Blob, or undefined.
func blobBytes(v js.Value) js.Value {
	if !isBlob(v) {
		return js.Undefined()
	}
	return v.Get(blobBytesKey)
}
