// Command alliances loads, analyses, queries and maps networks of cooperating
// actors. Run "alliances help" for the commands.
package main

import "os"

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
