package analysis

import "sync"

// panics keeps the first panic of a group of goroutines, so that the
// goroutine that waits for them raises it again: the command line then
// reports it (exit 1) instead of the runtime ending the process (exit 2).
type panics struct {
	mu sync.Mutex
	v  any
}

// catch is deferred by each goroutine of the group.
func (p *panics) catch() {
	if r := recover(); r != nil {
		p.mu.Lock()
		if p.v == nil {
			p.v = r
		}
		p.mu.Unlock()
	}
}

// raise panics with the kept panic, if any; call it after the group is done.
func (p *panics) raise() {
	if p.v != nil {
		panic(p.v)
	}
}
