//go:build js && wasm

// The js/wasm half of the host API suite: these tests run inside a JS host
// (headless Chromium with Taro H5, or Node with Taro's weapp layer over the
// wx stand-in), started by hosts_test.go, which also runs the HTTP server
// they call (its URL is API_URL) and names the host (TAROGEN_HOST).

package hostapi_test

import (
	"errors"
	"os"
	"strings"
	"syscall/js"
	"testing"

	"github.com/tarogen/tarogen/generated/hostapi"
	"github.com/tarogen/tarogen/runtime/tarort"
)

// outcome records the callbacks of one call.
type outcome[R any] struct {
	success  []R
	fail     []hostapi.CallbackResult
	complete []hostapi.CallbackResult
}

func (o *outcome[R]) onSuccess(r R)                       { o.success = append(o.success, r) }
func (o *outcome[R]) onFail(r hostapi.CallbackResult)     { o.fail = append(o.fail, r) }
func (o *outcome[R]) onComplete(r hostapi.CallbackResult) { o.complete = append(o.complete, r) }

// succeeded checks that success and complete ran once each and fail never.
func (o *outcome[R]) succeeded(t *testing.T, api string, err error) R {
	t.Helper()
	if err != nil {
		t.Fatalf("%s: err = %v, want nil", api, err)
	}
	if len(o.success) != 1 || len(o.fail) != 0 || len(o.complete) != 1 {
		t.Fatalf("%s: success/fail/complete ran %d/%d/%d times, want 1/0/1", api, len(o.success), len(o.fail), len(o.complete))
	}
	return o.success[0]
}

// failed checks that fail and complete ran once each with errMsg starting
// with prefix, that success never ran, and that the returned error says
// the same.
func (o *outcome[R]) failed(t *testing.T, api string, err error, prefix string) {
	t.Helper()
	if len(o.success) != 0 || len(o.fail) != 1 || len(o.complete) != 1 {
		t.Fatalf("%s: success/fail/complete ran %d/%d/%d times, want 0/1/1", api, len(o.success), len(o.fail), len(o.complete))
	}
	if got := o.fail[0].ErrMsg; !strings.HasPrefix(got, prefix) {
		t.Errorf("%s: fail errMsg = %q, want prefix %q", api, got, prefix)
	}
	if got := o.complete[0].ErrMsg; got != o.fail[0].ErrMsg {
		t.Errorf("%s: complete errMsg = %q, want fail's %q", api, got, o.fail[0].ErrMsg)
	}
	var terr *tarort.Error
	if !errors.As(err, &terr) || err.Error() != o.fail[0].ErrMsg {
		t.Errorf("%s: err = %#v, want a *tarort.Error reading %q", api, err, o.fail[0].ErrMsg)
	}
}

func host() string { return os.Getenv("TAROGEN_HOST") }

func apiURL(path string) string { return os.Getenv("API_URL") + path }

func TestRequestGetJSON(t *testing.T) {
	var o outcome[hostapi.RequestSuccessCallbackResult]
	_, err := hostapi.Request(hostapi.RequestOption{
		URL:      apiURL("/echo"),
		Data:     map[string]any{"q": "taro 你好"},
		Header:   map[string]any{"X-Tarogen": "get"},
		Success:  o.onSuccess,
		Fail:     o.onFail,
		Complete: o.onComplete,
	})
	res := o.succeeded(t, "request", err)
	if res.StatusCode != 200 {
		t.Errorf("StatusCode = %v, want 200", res.StatusCode)
	}
	got, ok := res.Data.(map[string]any)
	if !ok {
		t.Fatalf("Data = %#v, want the JSON object the server sent, parsed", res.Data)
	}
	want := map[string]any{"method": "GET", "query": "q=taro+%E4%BD%A0%E5%A5%BD", "header": "get", "body": ""}
	if host() == "h5" {
		// Taro H5 serializes GET data with encodeURIComponent.
		want["query"] = "q=taro%20%E4%BD%A0%E5%A5%BD"
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("Data[%q] = %#v, want %#v", k, got[k], v)
		}
	}
	if h := res.Header["x-reply"]; h != "echo" {
		t.Errorf(`Header["x-reply"] = %#v, want "echo" (header: %v)`, h, res.Header)
	}
}

func TestRequestPostJSON(t *testing.T) {
	var o outcome[hostapi.RequestSuccessCallbackResult]
	_, err := hostapi.Request(hostapi.RequestOption{
		URL:      apiURL("/echo"),
		Method:   string(hostapi.RequestMethodPost),
		Data:     map[string]any{"n": 1.5, "s": "x", "list": []any{true, nil}},
		Header:   map[string]any{"content-type": "application/json", "X-Tarogen": "post"},
		Success:  o.onSuccess,
		Fail:     o.onFail,
		Complete: o.onComplete,
	})
	res := o.succeeded(t, "request", err)
	got, _ := res.Data.(map[string]any)
	if got["method"] != "POST" || got["header"] != "post" || got["contentType"] != "application/json" {
		t.Errorf("Data = %#v, want a POST with X-Tarogen post and content-type application/json", res.Data)
	}
	if body := got["body"]; body != `{"list":[true,null],"n":1.5,"s":"x"}` {
		t.Errorf("server got body %#v, want the data as JSON", body)
	}
}

// An HTTP error status is a response: success runs with the status
// (WeChat's wx.request and Taro H5 agree; only a failed connection fails).
func TestRequestStatus(t *testing.T) {
	var o outcome[hostapi.RequestSuccessCallbackResult]
	_, err := hostapi.Request(hostapi.RequestOption{
		URL: apiURL("/status/418"), Success: o.onSuccess, Fail: o.onFail, Complete: o.onComplete,
	})
	res := o.succeeded(t, "request", err)
	if res.StatusCode != 418 {
		t.Errorf("StatusCode = %v, want 418", res.StatusCode)
	}
}

func TestRequestRefused(t *testing.T) {
	var o outcome[hostapi.RequestSuccessCallbackResult]
	_, err := hostapi.Request(hostapi.RequestOption{
		URL: os.Getenv("REFUSED_URL"), Success: o.onSuccess, Fail: o.onFail, Complete: o.onComplete,
	})
	o.failed(t, "request", err, "request:fail")
}

func TestStorageRoundTrip(t *testing.T) {
	value := map[string]any{"name": "taro", "n": 3.0, "tags": []any{"a", "b"}}
	var set outcome[hostapi.CallbackResult]
	_, err := hostapi.SetStorage(hostapi.SetStorageOption{Key: "tarogen-k", Data: value,
		Success: set.onSuccess, Fail: set.onFail, Complete: set.onComplete})
	if r := set.succeeded(t, "setStorage", err); r.ErrMsg != "setStorage:ok" {
		t.Errorf("setStorage success errMsg = %q, want setStorage:ok", r.ErrMsg)
	}

	var get outcome[hostapi.GetStorageSuccessCallbackResult]
	res, err := hostapi.GetStorage(hostapi.GetStorageOption{Key: "tarogen-k",
		Success: get.onSuccess, Fail: get.onFail, Complete: get.onComplete})
	cb := get.succeeded(t, "getStorage", err)
	for _, r := range []hostapi.GetStorageSuccessCallbackResult{res, cb} {
		if !equalJSON(r.Data, value) {
			t.Errorf("getStorage data = %#v, want %#v", r.Data, value)
		}
		if r.ErrMsg != "getStorage:ok" {
			t.Errorf("getStorage errMsg = %q, want getStorage:ok", r.ErrMsg)
		}
	}

	var rm outcome[hostapi.CallbackResult]
	_, err = hostapi.RemoveStorage(hostapi.RemoveStorageOption{Key: "tarogen-k",
		Success: rm.onSuccess, Fail: rm.onFail, Complete: rm.onComplete})
	rm.succeeded(t, "removeStorage", err)

	var gone outcome[hostapi.GetStorageSuccessCallbackResult]
	_, err = hostapi.GetStorage(hostapi.GetStorageOption{Key: "tarogen-k",
		Success: gone.onSuccess, Fail: gone.onFail, Complete: gone.onComplete})
	gone.failed(t, "getStorage", err, "getStorage:fail data not found")
}

func equalJSON(a, b any) bool {
	j := js.Global().Get("JSON")
	return j.Call("stringify", tarort.AnyToJS(a)).String() == j.Call("stringify", tarort.AnyToJS(b)).String()
}

func TestGetSystemInfoSync(t *testing.T) {
	info := hostapi.GetSystemInfoSync()
	switch host() {
	case "h5":
		// Taro H5 reads the browser's window.
		w := js.Global()
		if got, want := info.WindowWidth, w.Get("innerWidth").Float(); got != want || got <= 0 {
			t.Errorf("WindowWidth = %v, want window.innerWidth %v", got, want)
		}
		if got, want := info.PixelRatio, w.Get("devicePixelRatio").Float(); got != want {
			t.Errorf("PixelRatio = %v, want window.devicePixelRatio %v", got, want)
		}
		if got, want := info.Language, w.Get("navigator").Get("language").String(); got != want {
			t.Errorf("Language = %q, want navigator.language %q", got, want)
		}
	case "weapp":
		// The wx stand-in's fixed simulator values.
		if info.Platform != "devtools" || info.WindowWidth != 375 || info.Brand != "devtools" || info.SdkVersion != "3.0.0" {
			t.Errorf("GetSystemInfoSync() = %+v, want the stand-in's devtools values", info)
		}
	default:
		t.Fatalf("TAROGEN_HOST = %q, want h5 or weapp", host())
	}
}
