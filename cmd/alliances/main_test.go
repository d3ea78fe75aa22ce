package main

import (
	"os"
	"testing"

	"github.com/alliances/alliances/layout"
)

// TestMain keeps the layouts that the commands cache out of the user's
// cache directory.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "alliances-test-cache-")
	if err != nil {
		panic(err)
	}
	os.Setenv(layout.CacheEnv, dir)
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}
