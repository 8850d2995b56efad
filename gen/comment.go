package gen

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/dave/jennifer/jen"
)

// Page and overlay text is data, never code. lineComments is the one way
// such text reaches the output: every call site hands it the text and
// passes each line it returns to jennifer's Comment as it is.
//
// Why each rule:
//
//   - jennifer writes a Comment that starts with "//" or "/*" verbatim, and
//     renders one that holds a newline as a /* */ block, which a "*/" in the
//     text would close. lineComments therefore returns complete "//" lines
//     only, never a newline inside one: jennifer copies them, and no block
//     comment ever carries page text.
//   - Every non-empty line is "// " followed by the text: a space always
//     follows the marker. The go command (go generate, //go:build,
//     //go:embed in go/build), the compiler (//go: pragmas, honoured at any
//     column when alone on a line; //line at column 1) and gccgo/cgo
//     (//extern, //export) only honour a directive whose name follows "//"
//     immediately. A page line "//go:generate rm -rf ~" becomes
//     "// //go:generate rm -rf ~", and "go:generate x" becomes
//     "// go:generate x": neither is a directive, at any indentation.
//   - Line breaks other than "\n" (CR, NEL, U+2028, U+2029) start a new
//     "//" line: editors show them as line breaks, so leaving them inside one
//     comment would let text look like code that the compiler never sees
//     (and vice versa).
//   - Controls (C0 but tab, DEL, C1), bidirectional formatting characters
//     (Trojan Source, CVE-2021-42574) and U+FEFF are written as a visible
//     <U+XXXX>; invalid UTF-8 becomes U+FFFD. go/scanner rejects NUL, a BOM
//     after the first byte and invalid UTF-8 even inside comments, so these
//     also keep the output compiling.
//
// The generator reports each such character once as a warning at the
// position of the spec node or overlay entry it came from (checkText); the
// rewriting here needs no position, so no call site can forget it.
func lineComments(text string) []string {
	var out []string
	for _, l := range splitLines(text) {
		l = strings.TrimRight(escapeUnsafe(l), " \t")
		if l == "" {
			out = append(out, "//")
			continue
		}
		out = append(out, "// "+l)
	}
	return out
}

// commenter is a *jen.File or *jen.Group: each Comment call adds a line.
type commenter interface {
	Comment(string) *jen.Statement
}

// commentf is jennifer's Commentf through lineComments, for a comment whose
// arguments hold page text (an API or field name as the page wrote it).
func commentf(c commenter, format string, args ...any) {
	for _, l := range lineComments(fmt.Sprintf(format, args...)) {
		c.Comment(l)
	}
}

// trailingComment is lineComments for a comment at the end of a line of
// code, which must stay one line: line breaks in text become spaces.
func trailingComment(text string) string {
	return lineComments(strings.Join(splitLines(text), " "))[0]
}

// lineBreaks are the characters that end a comment line: "\n", and the
// ones editors also break at.
var lineBreaks = strings.NewReplacer("\r\n", "\n", "\r", "\n", "\u0085", "\n", "\u2028", "\n", "\u2029", "\n")

// splitLines splits text at every line break; "" is one empty line.
func splitLines(text string) []string {
	return strings.Split(lineBreaks.Replace(text), "\n")
}

// escapeUnsafe writes every character unsafeRune reports as <U+XXXX> and
// invalid UTF-8 as U+FFFD.
func escapeUnsafe(s string) string {
	if !hasUnsafe(s) {
		return s
	}
	var b strings.Builder
	for _, r := range strings.ToValidUTF8(s, "\uFFFD") {
		if _, bad := unsafeRune(r); bad {
			fmt.Fprintf(&b, "<%U>", r)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func hasUnsafe(s string) bool {
	if !utf8.ValidString(s) {
		return true
	}
	for _, r := range s {
		if _, bad := unsafeRune(r); bad {
			return true
		}
	}
	return false
}

// unsafeRune reports whether r may not appear raw in a comment line, and
// what it is, for the warning.
func unsafeRune(r rune) (what string, bad bool) {
	switch {
	case r == '\t':
		return "", false
	case r == '\r', r == '\n', r == 0x85, r == 0x2028, r == 0x2029:
		return lineBreakName(r), true
	case r < 0x20, r == 0x7f, r >= 0x80 && r < 0xa0:
		return fmt.Sprintf("%U control character", r), true
	case r == 0xfeff:
		return "U+FEFF BYTE ORDER MARK", true
	}
	if name, ok := bidiNames[r]; ok {
		return fmt.Sprintf("%U %s", r, name), true
	}
	return "", false
}

func lineBreakName(r rune) string {
	switch r {
	case '\r':
		return "U+000D CARRIAGE RETURN"
	case 0x85:
		return "U+0085 NEXT LINE"
	case 0x2028:
		return "U+2028 LINE SEPARATOR"
	case 0x2029:
		return "U+2029 PARAGRAPH SEPARATOR"
	}
	return "U+000A LINE FEED"
}

// bidiNames are the bidirectional formatting characters Unicode TR 9 and
// the Trojan Source paper list.
var bidiNames = map[rune]string{
	0x061c: "ARABIC LETTER MARK",
	0x200e: "LEFT-TO-RIGHT MARK",
	0x200f: "RIGHT-TO-LEFT MARK",
	0x202a: "LEFT-TO-RIGHT EMBEDDING",
	0x202b: "RIGHT-TO-LEFT EMBEDDING",
	0x202c: "POP DIRECTIONAL FORMATTING",
	0x202d: "LEFT-TO-RIGHT OVERRIDE",
	0x202e: "RIGHT-TO-LEFT OVERRIDE",
	0x2066: "LEFT-TO-RIGHT ISOLATE",
	0x2067: "RIGHT-TO-LEFT ISOLATE",
	0x2068: "FIRST STRONG ISOLATE",
	0x2069: "POP DIRECTIONAL ISOLATE",
}

// textHazards names what lineComments will rewrite in text, each kind
// once, in order of first appearance: "U+202E RIGHT-TO-LEFT OVERRIDE",
// "invalid UTF-8". "\r\n" is an ordinary line break and not reported.
func textHazards(text string) []string {
	if !hasUnsafe(text) && !strings.Contains(text, "\r") {
		return nil
	}
	var out []string
	seen := map[string]bool{}
	add := func(what string) {
		if !seen[what] {
			seen[what] = true
			out = append(out, what)
		}
	}
	for i, r := range text {
		if r == utf8.RuneError {
			if _, w := utf8.DecodeRuneInString(text[i:]); w == 1 {
				add("invalid UTF-8")
				continue
			}
		}
		if r == '\n' || r == '\r' && strings.HasPrefix(text[i:], "\r\n") {
			continue
		}
		if what, bad := unsafeRune(r); bad {
			add(what)
		}
	}
	return out
}
