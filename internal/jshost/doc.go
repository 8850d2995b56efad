// Package jshost runs Go js/wasm programs in the JavaScript hosts a Taro app
// runs in, from an ordinary native `go test`, so that the generated bindings
// are proven against Taro's own code rather than a mock of it.
//
// Two hosts:
//
//   - Chromium ([RunChromium]): Debian's headless shell,
//     /usr/lib/chromium/chromium-headless-shell, started directly (the
//     /usr/bin wrapper script does not exec, so killing it would leak the
//     browser) and driven with chromedp. A page served by httptest on
//     127.0.0.1 loads Go's wasm_exec.js, Taro's real H5 runtime
//     (@tarojs/taro-h5, bundled by npm/bundle.mjs into a script that sets
//     globalThis.Taro) and then the wasm, with arguments and environment.
//   - Node ([RunNode]): Go's wasm_exec_node.js, preceded by npm/weapp-host.js,
//     which loads Taro's real mini-program layer
//     (@tarojs/plugin-platform-weapp, then @tarojs/taro) over a wx stand-in
//     (npm/wx-standin.js) that follows WeChat's documented semantics.
//
// The npm packages are pinned in npm/package-lock.json and installed with
// `npm ci` in internal/jshost/npm (.ci/run does it). [BuildTest] and
// [BuildProgram] compile the wasm with GOOS=js GOARCH=wasm.
//
// A missing host (no Chromium, no Node, no node_modules) skips the calling
// test with a message saying how to install it, except under CI=true, where
// it fails: CI must not pass by skipping the hosts.
package jshost
