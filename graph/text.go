package graph

import (
	"errors"
	"fmt"
	"unicode/utf8"
)

// MaxIDBytes bounds an id (of an actor or a project) and a link type, in
// bytes: the keys of both stores hold them (a bbolt key, at most 32 KB,
// holds a link's two ids and its type; Neo4j indexes property values of up
// to about 8 KB).
const MaxIDBytes = 4096

// ErrText is wrapped by CheckID and CheckText.
var ErrText = errors.New("unusable text")

// CheckText returns an error wrapping ErrText for a text that some format
// the tool writes could not hold, so that what is stored can always be
// exported and read back: invalid UTF-8, a control character that XML 1.0
// forbids (all below U+0020 but tab, line feed and carriage return; NUL
// would also break the keys that join ids), or a Unicode non-character
// (U+FFFE, U+FFFF, U+FDD0…). Other characters are kept as they are, and made
// safe where text is shown (package sanitize).
func CheckText(s string) error {
	for i, r := range s {
		switch {
		case r == utf8.RuneError && !validAt(s, i):
			return fmt.Errorf("%w: invalid UTF-8 at byte %d", ErrText, i+1)
		case r < ' ' && r != '\t' && r != '\n' && r != '\r':
			return fmt.Errorf("%w: control character %U at byte %d", ErrText, r, i+1)
		case nonCharacter(r):
			return fmt.Errorf("%w: non-character %U at byte %d", ErrText, r, i+1)
		}
	}
	return nil
}

// CheckID is CheckText for an id or a link type, which must also be at most
// MaxIDBytes long.
func CheckID(s string) error {
	if len(s) > MaxIDBytes {
		return fmt.Errorf("%w: %d bytes, more than %d", ErrText, len(s), MaxIDBytes)
	}
	return CheckText(s)
}

// validAt reports whether the U+FFFD decoded at i is written in s, not the
// sign of an invalid byte.
func validAt(s string, i int) bool {
	_, size := utf8.DecodeRuneInString(s[i:])
	return size == 3
}

// nonCharacter reports whether r is one of the 66 Unicode non-characters.
func nonCharacter(r rune) bool {
	return (r >= 0xfdd0 && r <= 0xfdef) || (r&0xfffe == 0xfffe && r <= utf8.MaxRune)
}
