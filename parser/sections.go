package parser

import (
	"strings"
)

// section kinds, by h2 (and h4) heading text.
type secKind int

const (
	secOther secKind = iota
	secMethods
	secProps
	secType
	secParams
	secExamples
	secSupport
)

// sectionOf classifies a heading; english reports an English heading.
func sectionOf(title string) (k secKind, english bool) {
	t := strings.ToLower(strings.Join(strings.Fields(title), ""))
	switch t {
	case "方法":
		return secMethods, false
	case "methods", "method":
		return secMethods, true
	case "属性":
		return secProps, false
	case "properties", "property":
		return secProps, true
	case "类型":
		return secType, false
	case "type", "types", "signature":
		return secType, true
	case "参数":
		return secParams, false
	case "parameters", "parameter", "params":
		return secParams, true
	case "示例代码", "示例", "代码示例", "使用示例":
		return secExamples, false
	case "samplecode", "examples", "example", "examplecode", "sample":
		return secExamples, true
	case "api支持度", "支持度":
		return secSupport, false
	case "apisupport", "support", "apisupportability":
		return secSupport, true
	}
	return secOther, false
}

type section struct {
	kind    secKind
	head    *blk
	content []blk
}

// sections splits the blocks at h2 headings. The first section (head
// nil) is the page's preamble.
func (p *pageParser) sections() []section {
	// Content is a sub-slice of p.blocks, not a copy: a section's blocks
	// are contiguous but for the stray # titles, which are dropped by
	// compacting them out first. (Copying every block cost a tenth of the
	// parse's allocations on a large page.)
	blocks := p.blocks[:0:0]
	for _, b := range p.blocks {
		if b.kind == bHeading && b.level == 1 {
			continue // a stray # title: the front matter names the page
		}
		blocks = append(blocks, b)
	}
	secs := []section{{}}
	start := 0
	for i := range blocks {
		b := &blocks[i]
		if b.kind == bHeading && b.level <= 2 {
			secs[len(secs)-1].content = blocks[start:i:i]
			k, _ := sectionOf(b.text)
			secs = append(secs, section{kind: k, head: b})
			start = i + 1
		}
	}
	secs[len(secs)-1].content = blocks[start:len(blocks):len(blocks)]
	return secs
}

// subsections splits blocks at headings of the given level.
func subsections(bs []blk, level int) (pre []blk, subs []section) {
	// Sub-slices of bs, capped so that an append by a caller cannot
	// overwrite the next section.
	start := 0
	for i := range bs {
		b := &bs[i]
		if b.kind == bHeading && b.level <= level {
			if len(subs) == 0 {
				pre = bs[:i:i]
			} else {
				subs[len(subs)-1].content = bs[start:i:i]
			}
			subs = append(subs, section{head: b})
			start = i + 1
		}
	}
	if len(subs) == 0 {
		return bs, nil
	}
	subs[len(subs)-1].content = bs[start:len(bs):len(bs)]
	return pre, subs
}
