//go:build js && wasm && taro_weapp

package tarort

// platformGlobal: with tag taro_weapp and no globalThis.Taro, Host uses the
// platform's own API object, wx (Taro's API has its shape: Taro follows WeChat's API).
const platformGlobal = "wx"
