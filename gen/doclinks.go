package gen

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// taroDocsSite is where Taro's doc pages are published: a page's
// site-relative link "/docs/apis/network/websocket/SocketTask" is
// https://docs.taro.zone/docs/apis/network/websocket/SocketTask.
const taroDocsSite = "https://docs.taro.zone"

// docLinks rewrites page text for a Go doc comment, so that go doc and
// pkgsite show links instead of Markdown source:
//
//   - a Markdown link [text](url) becomes [text] and a link definition
//     "[text]: url" at the end of the text (gofmt keeps definitions last);
//     a site-relative url (/docs/…) is made absolute against
//     taroDocsSite; a page-relative one (./getSystemInfo, native-api.md#…)
//     cannot be, so it becomes a Go doc link when it names an API of the
//     package and plain text otherwise;
//   - an API of the package named in the text (connectSocket,
//     Taro.connectSocket(), SocketTask.close) becomes a Go doc link
//     ([ConnectSocket], [SocketTask.Close]).
//
// Text inside `backquotes` and bare URLs are left alone.
type docLinks struct {
	// names maps the names pages use to Go doc link targets:
	// "connectSocket" → "ConnectSocket", "SocketTask.close" →
	// "SocketTask.Close".
	names map[string]string
}

var (
	mdLink = regexp.MustCompile(`\[([^\[\]\n]+)\]\(\s*([^()\s]+)\s*\)`)
	// apiName is an identifier, optionally qualified (SocketTask.close),
	// optionally prefixed by the global that pages call it on, optionally
	// followed by an empty call.
	apiName = regexp.MustCompile(`\b(?:Taro\.|wx\.)?([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)?)(?:\(\))?`)
	// untouchable are the spans apiName must not rewrite.
	untouchable = regexp.MustCompile("`[^`\n]*`|https?://[^\\s)\\]]+|\\[[^\\[\\]\n]+\\]")
)

// rewrite returns text with its links rewritten.
func (l docLinks) rewrite(text string) string {
	if text == "" {
		return text
	}
	var defs []string
	seen := map[string]string{}
	text = mdLink.ReplaceAllStringFunc(text, func(m string) string {
		sub := mdLink.FindStringSubmatch(m)
		label, url := sub[1], sub[2]
		switch {
		case strings.HasPrefix(url, "http://") || strings.HasPrefix(url, "https://"):
		case strings.HasPrefix(url, "/"):
			url = taroDocsSite + url
		default:
			if target, ok := l.names[pageOf(url)]; ok {
				return "\x00" + target + "\x00"
			}
			return label
		}
		if prev, ok := seen[label]; ok && prev != url {
			return label + " (" + url + ")" // one label, two targets: a definition can hold only one
		} else if !ok {
			seen[label] = url
			defs = append(defs, "["+label+"]: "+url)
		}
		return "[" + label + "]"
	})
	text = l.linkNames(text)
	text = spaceDocLinks(text)
	if len(defs) > 0 {
		text += "\n\n" + strings.Join(defs, "\n")
	}
	return text
}

// pageOf is the page a page-relative link names: "./getSystemInfo",
// "CanvasContext.md", "native-api.md#sockettask" → the file's base name.
func pageOf(url string) string {
	url, _, _ = strings.Cut(url, "#")
	url = strings.TrimSuffix(strings.TrimSuffix(url, "/"), ".md")
	return url[strings.LastIndexByte(url, '/')+1:]
}

// linkNames marks the package's API names outside untouchable spans.
func (l docLinks) linkNames(text string) string {
	if len(l.names) == 0 {
		return text
	}
	var b strings.Builder
	last := 0
	for _, span := range untouchable.FindAllStringIndex(text, -1) {
		b.WriteString(l.linkNamesIn(text[last:span[0]]))
		b.WriteString(text[span[0]:span[1]])
		last = span[1]
	}
	b.WriteString(l.linkNamesIn(text[last:]))
	return b.String()
}

func (l docLinks) linkNamesIn(s string) string {
	return apiName.ReplaceAllStringFunc(s, func(m string) string {
		name := apiName.FindStringSubmatch(m)[1]
		if target, ok := l.names[name]; ok {
			return "\x00" + target + "\x00"
		}
		return m
	})
}

// spaceDocLinks turns each \x00Target\x00 mark into [Target], with a space
// on each side where a letter touches it: go/doc/comment recognises a doc
// link only between spaces or punctuation, and Chinese text has no spaces.
func spaceDocLinks(text string) string {
	parts := strings.Split(text, "\x00")
	if len(parts) == 1 {
		return text
	}
	var b strings.Builder
	for i, p := range parts {
		if i%2 == 0 {
			b.WriteString(p)
			continue
		}
		if r, _ := utf8.DecodeLastRuneInString(parts[i-1]); isWordRune(r) {
			b.WriteByte(' ')
		}
		b.WriteString("[" + p + "]")
		if i+1 < len(parts) {
			if r, _ := utf8.DecodeRuneInString(parts[i+1]); isWordRune(r) {
				b.WriteByte(' ')
			}
		}
	}
	return b.String()
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
