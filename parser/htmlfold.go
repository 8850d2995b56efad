package parser

import "bytes"

// Case-insensitive byte search for HTML tag names: the HTML tables and
// icon lines are found in the raw body without building a tree.

// tagOffsets returns the offsets of each opening tag named name in raw.
func tagOffsets(raw []byte, name string) []int {
	var offs []int
	for i := 0; i+1+len(name) < len(raw); i++ {
		if raw[i] == '<' && hasPrefixFold(raw[i+1:], name) {
			if k := i + 1 + len(name); k < len(raw) && (raw[k] == '>' || raw[k] == ' ' || raw[k] == '\t' || raw[k] == '\n' || raw[k] == '\r' || raw[k] == '/') {
				offs = append(offs, i)
			}
		}
	}
	return offs
}

func hasPrefixFold(b []byte, prefix string) bool {
	if len(b) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		c := b[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != prefix[i] {
			return false
		}
	}
	return true
}

// indexFold is bytes.Index for an ASCII lower-case needle, ignoring case.
// It is linear: each step either finds the needle's first byte with one
// IndexByte or, for a letter, compares byte by byte. (An earlier version
// searched for the upper-case form of a non-letter too, which scanned to
// the end of the page on every '<' of a table: quadratic.)
func indexFold(b []byte, needle string) int {
	if len(needle) == 0 {
		return 0
	}
	first := needle[0]
	letter := first >= 'a' && first <= 'z'
	for i := 0; i+len(needle) <= len(b); i++ {
		if letter {
			if c := b[i]; c != first && c != first-('a'-'A') {
				continue
			}
		} else {
			j := bytes.IndexByte(b[i:], first)
			if j < 0 {
				return -1
			}
			i += j
			if i+len(needle) > len(b) {
				return -1
			}
		}
		if hasPrefixFold(b[i:], needle) {
			return i
		}
	}
	return -1
}
