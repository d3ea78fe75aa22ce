// Package needs finds, for tests, the outside programs they check the
// project against (Chromium, Debian's Python with NetworkX or pandas,
// poppler's tools). A test whose program is missing is skipped, unless
// CI=true: CI installs every one of them (.ci/run), so there it fails.
package needs

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// Python is Debian's Python 3, which has the python3-* packages that .ci/run
// installs (the python3 first on PATH may be another one).
const Python = "/usr/bin/python3"

// Tool returns the path of the first of names on PATH.
func Tool(t testing.TB, names ...string) string {
	t.Helper()
	for _, name := range names {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	missing(t, strings.Join(names, " or ")+" is not installed")
	return ""
}

// PythonWith returns Debian's Python 3 when it imports every module.
func PythonWith(t testing.TB, modules ...string) string {
	t.Helper()
	if err := exec.Command(Python, "-c", "import "+strings.Join(modules, ", ")).Run(); err != nil {
		missing(t, Python+" with "+strings.Join(modules, " and ")+" not found: "+err.Error())
	}
	return Python
}

func missing(t testing.TB, why string) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s; CI=true needs it (.ci/run installs it)", why)
	}
	t.Skip(why)
}
