//go:build js && wasm && taro_tt

package tarort

// platformGlobal: with tag taro_tt and no globalThis.Taro, Host uses the
// platform's own API object, tt (Taro's API has its shape: Taro follows WeChat's API).
const platformGlobal = "tt"
