package bench

import (
	"fmt"
	"net/http/httptest"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/tarogen/tarogen/internal/jshost"
)

// BenchmarkBrowserEcho runs the js/wasm benchmark internal/jsbench in
// headless Chromium with Taro's real H5 runtime, against an in-process
// gorilla echo server, and reports its figures: one text round trip per op
// at 16 B, 1 KiB and 64 KiB, impl=binding (Go wasm through the generated
// package) and impl=js (the same loop in JavaScript, on the same Taro H5
// SocketTask). Each call runs the browser once; run it with
// -benchtime=1x (the figures are the browser's, not this loop's):
//
//	go test -run='^$' -bench=BrowserEcho -benchtime=1x -count=10
//
// The binding rows also report binding/js, the time ratio to the js row
// of the same size (target ≤ 1.5 at 1 KiB).
func BenchmarkBrowserEcho(b *testing.B) {
	results := runBrowserBench(b)
	for _, r := range results {
		b.Run(r.name, func(b *testing.B) {
			for range b.N {
			}
			b.ReportMetric(r.nsPerOp, "ns/op")
			if r.ratio > 0 {
				b.ReportMetric(r.ratio, "binding/js")
			}
		})
	}
}

type browserResult struct {
	name    string // impl=binding/size=1KiB
	nsPerOp float64
	ratio   float64 // binding rows: ns/op over the js row's
}

var benchLine = regexp.MustCompile(`(?m)^BenchmarkEcho/(impl=\w+/size=\w+)\s+\d+\s+([0-9.]+) ns/op`)

func runBrowserBench(b *testing.B) []browserResult {
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
		Args:    []string{"-test.run=^$", "-test.bench=.", "-test.benchtime=1s"},
		Env:     map[string]string{"ECHO_URL": "ws" + strings.TrimPrefix(srv.URL, "http") + "/"},
		Scripts: []string{bundle, filepath.Join(dir, "loop.js")},
		Timeout: 5 * 60e9,
	})
	if r.ExitCode != 0 || len(r.Host) > 0 {
		b.Fatalf("the browser benchmark failed: exit %d, host %q, output:\n%s", r.ExitCode, r.Host, r.Output)
	}
	ns := map[string]float64{}
	var out []browserResult
	for _, m := range benchLine.FindAllStringSubmatch(r.Output, -1) {
		v, _ := strconv.ParseFloat(m[2], 64)
		ns[m[1]] = v
		out = append(out, browserResult{name: m[1], nsPerOp: v})
	}
	if len(out) != 6 {
		b.Fatalf("want 6 BenchmarkEcho results, got %d; output:\n%s", len(out), r.Output)
	}
	for i, res := range out {
		if js, ok := ns[strings.Replace(res.name, "impl=binding", "impl=js", 1)]; ok && strings.HasPrefix(res.name, "impl=binding") {
			out[i].ratio = res.nsPerOp / js
		}
	}
	b.Log(fmt.Sprintf("browser output:\n%s", r.Output))
	return out
}
