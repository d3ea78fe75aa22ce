package graph

import "strings"

// Match is a record that Search found, with how well it matches: 0 for the
// id or the name itself, 1 for an id or name that starts with the text, 2
// for one with a word that starts with it, 3 for one that contains it.
type Match struct {
	Candidate
	Rank int
}

// Search returns every record whose id or name contains q, compared with
// Normalize as Find compares them (case, accents, spaces, '_' and '-' do
// not matter), best Rank first, then in the order the records were given.
// It is the completion of a search box; when nothing contains q, it returns
// the records that Find would suggest ("did you mean"), with Rank 4.
func (l *Lookup) Search(q string) []Match {
	k := Normalize(q)
	if k == "" {
		return nil
	}
	var byRank [4][]int
	for i := range l.ids {
		best := 4
		for _, s := range []string{l.keys[i], l.nkeys[i]} {
			switch {
			case s == k:
				best = min(best, 0)
			case strings.HasPrefix(s, k):
				best = min(best, 1)
			case strings.Contains(s, " "+k):
				best = min(best, 2)
			case strings.Contains(s, k):
				best = min(best, 3)
			}
		}
		if best < 4 {
			byRank[best] = append(byRank[best], i)
		}
	}
	var out []Match
	for r, is := range byRank {
		for _, i := range is {
			out = append(out, Match{Candidate{l.ids[i], l.names[i]}, r})
		}
	}
	if len(out) == 0 {
		for _, i := range l.nearest(k) {
			out = append(out, Match{Candidate{l.ids[i], l.names[i]}, 4})
		}
	}
	return out
}
