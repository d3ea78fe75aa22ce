package ingest

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strings"
)

// Aliases maps actor ids to the id of the actor they stand for, so that
// near-duplicates (the same organisation written two ways) merge at ingest,
// with their ties and participations. It is read from an alias file
// (LoadAliases) and given as Options.Aliases.
type Aliases struct {
	file  string
	canon map[string]string // alias → canonical id, chains resolved
	line  map[string]int    // alias → line of the file
}

// LoadAliases reads an alias file (ParseAliases).
func LoadAliases(path string) (*Aliases, error) {
	f, err := openFile(path)
	if err != nil {
		return nil, fmt.Errorf("aliases: %w", err)
	}
	defer f.Close()
	return ParseAliases(f, path)
}

// ParseAliases reads an alias file: one "alias = canonical id" per line,
// both as the ids of the input give them (compared exactly, after trimming
// spaces), # for comments:
//
//	# near-duplicates of keep.eu
//	Mairie de Nantes (FR) = Ville de Nantes (FR)
//	VILLE DE NANTES (FR) = Ville de Nantes (FR)
//
// The line is split at its first " = " (or "=" when it has none). A
// canonical id may itself be an alias: chains are followed. An alias given
// two canonical ids, or a cycle, is an error (a *ValidationError).
func ParseAliases(r io.Reader, file string) (*Aliases, error) {
	a := &Aliases{file: file, canon: map[string]string{}, line: map[string]int{}}
	var problems []Problem
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		text := strings.TrimSpace(sc.Text())
		if n == 1 {
			text = strings.TrimPrefix(text, "\ufeff")
		}
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		alias, canon, ok := strings.Cut(text, " = ")
		if !ok {
			alias, canon, ok = strings.Cut(text, "=")
		}
		alias, canon = strings.TrimSpace(alias), strings.TrimSpace(canon)
		switch {
		case !ok || alias == "" || canon == "":
			problems = append(problems, Problem{File: file, Line: n, Err: fmt.Errorf("%w: %q is not an alias line", ErrBadValue, text),
				Hint: "write alias = canonical id, one per line"})
			continue
		case alias == canon:
			continue
		}
		if old, dup := a.canon[alias]; dup && old != canon {
			problems = append(problems, Problem{File: file, Line: n, Err: fmt.Errorf("%w: alias %q is %q here but %q at line %d", ErrDuplicate, alias, canon, old, a.line[alias]),
				Hint: "give each alias one canonical id"})
			continue
		}
		a.canon[alias], a.line[alias] = canon, n
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("aliases %s: %w", file, err)
	}
	// Follow chains, refusing cycles.
	names := make([]string, 0, len(a.canon))
	for alias := range a.canon {
		names = append(names, alias)
	}
	sort.Strings(names)
	for _, alias := range names {
		seen := map[string]bool{alias: true}
		c := a.canon[alias]
		for next, ok := a.canon[c]; ok; next, ok = a.canon[c] {
			if seen[c] {
				problems = append(problems, Problem{File: file, Line: a.line[alias], Err: fmt.Errorf("%w: the aliases of %q go round in a circle", ErrBadValue, alias),
					Hint: "one id of the circle must be the canonical one, with no line of its own"})
				break
			}
			seen[c] = true
			c = next
		}
		a.canon[alias] = c
	}
	if len(problems) > 0 {
		return nil, &ValidationError{Problems: problems}
	}
	return a, nil
}

// Len is the number of aliases.
func (a *Aliases) Len() int {
	if a == nil {
		return 0
	}
	return len(a.canon)
}

// canon returns the canonical id of the actor id, and remembers the aliases
// used.
func (b *builder) canon(id string) string {
	if b.aliases == nil {
		return id
	}
	c, ok := b.aliases.canon[id]
	if !ok {
		return id
	}
	if b.aliasUsed == nil {
		b.aliasUsed = map[string]bool{}
	}
	b.aliasUsed[id] = true
	return c
}

// aliasWarnings says what the aliases merged, and which named no actor.
func (b *builder) aliasWarnings() {
	if b.aliases == nil {
		return
	}
	canon := map[string]bool{}
	for alias := range b.aliasUsed {
		canon[b.aliases.canon[alias]] = true
	}
	if len(b.aliasUsed) > 0 {
		b.warns.add(Problem{File: b.aliases.file,
			Err:  fmt.Errorf("aliases: %d actor id(s) merged into %d actor(s), with their links and participations", len(b.aliasUsed), len(canon)),
			Hint: "links between merged actors become self-loops, repeated links and participations keep the first"})
	}
	var unused []string
	for alias := range b.aliases.canon {
		if !b.aliasUsed[alias] {
			unused = append(unused, alias)
		}
	}
	sort.Slice(unused, func(i, j int) bool { return b.aliases.line[unused[i]] < b.aliases.line[unused[j]] })
	for i, alias := range unused {
		if i == 10 {
			b.warns.add(Problem{File: b.aliases.file, Err: fmt.Errorf("… and %d more aliases that name no actor of the input", len(unused)-i)})
			break
		}
		b.warns.add(Problem{File: b.aliases.file, Line: b.aliases.line[alias],
			Err:  fmt.Errorf("alias %q names no actor of the input", alias),
			Hint: "check its spelling against the ids of the input (ingest --suggest-aliases writes them)"})
	}
}

// NearDuplicate is a group of actors whose names differ only by case,
// spaces, accents, punctuation or a common prefix ("Mairie de", "Ville de").
type NearDuplicate struct {
	IDs, Names []string
	Origins    []string // file:line of each
}

// WriteAliases writes a ready-to-edit alias file (ParseAliases) that merges
// each group of near-duplicates into its first id not written in capitals
// (its first id when all are).
func WriteAliases(w io.Writer, groups []NearDuplicate) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, `# Aliases of actors, for alliances ingest --aliases FILE: one "alias = canonical id" per line.
# Written by alliances ingest --suggest-aliases from its %d group(s) of near-duplicate names.
# Check every group: delete the lines of actors that are not the same organisation,
# and change the canonical id (right of "=") where another one is better.
`, len(groups))
	for _, g := range groups {
		fmt.Fprintf(bw, "\n")
		canon := g.IDs[0]
		for _, id := range g.IDs {
			if strings.ToUpper(id) != id {
				canon = id
				break
			}
		}
		for i, id := range g.IDs {
			name := ""
			if g.Names[i] != "" && g.Names[i] != id {
				name = fmt.Sprintf("  %q", g.Names[i])
			}
			fmt.Fprintf(bw, "# %s%s  %s\n", id, name, g.Origins[i])
		}
		for _, id := range g.IDs {
			if id != canon {
				fmt.Fprintf(bw, "%s = %s\n", id, canon)
			}
		}
	}
	return bw.Flush()
}
