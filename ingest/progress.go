package ingest

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// progress draws a throttled progress bar on a terminal.
type progress struct {
	w     io.Writer
	last  time.Time
	drawn bool
}

// newProgress returns a progress bar writing to w when w is a terminal, and a
// silent one otherwise.
func newProgress(w io.Writer) *progress {
	f, ok := w.(*os.File)
	if !ok || f == nil {
		return &progress{}
	}
	st, err := f.Stat()
	if err != nil || st.Mode()&os.ModeCharDevice == 0 {
		return &progress{}
	}
	return &progress{w: w}
}

// reporter returns the callback that parseCSV calls for file, or nil.
func (p *progress) reporter(file string) func(done, total int64) {
	if p.w == nil {
		return nil
	}
	name := filepath.Base(file)
	return func(done, total int64) {
		now := time.Now()
		if done < total && now.Sub(p.last) < 100*time.Millisecond {
			return
		}
		p.last = now
		frac := 1.0
		if total > 0 {
			frac = float64(done) / float64(total)
		}
		const width = 30
		n := int(frac * width)
		fmt.Fprintf(p.w, "\r%-24.24s [%s%s] %3.0f%%", name, strings.Repeat("#", n), strings.Repeat(" ", width-n), frac*100)
		p.drawn = true
	}
}

// done ends the bar's line.
func (p *progress) done() {
	if p.drawn {
		fmt.Fprintln(p.w)
		p.drawn = false
	}
}
