package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"sort"
	"strings"
	"syscall"
	"time"

	"github.com/alliances/alliances/analysis"
	"github.com/alliances/alliances/graph"
	"github.com/alliances/alliances/sanitize"
)

// Exit codes (docs/cli.md), documented in docs/cli.md.
const (
	exitOK          = 0
	exitError       = 1
	exitUsage       = 2
	exitInvalid     = 3
	exitUnreachable = 4
	// exitInterrupted is what a shell reports for a program killed by
	// Ctrl-C (128 + SIGINT); alliances stops cleanly first.
	exitInterrupted = 130
)

// streams are the standard streams of one run, so that tests can use buffers.
type streams struct {
	in       io.Reader
	out, err io.Writer
}

// command is one sub-command: its flags are bound by setup to an options value
// owned by the command, and run does the work.
type command struct {
	name    string
	aliases []string // other names that run it ("analyse" for "analyze")
	summary string
	usage   string // arguments after the command name
	help    string // longer description with examples
	// setup binds the command's flags and returns the function that runs it with
	// the remaining positional arguments.
	setup func(fs *flag.FlagSet, std *streams) func(ctx context.Context, args []string) error
}

// commands lists every sub-command, in the order of "alliances help".
func commands() []command {
	return []command{
		ingestCommand(),
		analyzeCommand(),
		isolatedCommand(),
		queryCommand(),
		mapCommand(),
		reportCommand(),
		exportCommand(),
		compareCommand(),
		serveCommand(),
		demoCommand(),
	}
}

// usageError is a command-line mistake: exit code 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	// Standard error is for people: no control character, bidirectional
	// override or non-character from the data reaches their terminal.
	stderr = sanitize.Writer(stderr)
	std := &streams{in: stdin, out: stdout, err: stderr}
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		if len(args) > 1 {
			return run([]string{args[1], "--help"}, stdin, stdout, stderr)
		}
		printUsage(stdout)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	if args[0] == "version" || args[0] == "--version" {
		fmt.Fprintln(stdout, "alliances", version)
		return exitOK
	}
	cmd, names := findCommand(args[0])
	if cmd == nil {
		hint := ""
		if near := graph.Nearest(args[0], names); len(near) > 0 {
			hint = fmt.Sprintf(" (did you mean %q?)", near[0])
		}
		fmt.Fprintf(stderr, "alliances: unknown command %q%s\nRun 'alliances help' for the list of commands.\n", args[0], hint)
		return exitUsage
	}
	fs := flag.NewFlagSet("alliances "+cmd.name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	exec := cmd.setup(fs, std)
	// A mistake gets the error and a pointer to --help, not the whole help.
	// The flag package calls Usage for --help too: the pointer is printed
	// below, only after a mistake.
	fs.Usage = func() {}
	if err := fs.Parse(interleave(fs, args[1:])); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			printCommandUsage(stdout, cmd, fs)
			return exitOK
		}
		fmt.Fprintf(stderr, "Run 'alliances %s --help' for usage.\n", cmd.name)
		return exitUsage
	}
	ctx, stop := interruptible(stderr)
	defer stop()
	err := recovered(func() error { return exec(ctx, fs.Args()) })
	return exitCode(stderr, cmd.name, err)
}

// recovered runs fn and turns its panic, which is a bug, into an
// internalError: the command exits with code 1 and a request to report
// it, not with the runtime's exit code 2, which means a usage mistake.
func recovered(fn func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = &internalError{value: r, stack: debug.Stack()}
		}
	}()
	return fn()
}

// internalError is a panic recovered by recovered.
type internalError struct {
	value any
	stack []byte
}

func (e *internalError) Error() string {
	return fmt.Sprintf("internal error: %v\n"+
		"This is a bug in alliances, not a mistake in your data or command. Please report it with the command\n"+
		"you ran, this message and, if you can, the data (nothing was written to the store by a failed command).\n%s",
		e.value, e.stack)
}

// findCommand returns the command called name (or one of its aliases), and
// every name a command answers to.
func findCommand(name string) (*command, []string) {
	var found *command
	var names []string
	for _, c := range commands() {
		for _, n := range append([]string{c.name}, c.aliases...) {
			names = append(names, n)
			if n == name && found == nil {
				found = &c
			}
		}
	}
	return found, names
}

// interruptible returns a context cancelled by the first Ctrl-C (SIGINT) or
// SIGTERM, so that a command stops cleanly: an ingest removes its temporary
// files and writes nothing. Work that does not watch the context (an
// analysis, a map layout) is ended after stopGrace, or by a second signal.
func interruptible(stderr io.Writer) (context.Context, func()) {
	ctx, cancel := context.WithCancel(context.Background())
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	go func() {
		if _, ok := <-sigs; !ok {
			return
		}
		signal.Stop(sigs) // the next signal ends the process
		fmt.Fprintln(stderr, "\ninterrupted: stopping (press Ctrl-C again to quit at once)")
		cancel()
		time.AfterFunc(stopGrace, func() { os.Exit(exitInterrupted) })
	}()
	return ctx, func() {
		signal.Stop(sigs)
		close(sigs)
		cancel()
	}
}

// stopGrace is how long an interrupted command has to stop by itself. The
// stores stay consistent even when it does not (an embedded put is atomic,
// and the next ingest removes what a killed one left).
const stopGrace = 3 * time.Second

// exitCode prints err for people and returns its exit code.
func exitCode(stderr io.Writer, name string, err error) int {
	if err == nil {
		return exitOK
	}
	var ue usageError
	var ie *invalidInputError
	switch {
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "alliances %s: %s\nRun 'alliances %s --help' for usage.\n", name, ue.msg, name)
		return exitUsage
	case errors.As(err, &ie), errors.Is(err, analysis.ErrWeight), errors.Is(err, analysis.ErrDuplicateTie):
		fmt.Fprintf(stderr, "alliances %s: %s\n", name, err)
		return exitInvalid
	case errors.Is(err, context.Canceled):
		fmt.Fprintf(stderr, "alliances %s: interrupted: %s\n", name, err)
		return exitInterrupted
	case errors.Is(err, graph.ErrUnreachable):
		fmt.Fprintf(stderr, "alliances %s: %s\n", name, firstLine(err.Error()))
		return exitUnreachable
	default:
		fmt.Fprintf(stderr, "alliances %s: %s\n", name, err)
		return exitError
	}
}

// invalidInputError marks errors in the user's data: exit code 3.
type invalidInputError struct{ err error }

func (e *invalidInputError) Error() string { return e.err.Error() }
func (e *invalidInputError) Unwrap() error { return e.err }

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

// interleave moves flags that follow positional arguments to the front, so that
// "alliances ingest a.csv --dry-run" works like "alliances ingest --dry-run a.csv".
func interleave(fs *flag.FlagSet, args []string) []string {
	var flags, pos []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			pos = append(pos, args[i+1:]...)
			break
		}
		if len(a) < 2 || a[0] != '-' {
			pos = append(pos, a)
			continue
		}
		flags = append(flags, a)
		name := strings.TrimLeft(a, "-")
		if strings.Contains(name, "=") {
			continue
		}
		if f := fs.Lookup(name); f != nil && !isBool(f) && i+1 < len(args) {
			i++
			flags = append(flags, args[i])
		}
	}
	return append(flags, pos...)
}

func isBool(f *flag.Flag) bool {
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

func printUsage(w io.Writer) {
	fmt.Fprintf(w, `alliances — analyse networks of cooperating actors (version %s)

Usage: alliances <command> [flags] [arguments]

Commands:
`, version)
	for _, c := range commands() {
		also := ""
		if len(c.aliases) > 0 {
			also = " (also: " + strings.Join(c.aliases, ", ") + ")"
		}
		fmt.Fprintf(w, "  %-9s %s%s\n", c.name, c.summary, also)
	}
	fmt.Fprint(w, `
Common flags: --store PATH|neo4j://HOST (default ./alliances.db), --format, --seed, --quiet.
Exit codes: 0 ok, 1 error, 2 usage, 3 invalid input, 4 store unreachable.
Run 'alliances <command> --help' for the flags and examples of a command.
`)
}

func printCommandUsage(w io.Writer, c *command, fs *flag.FlagSet) {
	fmt.Fprintf(w, "%s\n\n%s\n", strings.TrimSpace("Usage: alliances "+c.name+" [flags] "+c.usage), c.summary)
	if c.help != "" {
		fmt.Fprintf(w, "\n%s\n", strings.TrimSpace(c.help))
	}
	fmt.Fprintln(w, "\nFlags:")
	var names []string
	fs.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
	sort.Strings(names)
	for _, n := range names {
		f := fs.Lookup(n)
		typ, usage := flag.UnquoteUsage(f)
		def := ""
		if f.DefValue != "" && f.DefValue != "false" && f.DefValue != "0" {
			def = fmt.Sprintf(" (default %s)", f.DefValue)
		}
		if n == "store" && os.Getenv("ALLIANCES_STORE") != "" {
			// Its value is not repeated: it may be an address with
			// credentials, which are refused, never shown.
			def = " (default: the ALLIANCES_STORE environment variable)"
		}
		dash := "--"
		if len(n) == 1 {
			dash = "-"
		}
		fmt.Fprintf(w, "  %s%s %s\n      %s%s\n", dash, n, typ, usage, def)
	}
}

// version is the tool version, reported by "alliances version" and in reports.
var version = "0.1.0"

// storeFlags are the flags every command that reads or writes the store shares.
type storeFlags struct {
	store string
	quiet bool
}

func (s *storeFlags) bind(fs *flag.FlagSet) {
	def := os.Getenv("ALLIANCES_STORE")
	if def == "" {
		def = "alliances.db"
	}
	fs.StringVar(&s.store, "store", def, "embedded store file, or a Neo4j URI (neo4j://, bolt://, neo4j+s://, bolt+s://); env ALLIANCES_STORE")
	fs.BoolVar(&s.quiet, "quiet", false, "print nothing but results and errors (no progress, summaries or warnings)")
}
