package bench

import (
	"fmt"
	"testing"

	"github.com/tarogen/tarogen/bench/internal/genpages"
)

// BenchmarkGenerate runs parser.ParseFiles (which merges) and gen.Generate
// on 25 to 200 pages: the real fixtures, then copies of them with their API
// names renamed (internal/genpages). One op generates the whole package;
// ns/page should stay flat as pages grow if the pipeline is linear.
func BenchmarkGenerate(b *testing.B) {
	for _, n := range []int{25, 50, 100, 200} {
		b.Run(fmt.Sprintf("pages=%d", n), func(b *testing.B) {
			paths, err := genpages.Write(genpages.Fixtures, b.TempDir(), n)
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				if _, _, err := genpages.Generate(paths); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/page")
		})
	}
}

// TestGeneratePages checks that 200 synthetic pages make a valid package,
// so the benchmark measures a real run and not an early error.
func TestGeneratePages(t *testing.T) {
	paths, err := genpages.Write(genpages.Fixtures, t.TempDir(), 200)
	if err != nil {
		t.Fatal(err)
	}
	files, size, err := genpages.Generate(paths)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("200 pages: %d files, %d bytes", files, size)
}
