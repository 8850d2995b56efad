// Package hostapi is tarogen's output for a few of Taro's APIs beyond the
// WebSocket family, generated from their real pages (pages/, copies of
// testdata/pages/current): request and RequestTask, setStorage, getStorage,
// removeStorage and getSystemInfoSync. Under GOOS=js it calls the host's
// Taro API; its tests run it in headless Chromium with Taro's real H5 runtime
// and under Node with Taro's real weapp layer (see internal/jshost). Natively
// the runtime implements none of these APIs: the calls fail, as documented
// on each.
package hostapi

// The package is generated from the pages beside this file alone.
//go:generate go run github.com/tarogen/tarogen/cmd/tarogen gen -o . -pkg hostapi pages/request.md pages/RequestTask.md pages/setStorage.md pages/getStorage.md pages/removeStorage.md pages/getSystemInfoSync.md
