//go:build js && wasm && !taro_weapp && !taro_alipay && !taro_swan && !taro_tt && !taro_qq && !taro_jd

package tarort

// platformGlobal is the mini-program global Host falls back to when
// globalThis.Taro is not set. A build with no mini-program tag (no tag, or
// taro_h5 and the other web-like platforms) has none: only Taro, or
// SetHost, is a host there. The jsglobal.<platform>.go files set it per tag.
const platformGlobal = ""
