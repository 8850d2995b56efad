//go:build js && wasm && taro_alipay

package tarort

// platformGlobal: with tag taro_alipay and no globalThis.Taro, Host uses the
// platform's own API object, my (Taro's API has its shape: Taro follows WeChat's API).
const platformGlobal = "my"
