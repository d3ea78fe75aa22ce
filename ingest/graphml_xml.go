package ingest

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"golang.org/x/text/encoding/ianaindex"
)

// XML helpers shared by the GraphML and GEXF readers.

// newXMLDecoder returns a strict decoder that also reads the 8-bit encodings
// that XML declarations name (ISO-8859-1, windows-1252…).
func newXMLDecoder(r io.Reader) *xml.Decoder {
	dec := xml.NewDecoder(r)
	dec.CharsetReader = func(label string, input io.Reader) (io.Reader, error) {
		enc, err := ianaindex.IANA.Encoding(strings.ToLower(label))
		if err != nil || enc == nil {
			return nil, fmt.Errorf("unsupported encoding %q", label)
		}
		return enc.NewDecoder().Reader(input), nil
	}
	return dec
}

// rootProblem says that an XML file's root element is got, not want.
func rootProblem(file string, line, col int, got, want, kind string) Problem {
	return Problem{File: file, Line: line, Column: col,
		Err:  fmt.Errorf("%w: the root element is <%s>, not <%s>", ErrFormat, got, want),
		Hint: "this reader expects " + kind}
}

// xmlProblem turns an error of the XML decoder into a Problem located at the
// line where the decoder stopped.
func xmlProblem(file string, dec *xml.Decoder, err error, what string) Problem {
	line, col := dec.InputPos()
	var syn *xml.SyntaxError
	if errors.As(err, &syn) {
		line, col = syn.Line, 0
		err = errors.New(syn.Msg)
	}
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		err = errors.New("unexpected end of file")
	}
	return Problem{File: file, Line: line, Column: col,
		Err:  fmt.Errorf("%w: %s: %w", ErrFormat, what, err),
		Hint: "the file is not well-formed XML; open it in a text editor at that line, or export it again"}
}

// xmlAttrValue returns the value of the attribute with the given local name.
func xmlAttrValue(attrs []xml.Attr, local string) (string, bool) {
	for _, a := range attrs {
		if a.Name.Local == local {
			return a.Value, true
		}
	}
	return "", false
}

// parseXMLBool reads an XML Schema boolean.
func parseXMLBool(s string) (bool, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "true", "1":
		return true, true
	case "false", "0":
		return false, true
	}
	return false, false
}
