//go:build js && wasm && taro_jd

package tarort

// platformGlobal: with tag taro_jd and no globalThis.Taro, Host uses the
// platform's own API object, jd (Taro's API has its shape: Taro follows WeChat's API).
const platformGlobal = "jd"
