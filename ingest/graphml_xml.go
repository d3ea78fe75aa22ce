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

// xmlFormat is a graph file format read by scanXML.
type xmlFormat struct {
	root string // the root element
	name string // the format, in problems
	kind string // what the reader expects, in hints
}

var (
	graphMLXML = xmlFormat{"graphml", "GraphML", "a GraphML file (.graphml)"}
	gexfXML    = xmlFormat{"gexf", "GEXF", "a GEXF file (.gexf)"}
)

// scanXML opens a graph file with open and calls fn with every token after
// its root element, and the position where the token starts, until fn
// returns a problem. It reports false and that problem, or its own, when the
// file cannot be opened, is not well-formed XML, is empty, has another root
// element or a second one after it, or holds a token (a text run, a tag, or
// an element that fn decodes whole) longer than maxTokenBytes, which would
// otherwise be read whole into memory.
func scanXML(file string, open func() (io.ReadCloser, error), f xmlFormat, fn func(dec *xml.Decoder, tok xml.Token, line, col int) *Problem) (*Problem, bool) {
	r, err := open()
	if err != nil {
		return &Problem{File: file, Err: fmt.Errorf("%w: %v", ErrFormat, err)}, false
	}
	defer r.Close()
	bound := &boundedReader{r: r, max: maxTokenBytes, what: "an XML token (a text, a tag or an element)"}
	dec := newXMLDecoder(bound)
	root, closed := false, false
	for {
		line, col := dec.InputPos()
		bound.reset()
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			p := xmlProblem(file, dec, err, f.name)
			if errors.Is(err, errTooLong) {
				p.Hint = "a file of this size is damaged or not made for this tool; export it again"
			}
			return &p, false
		}
		if closed {
			// After the root element, XML allows only comments, processing
			// instructions and white space.
			if se, ok := tok.(xml.StartElement); ok {
				return &Problem{File: file, Line: line, Column: col,
					Err:  fmt.Errorf("%w: a second root element <%s> after </%s>: an XML file has one root", ErrFormat, se.Name.Local, f.root),
					Hint: "the file may be two files joined: keep one, or merge their nodes and edges into one <" + f.root + ">"}, false
			}
			if cd, ok := tok.(xml.CharData); ok && len(strings.TrimSpace(string(cd))) > 0 {
				return &Problem{File: file, Line: line, Column: col,
					Err:  fmt.Errorf("%w: text after </%s>", ErrFormat, f.root),
					Hint: "the file may be cut or joined with another: export it again"}, false
			}
			continue
		}
		if ee, ok := tok.(xml.EndElement); ok && root && ee.Name.Local == f.root {
			closed = true
		}
		if se, ok := tok.(xml.StartElement); ok && !root {
			if se.Name.Local != f.root {
				p := rootProblem(file, line, col, se.Name.Local, f.root, f.kind)
				return &p, false
			}
			root = true
			continue
		}
		if !root {
			continue
		}
		if p := fn(dec, tok, line, col); p != nil {
			return p, false
		}
	}
	if !root {
		return &Problem{File: file, Line: 1, Err: fmt.Errorf("%w: empty %s file", ErrFormat, f.name),
			Hint: "this reader expects " + f.kind}, false
	}
	return nil, true
}
