//go:build js && wasm && taro_weapp

package jstest

const fallsBackToWx = true
