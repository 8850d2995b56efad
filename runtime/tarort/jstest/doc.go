// Package jstest tests the js/wasm backend of package tarort, and the
// generated bindings over it, under Node: the call machinery (callbacks,
// Promises, exceptions), the event queue, the conversions and the error
// classification against JavaScript stand-ins, and generated/sockettask
// against a stand-in Taro host that follows Taro H5's SocketTask.
//
// The tests themselves build only for js/wasm (machinery_test.go,
// slice_test.go). An ordinary `go test` runs node_test.go, which runs them
// with `GOOS=js GOARCH=wasm go test`, through go_js_wasm_exec from
// $(go env GOROOT)/lib/wasm. Without Node it skips, saying how to install
// it; under CI=true it fails instead.
package jstest
