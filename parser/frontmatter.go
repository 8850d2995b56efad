package parser

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/tarogen/tarogen/parser/internal/textnorm"
)

// frontMatter reads the --- delimited YAML header: only the flat
// `key: value` lines Taro writes (title, sidebar_label) are needed.
func (p *pageParser) frontMatter() {
	src := p.src
	if !bytes.HasPrefix(src, []byte("---\n")) && !bytes.HasPrefix(src, []byte("---\r\n")) {
		return
	}
	off := bytes.IndexByte(src, '\n') + 1
	for off < len(src) {
		end := bytes.IndexByte(src[off:], '\n')
		lineEnd := len(src)
		next := len(src)
		if end >= 0 {
			lineEnd, next = off+end, off+end+1
		}
		line := bytes.TrimRight(src[off:lineEnd], "\r")
		if bytes.Equal(bytes.TrimSpace(line), []byte("---")) {
			p.base = next
			return
		}
		if k, v, ok := bytes.Cut(line, []byte(":")); ok {
			// Names are normalised (zero-width characters stripped, NFC)
			// before anything matches on them.
			val := textnorm.Name(strings.Trim(strings.TrimSpace(string(v)), `"'`))
			vpos := p.lines.pos(off + len(k) + 1 + (len(v) - len(bytes.TrimLeft(v, " \t"))))
			switch strings.TrimSpace(string(k)) {
			case "title":
				p.title, p.titlePos = val, vpos
			case "sidebar_label":
				p.label, p.labelPos = val, vpos
			}
		}
		off = next
	}
	p.diags.Warnf(p.lines.pos(0), "front matter is not closed by a --- line: read as Markdown")
	p.title, p.label = "", ""
}

var titleFunc = regexp.MustCompile(`^(?:Taro\.|wx\.)?([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)\s*\(`)

// apiName is the page's API: sidebar_label, else the title's function or
// class name.
func (p *pageParser) apiName() string {
	if p.label != "" {
		return p.label
	}
	if m := titleFunc.FindStringSubmatch(p.title); m != nil {
		return m[1]
	}
	return strings.TrimPrefix(strings.TrimSpace(p.title), "Taro.")
}

// classLikeTitle: "SocketTask", not "Taro.connectSocket(option)".
func (p *pageParser) classLikeTitle() bool {
	t := strings.TrimSpace(p.title)
	return t != "" && !strings.HasPrefix(t, "Taro.") && !strings.Contains(t, "(")
}
