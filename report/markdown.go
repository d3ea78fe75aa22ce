package report

import (
	"bytes"
	"strconv"
	"strings"
)

// writeMarkdown writes d as CommonMark with GitHub tables; maps are linked
// as maps/NAME.svg beside the file. Every text is escaped (mdEscape), so that
// an actor name cannot inject Markdown or HTML.
func writeMarkdown(w *bytes.Buffer, d *document) {
	w.WriteString("# " + mdEscape(d.Title) + "\n\n")
	w.WriteString("*" + mdEscape(d.Subtitle) + "*\n\n")
	if d.Source != "" {
		w.WriteString(mdEscape(d.Source) + "\n\n")
	}
	w.WriteString("## " + mdEscape(d.Contents) + "\n\n")
	for i, s := range d.Sections {
		w.WriteString(strconv.Itoa(i+1) + ". [" + mdEscape(s.Title) + "](#" + s.ID + ")\n")
	}
	for i, s := range d.Sections {
		w.WriteString("\n<a id=\"" + s.ID + "\"></a>\n\n## " + strconv.Itoa(i+1) + ". " + mdEscape(s.Title) + "\n")
		for _, b := range s.Blocks {
			w.WriteString("\n")
			switch {
			case b.Heading != "":
				w.WriteString("### " + mdEscape(b.Heading) + "\n")
			case b.Para != "":
				w.WriteString(mdEscape(b.Para) + "\n")
			case b.Note != "":
				w.WriteString("*" + mdEscape(b.Note) + "*\n")
			case b.List != nil:
				for _, item := range b.List {
					w.WriteString("- " + mdEscape(item) + "\n")
				}
			case b.Code != "":
				w.WriteString("```sh\n" + strings.ReplaceAll(b.Code, "```", "` ` `") + "\n```\n")
			case b.Defs != nil:
				for _, d := range b.Defs {
					w.WriteString("- **" + mdEscape(d.Term) + "**: " + mdEscape(d.Text))
					if d.Ref != "" {
						w.WriteString("  \n  " + mdEscape(d.Ref))
					}
					w.WriteString("\n")
				}
			case b.Table != nil:
				writeMarkdownTable(w, b.Table)
			case b.Cards != nil:
				for i, c := range b.Cards {
					if i > 0 {
						w.WriteString("\n")
					}
					w.WriteString("### " + mdEscape(c.Title) + "\n\n*" + mdEscape(c.Note) + "*\n\n")
					writeMarkdownTable(w, c.Table)
				}
			case b.Map != nil:
				w.WriteString("![" + mdEscape(b.Map.Title) + "](maps/" + b.Map.Name + ".svg)\n\n")
				w.WriteString("*" + mdEscape(b.Map.Title) + ".* " + mdEscape(b.Map.Caption) +
					" ([SVG](maps/" + b.Map.Name + ".svg)")
				if b.Map.PNG != nil {
					w.WriteString(", [PNG](maps/" + b.Map.Name + ".png)")
				}
				w.WriteString(")\n")
			}
		}
	}
	w.WriteString("\n---\n\n" + mdEscape(d.Generated) + "\n")
}

func writeMarkdownTable(w *bytes.Buffer, t *table) {
	if t.Caption != "" {
		w.WriteString("**" + mdEscape(t.Caption) + "**\n\n")
	}
	w.WriteString("|")
	for _, h := range t.Head {
		w.WriteString(" " + mdEscape(h) + " |")
	}
	w.WriteString("\n|")
	for j := range t.Head {
		if j < len(t.Num) && t.Num[j] {
			w.WriteString("---:|")
		} else {
			w.WriteString("---|")
		}
	}
	w.WriteString("\n")
	for _, row := range append(t.Rows, t.Foot...) {
		w.WriteString("|")
		for _, c := range row {
			parts := []string{}
			if c.Text != "" {
				parts = append(parts, mdEscape(c.Text))
			}
			if c.Sub != "" {
				parts = append(parts, "<small>"+mdEscape(c.Sub)+"</small>")
			}
			for _, item := range c.Items {
				parts = append(parts, "• "+mdEscape(item))
			}
			for _, e := range c.Entries {
				item := "• **" + mdEscape(e.Main) + "** " + mdEscape(e.Extra)
				if e.Detail != "" {
					item += " — " + mdEscape(e.Detail)
				}
				parts = append(parts, item)
			}
			w.WriteString(" " + strings.Join(parts, "<br>") + " |")
		}
		w.WriteString("\n")
	}
}

// mdEscaper escapes the characters that Markdown or inline HTML would
// interpret. Line breaks become spaces, since every text is one paragraph or
// one table cell.
var mdEscaper = strings.NewReplacer(
	"&", "&amp;", "<", "&lt;", ">", "&gt;",
	`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`,
	"|", `\|`, "#", `\#`, "!", `\!`, "~", `\~`,
	"\r\n", " ", "\n", " ", "\r", " ",
)

func mdEscape(s string) string { return mdEscaper.Replace(s) }
