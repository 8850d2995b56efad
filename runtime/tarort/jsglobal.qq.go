//go:build js && wasm && taro_qq

package tarort

// platformGlobal: with tag taro_qq and no globalThis.Taro, Host uses the
// platform's own API object, qq (Taro's API has its shape: Taro follows WeChat's API).
const platformGlobal = "qq"
