//go:build !unix

package wasm

// checkPrivate cannot tell who owns a directory on this system: the module
// is compiled without a cache.
func checkPrivate(dir string) error { return errNotPrivate }
