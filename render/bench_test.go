package render

import (
	"bytes"
	"context"
	"io"
	"os/exec"
	"sync"
	"testing"
)

var bench2000 struct {
	once sync.Once
	in   Input
	dot  []byte
}

// large2000 is the network of the performance target: 2,000 actors and
// 6,000 ties.
func large2000(b *testing.B) (Input, []byte) {
	bench2000.once.Do(func() {
		bench2000.in = Input{Network: largeNetwork(2000, 6000)}
		bench2000.dot, _ = DOT(bench2000.in, Options{Seed: 1})
	})
	return bench2000.in, bench2000.dot
}

// BenchmarkRender2000 renders the 2,000-actor map in SVG with each engine;
// compare with BenchmarkNativeSfdp2000, run in the same invocation
// (bench/maps.sh does this and writes docs/benchmarks.md).
func BenchmarkRender2000(b *testing.B) {
	in, _ := large2000(b)
	for _, engine := range []string{EngineEmbedded, EngineNative} {
		for _, format := range []string{"svg", "png", "pdf"} {
			b.Run(engine+"/"+format, func(b *testing.B) {
				if engine == EngineNative && !NativeAvailable() {
					b.Skip("native Graphviz not installed")
				}
				b.ReportAllocs()
				for i := 0; i < b.N; i++ {
					if err := Render(context.Background(), io.Discard, format, in, Options{Seed: 1, Engine: engine}); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// BenchmarkNativeSfdp2000 is the baseline: native sfdp -Tsvg on the DOT
// document of the same map.
func BenchmarkNativeSfdp2000(b *testing.B) {
	_, dot := large2000(b)
	if _, err := exec.LookPath("sfdp"); err != nil {
		b.Skip("sfdp not installed")
	}
	for i := 0; i < b.N; i++ {
		cmd := exec.Command("sfdp", "-Tsvg")
		cmd.Stdin = bytes.NewReader(dot)
		cmd.Stdout = io.Discard
		if err := cmd.Run(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDOT2000 builds the DOT document alone.
func BenchmarkDOT2000(b *testing.B) {
	in, _ := large2000(b)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := DOT(in, Options{Seed: 1}); err != nil {
			b.Fatal(err)
		}
	}
}
