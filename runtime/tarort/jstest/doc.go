// Package jstest tests the js/wasm backend of package tarort, and the
// generated bindings over it, under Node: the call machinery (callbacks,
// Promises, exceptions), the event queue, the conversions, the error
// classification and the host lookup against JavaScript stand-ins, and
// generated/sockettask against a stand-in Taro host shaped like Taro H5's
// SocketTask. (internal/jshost runs the generated packages against Taro
// itself, in Chromium and under Node.)
//
// Those tests build only for js/wasm. An ordinary `go test` runs
// node_test.go, which runs them with `GOOS=js GOARCH=wasm go test` through
// go_js_wasm_exec from $(go env GOROOT)/lib/wasm, once with no tag and once
// with taro_weapp. Without Node it skips, saying how to install it; under
// CI=true it fails instead. api_test.go, also native, checks with go/types
// that the generated packages export the same API on both backends.
package jstest
