package gen

import (
	"go/token"
	"slices"
	"strings"
	"unicode"
)

// initialisms are written in upper case in Go names, as golint and the Go
// standard library do (URL, ID, TCP…).
var initialisms = map[string]bool{
	"API": true, "ASCII": true, "CPU": true, "CSS": true, "DNS": true, "EOF": true, "GUID": true,
	"HTML": true, "HTTP": true, "HTTPS": true, "ID": true, "IP": true, "JSON": true, "QPS": true,
	"RAM": true, "RPC": true, "SQL": true, "SSH": true, "TCP": true, "TLS": true, "TTL": true,
	"UDP": true, "UI": true, "UID": true, "URI": true, "URL": true, "UTF8": true, "UUID": true,
	"VM": true, "XML": true, "WS": true, "WSS": true,
	// Taro's platform ids that are initialisms: PlatformTT, PlatformQQ,
	// PlatformJD, PlatformRN, PlatformASCF.
	"TT": true, "QQ": true, "JD": true, "RN": true, "ASCF": true,
}

// splitWords splits a TypeScript identifier into words at case changes,
// digits-to-letters and non-alphanumerics: "socketTaskId" → socket Task Id,
// "CONNECTING" → CONNECTING, "onHTTPRequest" → on HTTP Request.
func splitWords(s string) []string {
	var words []string
	rs := []rune(s)
	start := -1
	flush := func(i int) {
		if start >= 0 {
			words = append(words, string(rs[start:i]))
		}
		start = -1
	}
	for i, r := range rs {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			flush(i)
			continue
		}
		if start < 0 {
			start = i
			continue
		}
		prev := rs[i-1]
		switch {
		case unicode.IsLower(prev) && unicode.IsUpper(r):
			flush(i)
			start = i
		case unicode.IsUpper(prev) && unicode.IsUpper(r) && i+1 < len(rs) && unicode.IsLower(rs[i+1]):
			flush(i)
			start = i
		}
	}
	flush(len(rs))
	return words
}

// exportedName turns a TypeScript name into an exported Go name:
// socketTaskId → SocketTaskID, tcpNoDelay → TCPNoDelay, CONNECTING →
// Connecting. A name that would not start with an upper-case letter
// (digits, CJK) gets an X in front: 中文 → X中文, 2d → X2d.
func exportedName(s string) string {
	var b strings.Builder
	for _, w := range splitWords(s) {
		up := strings.ToUpper(w)
		if initialisms[up] {
			b.WriteString(up)
			continue
		}
		rs := []rune(strings.ToLower(w))
		rs[0] = unicode.ToUpper(rs[0])
		b.WriteString(string(rs))
	}
	out := b.String()
	// A Go name is exported only when it starts with an upper-case letter;
	// a CJK or digit start gets an X, so no page makes an unexported API.
	if out == "" || !unicode.IsUpper([]rune(out)[0]) {
		out = "X" + out
	}
	return out
}

// localName turns a TypeScript parameter name into an unexported Go
// identifier that is not a keyword: option → option, type → type_.
func localName(s string) string {
	e := exportedName(s)
	words := splitWords(e)
	if len(words) == 0 {
		return "x"
	}
	first := words[0]
	if initialisms[strings.ToUpper(first)] {
		e = strings.ToLower(first) + e[len(first):]
	} else {
		rs := []rune(e)
		rs[0] = unicode.ToLower(rs[0])
		e = string(rs)
	}
	if token.IsKeyword(e) || predeclared[e] {
		e += "_"
	}
	return e
}

// predeclared are identifiers a local name must not shadow in generated
// bodies, where they are used.
var predeclared = map[string]bool{
	"api": true, "err": true, "string": true, "int": true, "bool": true, "any": true, "error": true,
	"len": true, "nil": true, "true": true, "false": true, "tarort": true, "s": true, "t": true,
}

// joinNames prefixes name with prefix, once: where prefix ends with the
// words name starts with, they are written once, so a page onSocketOpen's
// OpenCallbackResult is OnSocketOpenCallbackResult, not
// OnSocketOpenOpenCallbackResult (names must not stutter).
func joinNames(prefix, name string) string {
	pw, nw := splitWords(prefix), splitWords(name)
	for n := min(len(pw), len(nw)); n > 0; n-- {
		if slices.Equal(pw[len(pw)-n:], nw[:n]) {
			return prefix + strings.Join(nw[n:], "")
		}
	}
	return prefix + name
}
