package gen

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/dave/jennifer/jen"

	"github.com/tarogen/tarogen/spec"
)

// plannedFile is one output file: its name, what it holds (for collision
// messages) and how to render it.
type plannedFile struct {
	name string
	what string   // e.g. "page SocketTask (pipe/SocketTask.md)"
	pos  spec.Pos // where its content comes from
	emit func() *jen.File
}

// planFiles names every output file: one per page, tarogen.go, and one per
// platform.
func (g *generator) planFiles() {
	byName := map[string]*plannedFile{}
	for _, pg := range g.pkg.Pages {
		pg := pg
		g.planFile(byName, fileName(pg.Name), fmt.Sprintf("page %s (%s)", pg.Name, pg.File), pg.Pos, func() *jen.File { return g.emitPage(pg) })
	}
	g.planFile(byName, "tarogen.go", "tarogen's shared declarations", spec.Pos{File: "tarogen.go"}, g.emitCommon)
	g.planBackendFiles(byName)
	for _, p := range append(append([]spec.Platform(nil), g.platforms...), nativePlatform) {
		p := p
		if !platformIDOK(p.ID) {
			g.ds.Errorf(spec.Pos{File: "platform." + p.ID + ".go"}, "platform id %q cannot name a file or a build tag", p.ID)
			continue
		}
		g.planFile(byName, "platform."+p.ID+".go", "the support matrix of platform "+p.ID, spec.Pos{}, func() *jen.File { return g.emitPlatform(p) })
	}
}

// planFile adds a file, refusing a name another file has: the last write
// would win and a whole page would vanish from a package that still
// compiles. Names are compared case-insensitively too, since macOS and
// Windows file systems do (sockettask.go for a function sockettask beside
// SocketTask.go would be one file there).
func (g *generator) planFile(byName map[string]*plannedFile, name, what string, pos spec.Pos, emit func() *jen.File) {
	key := strings.ToLower(name)
	if prev := byName[key]; prev != nil {
		g.ds.Errorf(pos, "output file %s for %s is already the file of %s: generate them into separate packages", name, what, prev.what)
		return
	}
	pf := &plannedFile{name: name, what: what, pos: pos, emit: emit}
	byName[key] = pf
	g.files = append(g.files, pf)
}

// platformIDOK reports whether a platform id can be part of a file name
// and a build tag: lower-case letters, digits and underscores.
func platformIDOK(id string) bool {
	if id == "" {
		return false
	}
	for _, r := range id {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_') {
			return false
		}
	}
	return true
}

// fileName is the generated file for a page: the page name lower-cased
// with no underscores, so that no suffix can be mistaken by the go command
// for a GOOS or GOARCH constraint (a page named "…Android" would otherwise
// become a file that only builds on android), and so that no name starts
// with "_" or "." (which the go command ignores). A letter outside ASCII is
// written as its code point ("u4e2d"), so two CJK names get two files.
// The stems of tarogen's own files are never a page's.
func fileName(page string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(page) {
		switch {
		case r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			b.WriteRune(r)
		case r >= 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			fmt.Fprintf(&b, "u%04x", r)
		}
	}
	stem := b.String()
	switch stem {
	case "":
		stem = "page"
	case "tarogen", "platform":
		// tarogen.go and platform.*.go are tarogen's own files: a page
		// named so (a function tarogen, a class Platform) gets its own.
		stem += "api"
	}
	return stem + ".go"
}
