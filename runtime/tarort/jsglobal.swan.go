//go:build js && wasm && taro_swan

package tarort

// platformGlobal: with tag taro_swan and no globalThis.Taro, Host uses the
// platform's own API object, swan (Taro's API has its shape: Taro follows WeChat's API).
const platformGlobal = "swan"
