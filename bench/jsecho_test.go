package bench

import (
	"net/http/httptest"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/tarogen/tarogen/internal/jshost"
)

// BenchmarkBrowserEcho runs the js/wasm benchmark internal/jsbench in
// headless Chromium with Taro's real H5 runtime, against an in-process
// gorilla echo server: one text round trip per op at 16 B, 1 KiB and
// 64 KiB, through the generated package (Go wasm) and with the same loop in
// JavaScript on the same Taro H5 SocketTask (loop.js). Each sub-benchmark
// starts one browser, which runs both loops innerCount times, alternating;
// it reports the medians: ns/op and binding-ns/op for the binding, js-ns/op
// for JavaScript, and binding/js, their ratio (target ≤ 1.5 at 1 KiB). The
// figures are the browser's, not this loop's, so run it with -benchtime=1x:
//
//	go test -run='^$' -bench=BrowserEcho -benchtime=1x -count=6
func BenchmarkBrowserEcho(b *testing.B) {
	for _, size := range []string{"16B", "1KiB", "64KiB"} {
		b.Run("size="+size, func(b *testing.B) {
			binding, js := runBrowserBench(b, size)
			for range b.N {
			}
			b.ReportMetric(binding, "ns/op")
			b.ReportMetric(binding, "binding-ns/op")
			b.ReportMetric(js, "js-ns/op")
			b.ReportMetric(binding/js, "binding/js")
		})
	}
}

// innerCount is how many times the browser runs each loop.
const innerCount = 3

var benchLine = regexp.MustCompile(`(?m)^BenchmarkEcho/impl=(\w+)/size=\w+\s+\d+\s+([0-9.]+) ns/op`)

// runBrowserBench returns the median ns/op of the binding and of the JS
// loop at one size.
func runBrowserBench(b *testing.B, size string) (binding, js float64) {
	b.Helper()
	dir, err := filepath.Abs(filepath.Join("internal", "jsbench"))
	if err != nil {
		b.Fatal(err)
	}
	bundle := jshost.TaroH5Bundle(b)
	wasm := jshost.BuildTest(b, dir, "taro_h5")
	srv := httptest.NewServer(jshost.EchoHandler())
	defer srv.Close()
	r := jshost.RunChromium(b, wasm, jshost.Options{
		Args: []string{"-test.run=^$", "-test.bench=^BenchmarkEcho$/^impl=/^size=" + size + "$",
			"-test.benchtime=1s", "-test.count=" + strconv.Itoa(innerCount)},
		Env:     map[string]string{"ECHO_URL": "ws" + strings.TrimPrefix(srv.URL, "http") + "/"},
		Scripts: []string{bundle, filepath.Join(dir, "loop.js")},
		Timeout: 5 * time.Minute,
	})
	if r.ExitCode != 0 || len(r.Host) > 0 {
		b.Fatalf("the browser benchmark failed: exit %d, host %q, output:\n%s", r.ExitCode, r.Host, r.Output)
	}
	ns := map[string][]float64{}
	for _, m := range benchLine.FindAllStringSubmatch(r.Output, -1) {
		v, _ := strconv.ParseFloat(m[2], 64)
		ns[m[1]] = append(ns[m[1]], v)
	}
	if len(ns["binding"]) != innerCount || len(ns["js"]) != innerCount {
		b.Fatalf("want %d results per impl, got %v; output:\n%s", innerCount, ns, r.Output)
	}
	return median(ns["binding"]), median(ns["js"])
}

func median(v []float64) float64 {
	s := slices.Clone(v)
	slices.Sort(s)
	return s[len(s)/2]
}
