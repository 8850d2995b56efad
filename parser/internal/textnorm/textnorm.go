// Package textnorm normalises the names a Taro page gives its APIs, members
// and types before the parser matches or records them, so that two
// spellings that look the same are the same name. It is shared by the page
// parser and the type-expression parser.
package textnorm

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// IsZeroWidth reports the invisible characters real pages carry inside
// names: ZERO WIDTH SPACE, ZERO WIDTH NON-JOINER, ZERO WIDTH JOINER, WORD
// JOINER, ZERO WIDTH NO-BREAK SPACE (a BOM out of place) and SOFT HYPHEN.
func IsZeroWidth(r rune) bool {
	switch r {
	case '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad':
		return true
	}
	return false
}

// Name strips zero-width characters from s and puts it in Unicode NFC, so
// that "close\u200bSocket" is closeSocket and a decomposed "é" (e +
// U+0301) equals the precomposed one. ASCII names come back as they are,
// without allocating.
func Name(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	if strings.IndexFunc(s, IsZeroWidth) >= 0 {
		s = strings.Map(func(r rune) rune {
			if IsZeroWidth(r) {
				return -1
			}
			return r
		}, s)
	}
	return norm.NFC.String(s)
}
