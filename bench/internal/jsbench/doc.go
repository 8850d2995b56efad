// Package jsbench holds the js/wasm half of the browser echo benchmark
// (../../jsecho_test.go builds its test binary and runs it in headless
// Chromium with Taro's H5 runtime): the same echo loop through the
// generated binding and written in JavaScript (loop.js) on the same Taro H5
// SocketTask.
package jsbench
