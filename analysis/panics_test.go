package analysis

import (
	"sync"
	"testing"
)

// A panic in a worker goroutine is raised again by the goroutine that waits
// for the workers, where the command line recovers it (exit 1), instead of
// ending the process (exit 2).
func TestPanicsRaisedByTheWaiter(t *testing.T) {
	defer func() {
		if r := recover(); r != "worker 3" {
			t.Errorf("recovered %v, want the worker's panic", r)
		}
	}()
	var wg sync.WaitGroup
	var crashed panics
	for i := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer crashed.catch()
			if i == 3 {
				panic("worker 3")
			}
		}()
	}
	wg.Wait()
	crashed.raise()
	t.Error("no panic")
}
