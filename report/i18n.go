package report

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/alliances/alliances/render"
)

// Languages lists the languages of reports, default first.
var Languages = []string{"en", "fr"}

// lang is a report language: its message catalogue and number formats.
type lang struct {
	code string
	// fr selects the second entry of every message pair.
	fr bool
}

func newLang(code string) (lang, error) {
	switch strings.ToLower(code) {
	case "", "en":
		return lang{code: "en"}, nil
	case "fr":
		return lang{code: "fr", fr: true}, nil
	}
	return lang{}, fmt.Errorf("report: unsupported language %q (want en or fr): %w", code, ErrLanguage)
}

// T returns the message key in the language. A missing key is a programming
// error caught by the tests (TestCatalogueComplete); it returns the key itself.
func (l lang) T(key string) string {
	m, ok := messages[key]
	if !ok {
		return key
	}
	if l.fr {
		return frenchSpaces.Replace(m[1])
	}
	return m[0]
}

// frenchSpaces applies French typography to a message: a no-break space
// before a colon and inside guillemets, a narrow no-break space before ";",
// "?" and "!", so that none of them wraps alone onto the next line.
var frenchSpaces = strings.NewReplacer(" :", "\u00a0:", " ;", nnbsp+";", " ?", nnbsp+"?", " !", nnbsp+"!",
	"« ", "«\u00a0", " »", "\u00a0»")

// reCount finds a count (digits, possibly grouped by spaces) and reAgree a
// word written with an optional plural, "acteur(s)".
var (
	reCount = regexp.MustCompile(`^\d[\d\x{00a0}\x{202f},]*$`)
	reWordS = regexp.MustCompile(`^(\pL[\pL’'-]*)\(s\)(\PL*)$`)
)

// agree writes every "word(s)" of s in the singular or the plural of the
// count that precedes it in s ("1 ligne(s) ignorée(s)" → "1 ligne ignorée",
// "3 actor(s)" → "3 actors"): French takes the singular for 0 and 1,
// English for 1 only. A word with no count before it keeps its "(s)".
func (l lang) agree(s string) string {
	if !strings.Contains(s, "(s)") {
		return s
	}
	words := strings.Split(s, " ")
	count := -1
	for i, w := range words {
		if reCount.MatchString(strings.TrimRight(w, ",")) && !strings.Contains(w, ",") {
			digits := strings.Map(func(r rune) rune {
				if r >= '0' && r <= '9' {
					return r
				}
				return -1
			}, w)
			if n, err := strconv.Atoi(digits); err == nil {
				count = n
			}
			continue
		}
		m := reWordS.FindStringSubmatch(w)
		if m == nil || count < 0 {
			continue
		}
		plural := count > 1 || (!l.fr && count != 1)
		if plural {
			words[i] = m[1] + "s" + m[2]
		} else {
			words[i] = m[1] + m[2]
		}
	}
	return strings.Join(words, " ")
}

// F formats the message key with args.
func (l lang) F(key string, args ...any) string { return fmt.Sprintf(l.T(key), args...) }

// Plural formats the message key with args, or the message key+".one" when
// n calls for the singular in the language: 1 in English, 0 and 1 in French
// (« 0 avertissement », "0 warnings").
func (l lang) Plural(n int, key string, args ...any) string {
	if n == 1 || (l.fr && n == 0) {
		if _, ok := messages[key+".one"]; ok {
			return l.F(key+".one", args...)
		}
	}
	return l.F(key, args...)
}

// Family is the display label of a family id; unknown (user-defined) families
// are shown as they are, and an actor without a family is an "autre", as in
// the analysis.
func (l lang) Family(f string) string {
	if strings.TrimSpace(f) == "" {
		f = "autre"
	}
	if s, ok := render.FamilyLabel(l.code, f); ok {
		return s
	}
	return f
}

// FamilyLower is the label of a family in running text ("local
// authority", "collectivité territoriale").
func (l lang) FamilyLower(f string) string {
	if m, ok := messages["familyl."+f]; ok {
		if l.fr {
			return m[1]
		}
		return m[0]
	}
	return l.Family(f)
}

// Families joins family labels.
func (l lang) Families(fs []string) string {
	if len(fs) == 0 {
		return l.T("none")
	}
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = l.Family(f)
	}
	return strings.Join(out, ", ")
}

// Level is the display label of an actor level.
func (l lang) Level(v string) string {
	if s, ok := render.LevelLabel(l.code, v); ok {
		return s
	}
	return v
}

// Reason is the display label of an isolation reason.
func (l lang) Reason(r string) string {
	if m, ok := messages["reason."+r]; ok {
		if l.fr {
			return m[1]
		}
		return m[0]
	}
	return r
}

// minus is the typographic minus sign used in text.
const minus = "\u2212"

// nnbsp is the narrow no-break space of French number typography.
const nnbsp = "\u202f"

// Num formats v with the given number of decimals in the language: decimal
// comma and narrow no-break space as thousands separator in French, decimal
// point and comma separator in English. Undefined values are a dash.
func (l lang) Num(v float64, decimals int) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "–"
	}
	s := strconv.FormatFloat(math.Abs(v), 'f', decimals, 64)
	neg := v < 0 && strings.Trim(s, "0.") != ""
	intPart, frac, _ := strings.Cut(s, ".")
	sep, dec := ",", "."
	if l.fr {
		sep, dec = nnbsp, ","
	}
	var b strings.Builder
	if neg {
		b.WriteString(minus)
	}
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(r)
	}
	if frac != "" {
		b.WriteString(dec)
		b.WriteString(frac)
	}
	return b.String()
}

// Int formats an integer with the thousands separator of the language.
func (l lang) Int(n int) string { return l.Num(float64(n), 0) }

// Pct formats a share in [0, 1] as a percentage with one decimal.
func (l lang) Pct(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "–"
	}
	if l.fr {
		return l.Num(100*v, 1) + nnbsp + "%"
	}
	return l.Num(100*v, 1) + "%"
}

// Date formats d as a long date: "27 November 2026", "27 novembre 2026".
func (l lang) Date(d time.Time) string {
	m := int(d.Month()) - 1
	if l.fr {
		day := strconv.Itoa(d.Day())
		if d.Day() == 1 {
			day = "1er"
		}
		return day + " " + monthsFR[m] + " " + strconv.Itoa(d.Year())
	}
	return strconv.Itoa(d.Day()) + " " + monthsEN[m] + " " + strconv.Itoa(d.Year())
}

var (
	monthsEN = [12]string{"January", "February", "March", "April", "May", "June", "July",
		"August", "September", "October", "November", "December"}
	monthsFR = [12]string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet",
		"août", "septembre", "octobre", "novembre", "décembre"}
)

// YesNo formats a boolean.
func (l lang) YesNo(b bool) string {
	if b {
		return l.T("yes")
	}
	return l.T("no")
}
