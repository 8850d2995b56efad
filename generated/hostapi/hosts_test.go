//go:build !js

package hostapi_test

import (
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"

	"github.com/tarogen/tarogen/internal/jshost"
)

// The js/wasm suite (jsapi_e2e_test.go) through the generated package, in
// both JS hosts, each against Taro's real code.
var hostSuite = []string{"TestRequestGetJSON", "TestRequestPostJSON", "TestRequestStatus",
	"TestRequestRefused", "TestStorageRoundTrip", "TestGetSystemInfoSync"}

func TestInChromiumWithTaroH5(t *testing.T) {
	bundle := jshost.TaroH5Bundle(t)
	wasm := jshost.BuildTest(t, "./generated/hostapi", "taro_h5")
	r := jshost.RunChromium(t, wasm, jshost.Options{
		Args:    []string{"-test.v"},
		Env:     suiteEnv(t, "h5"),
		Scripts: []string{bundle},
	})
	r.RequirePass(t, hostSuite...)
}

func TestInNodeWithTaroWeapp(t *testing.T) {
	wasm := jshost.BuildTest(t, "./generated/hostapi", "taro_weapp")
	r := jshost.RunNode(t, wasm, jshost.Options{
		Args: []string{"-test.v"},
		Env:  suiteEnv(t, "weapp"),
	})
	r.RequirePass(t, hostSuite...)
}

func suiteEnv(t *testing.T, host string) map[string]string {
	srv := httptest.NewServer(apiHandler())
	t.Cleanup(srv.Close)
	return map[string]string{"TAROGEN_HOST": host, "API_URL": srv.URL, "REFUSED_URL": refusedURL(t)}
}

// refusedURL is an http URL on 127.0.0.1 where nothing listens.
func refusedURL(t *testing.T) string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	return "http://" + addr + "/"
}

// apiHandler is the server the request tests call. /echo answers with what
// it got as JSON; /status/N answers with status N. It allows any origin
// (the test page is on another port) and exposes X-Reply, as a real API
// server for a Taro H5 app must.
func apiHandler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/echo", func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		w.Header().Set("X-Reply", "echo")
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(map[string]string{
			"method":      r.Method,
			"query":       r.URL.RawQuery,
			"header":      r.Header.Get("X-Tarogen"),
			"contentType": r.Header.Get("Content-Type"),
			"body":        canonicalJSON(body),
		})
	})
	mux.HandleFunc("/status/{code}", func(w http.ResponseWriter, r *http.Request) {
		code, err := strconv.Atoi(r.PathValue("code"))
		if err != nil {
			code = http.StatusBadRequest
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(code)
		w.Write([]byte(`{"status":` + strconv.Itoa(code) + `}`))
	})
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Access-Control-Allow-Origin", "*")
		w.Header().Set("Access-Control-Allow-Headers", "content-type, x-tarogen")
		w.Header().Set("Access-Control-Expose-Headers", "X-Reply")
		if r.Method == http.MethodOptions {
			w.WriteHeader(http.StatusNoContent)
			return
		}
		mux.ServeHTTP(w, r)
	})
}

// canonicalJSON re-encodes a JSON body with sorted keys, so the test does
// not depend on the order a host serializes object keys in; a body that is
// not JSON is returned as it is.
func canonicalJSON(body []byte) string {
	var v any
	if json.Unmarshal(body, &v) != nil {
		return string(body)
	}
	b, _ := json.Marshal(v)
	return string(b)
}
