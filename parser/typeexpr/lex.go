package typeexpr

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/tarogen/tarogen/parser/internal/textnorm"
)

type tokKind uint8

const (
	tokEOF    tokKind = iota
	tokIdent          // string, OnMessageCallback, readonly, or…
	tokNumber         // 1000, -1, 0.5, 0x1F
	tokString         // 'udp4', "text"
	tokPunct          // < > ( ) [ ] { } , ; : ? | & = . ... =>
)

type token struct {
	kind tokKind
	off  int    // byte offset in the decoded text
	text string // the token as written (after entity decoding)
	val  string // tokString: the value, escapes resolved
	nl   bool   // a line break comes between the previous token and this one
}

// describe names t for "found …" in messages.
func (t token) describe() string {
	switch t.kind {
	case tokEOF:
		return "end of input"
	case tokString:
		return "string literal " + clip(t.text)
	}
	return strconv.Quote(clip(t.text))
}

func clip(s string) string {
	const max = 40
	if len(s) <= max {
		return s
	}
	i := max
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return s[:i] + "…"
}

// lex splits the decoded text into tokens, ending with one tokEOF.
func lex(s *source) ([]token, error) {
	text := s.text
	toks := make([]token, 0, len(text)/3+2)
	nl := false
	for i := 0; ; {
		// Whitespace. Backticks count as whitespace: cells are often still
		// wrapped in a code span (`string`) or hold several (`A` | `B`).
		for i < len(text) {
			c := text[i]
			if c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' || c == '`' {
				i++
				continue
			}
			if c == '\n' {
				nl = true
				i++
				continue
			}
			if c < utf8.RuneSelf {
				break
			}
			r, n := utf8.DecodeRuneInString(text[i:])
			if !unicode.IsSpace(r) && !isInvisible(r) {
				break
			}
			if r == '\u2028' || r == '\u2029' {
				nl = true
			}
			i += n
		}
		if i >= len(text) {
			toks = append(toks, token{kind: tokEOF, off: len(text), nl: nl})
			return toks, nil
		}
		start := i
		c := text[i]
		tok := token{off: start, nl: nl}
		nl = false
		switch {
		case c == '"' || c == '\'':
			val, end, err := lexString(s, start)
			if err != nil {
				return nil, err
			}
			tok.kind, tok.val, i = tokString, val, end
		case isDigit(c) || c == '-' && i+1 < len(text) && isDigit(text[i+1]):
			end, err := lexNumber(s, start)
			if err != nil {
				return nil, err
			}
			tok.kind, i = tokNumber, end
		case c == '.':
			tok.kind = tokPunct
			if strings.HasPrefix(text[i:], "...") {
				i += 3
			} else {
				i++
			}
		case c == '=':
			tok.kind = tokPunct
			if strings.HasPrefix(text[i:], "=>") {
				i += 2
			} else {
				i++
			}
		case c == '\\' && i+1 < len(text) && text[i+1] == '|':
			// A pipe table escapes '|' inside a cell as "\|".
			toks = append(toks, token{kind: tokPunct, off: start, text: "|", nl: tok.nl})
			i += 2
			continue
		case strings.IndexByte("<>()[]{},;:?|&", c) >= 0:
			tok.kind = tokPunct
			i++
		default:
			r, n := utf8.DecodeRuneInString(text[i:])
			if !isIdentStart(r) {
				return nil, &Error{Pos: s.pos(start), Msg: "invalid character " + strconv.QuoteRune(r)}
			}
			i = identEnd(text, i+n)
			tok.kind = tokIdent
		}
		tok.text = text[start:i]
		if tok.kind == tokIdent && !isASCII(tok.text) {
			tok.text = textnorm.Name(tok.text)
		}
		toks = append(toks, tok)
	}
}

// identEnd is where the identifier whose rest starts at i ends. A
// zero-width character between two identifier characters is part of the
// name (real pages carry them inside names) and is stripped from the
// token, with the name put in NFC: close\u200bSocket is closeSocket.
func identEnd(text string, i int) int {
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if textnorm.IsZeroWidth(r) {
			j := i + n
			for j < len(text) {
				r2, n2 := utf8.DecodeRuneInString(text[j:])
				if !textnorm.IsZeroWidth(r2) {
					break
				}
				j += n2
			}
			if r2, _ := utf8.DecodeRuneInString(text[j:]); j < len(text) && isIdentPart(r2) {
				i = j
				continue
			}
			return i
		}
		if !isIdentPart(r) {
			return i
		}
		i += n
	}
	return i
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func isDigit(c byte) bool    { return '0' <= c && c <= '9' }
func isHexDigit(c byte) bool { return isDigit(c) || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F' }

func isIdentStart(r rune) bool { return r == '_' || r == '$' || unicode.IsLetter(r) }
func isIdentPart(r rune) bool {
	// As in JavaScript (ID_Continue): combining marks and connector
	// punctuation may follow the first character.
	return isIdentStart(r) || unicode.IsDigit(r) || unicode.In(r, unicode.Mn, unicode.Mc, unicode.Pc)
}

// isInvisible reports the zero-width characters real pages carry.
func isInvisible(r rune) bool { return textnorm.IsZeroWidth(r) }

// isIdent reports whether s lexes as one identifier.
func isIdent(s string) bool {
	for i, r := range s {
		if i == 0 && !isIdentStart(r) || !isIdentPart(r) {
			return false
		}
	}
	return s != ""
}

// lexNumber reads -?(0x hex | digits [. digits] [e [+-] digits]) at start
// and returns the offset after it.
func lexNumber(s *source, start int) (int, error) {
	text := s.text
	i := start
	if text[i] == '-' {
		i++
	}
	digits := func() {
		for i < len(text) && isDigit(text[i]) {
			i++
		}
	}
	if text[i] == '0' && i+1 < len(text) && (text[i+1] == 'x' || text[i+1] == 'X') {
		i += 2
		h := i
		for i < len(text) && isHexDigit(text[i]) {
			i++
		}
		if i == h {
			return 0, &Error{Pos: s.pos(start), Msg: "invalid number literal " + strconv.Quote(clip(text[start:i]))}
		}
	} else {
		digits()
		if i+1 < len(text) && text[i] == '.' && isDigit(text[i+1]) {
			i++
			digits()
		}
		if i < len(text) && (text[i] == 'e' || text[i] == 'E') {
			j := i + 1
			if j < len(text) && (text[j] == '+' || text[j] == '-') {
				j++
			}
			if j < len(text) && isDigit(text[j]) {
				i = j
				digits()
			}
		}
	}
	if i < len(text) {
		if r, _ := utf8.DecodeRuneInString(text[i:]); isIdentPart(r) {
			end := i
			for end < len(text) {
				r, n := utf8.DecodeRuneInString(text[end:])
				if !isIdentPart(r) {
					break
				}
				end += n
			}
			return 0, &Error{Pos: s.pos(start), Msg: "invalid number literal " + strconv.Quote(clip(text[start:end]))}
		}
	}
	return i, nil
}

// lexString reads a '…' or "…" literal at start and returns its value and
// the offset after it. Escapes are JavaScript's plus Go's \a and \U, so
// that every value spec.LiteralType.String writes (strconv.Quote) reads
// back unchanged; an unknown escape \c stands for c (so "\|" is "|").
func lexString(s *source, start int) (val string, end int, err error) {
	text := s.text
	quote := text[start]
	unterminated := &Error{Pos: s.pos(start), Msg: "unterminated string literal"}
	i := start + 1
	// Fast path: no escapes.
	for j := i; j < len(text); j++ {
		if text[j] == quote {
			return text[i:j], j + 1, nil
		}
		if text[j] == '\\' || text[j] == '\n' {
			break
		}
	}
	var b []byte
	for {
		if i >= len(text) || text[i] == '\n' {
			return "", 0, unterminated
		}
		c := text[i]
		if c == quote {
			return string(b), i + 1, nil
		}
		if c != '\\' {
			b = append(b, c)
			i++
			continue
		}
		esc := i
		i++
		if i >= len(text) {
			return "", 0, unterminated
		}
		badEscape := &Error{Pos: s.pos(esc), Msg: "invalid escape sequence in string literal"}
		c = text[i]
		i++
		switch c {
		case 'n':
			b = append(b, '\n')
		case 't':
			b = append(b, '\t')
		case 'r':
			b = append(b, '\r')
		case 'b':
			b = append(b, '\b')
		case 'f':
			b = append(b, '\f')
		case 'v':
			b = append(b, '\v')
		case 'a':
			b = append(b, '\a')
		case '0':
			b = append(b, 0)
		case '\n':
			// line continuation
		case '\r':
			if i < len(text) && text[i] == '\n' {
				i++
			}
		case 'x', 'u', 'U':
			r, next, ok := hexEscape(text, c, i)
			if !ok {
				return "", 0, badEscape
			}
			i = next
			// JavaScript writes astral characters as surrogate pairs.
			if utf16.IsSurrogate(r) && strings.HasPrefix(text[i:], `\u`) {
				if r2, next2, ok := hexEscape(text, 'u', i+2); ok {
					if pair := utf16.DecodeRune(r, r2); pair != utf8.RuneError {
						r, i = pair, next2
					}
				}
			}
			b = utf8.AppendRune(b, r)
		default:
			r, n := utf8.DecodeRuneInString(text[i-1:])
			b = utf8.AppendRune(b, r)
			i += n - 1
		}
	}
}

// hexEscape reads the digits of \xHH, \uHHHH, \u{H…} or \UHHHHHHHH
// starting at text[i] (just after the letter).
func hexEscape(text string, kind byte, i int) (r rune, next int, ok bool) {
	var digits string
	switch {
	case kind == 'u' && i < len(text) && text[i] == '{':
		close := strings.IndexByte(text[i:], '}')
		if close < 2 || close > 9 {
			return 0, 0, false
		}
		digits, next = text[i+1:i+close], i+close+1
	default:
		n := 2
		if kind == 'u' {
			n = 4
		} else if kind == 'U' {
			n = 8
		}
		if i+n > len(text) {
			return 0, 0, false
		}
		digits, next = text[i:i+n], i+n
	}
	v, err := strconv.ParseUint(digits, 16, 32)
	if err != nil || v > unicode.MaxRune {
		return 0, 0, false
	}
	return rune(v), next, true
}
