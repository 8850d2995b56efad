package gen

import (
	"go/token"
	"strconv"

	"github.com/tarogen/tarogen/spec"
)

// classInfo is the Go side of a class: its type name, the names in its
// method set, and its planned properties and constants.
type classInfo struct {
	c      *spec.Class
	page   *spec.Page
	goName string // e.g. "SocketTask"
	// members are the names in the method set (methods and property
	// accessors), with where each comes from.
	members map[string]spec.Pos
	props   []*propInfo
	consts  []*constInfo
}

// propInfo is a property, read through an accessor method.
type propInfo struct {
	p      *spec.Field
	goName string // e.g. "ReadyState"
	typ    typ
	doc    []string
	pos    spec.Pos
}

// constInfo is an ALL-CAPS member, written as a typed constant.
type constInfo struct {
	k      *spec.Constant
	path   string // e.g. "SocketTask.OPEN"
	goName string // e.g. "SocketTaskOpen"
	typ    typ
	value  string // a Go constant expression, validated (see constValue)
	doc    []string
	pos    spec.Pos
}

func (g *generator) classOf(c *spec.Class) *classInfo {
	for _, ci := range g.classes {
		if ci.c == c {
			return ci
		}
	}
	return nil
}

// claimMember adds name to the class's method set. A page that lists two
// members with one Go name (an overload written twice) keeps the first; the
// second is an error at its position, since dropping it silently would
// lose an API.
func (ci *classInfo) claimMember(g *generator, name, what string, pos spec.Pos) bool {
	if at, ok := ci.members[name]; ok {
		g.ds.Errorf(pos, "%s: Go name %s.%s is already used by the member at %s", what, ci.goName, name, at)
		return false
	}
	ci.members[name] = pos
	return true
}

// planMembers names and types a class's properties and constants.
func (g *generator) planMembers(ci *classInfo) {
	pg := ci.page
	for _, p := range ci.c.Properties {
		path := ci.c.Name + "." + p.Name
		e := g.entry(path)
		if e != nil && e.Skip {
			continue
		}
		pi := &propInfo{p: p, goName: exportedName(p.Name), pos: p.Pos}
		if e != nil && e.Name != "" {
			pi.goName, pi.pos = e.Name, e.Pos
		}
		if !ci.claimMember(g, pi.goName, "property "+path, pi.pos) {
			continue
		}
		pi.typ = g.goType(p.Type, scope{page: pg}, ci.goName+pi.goName)
		if e != nil && e.GoType != "" {
			pi.typ, pi.pos = g.overlayGoType(e, pi.typ), e.Pos
		}
		pi.doc = docLines(g.links.rewrite(p.Doc), tsNote(p.Type), entryDoc(e))
		ci.props = append(ci.props, pi)
	}
	for _, k := range ci.c.Constants {
		g.planConstant(ci, k)
	}
}

// planConstant plans one class constant. The pages give no values, so the
// overlay must; a constant without one is left out with a warning rather
// than guessed.
func (g *generator) planConstant(ci *classInfo, k *spec.Constant) {
	path := ci.c.Name + "." + k.Name
	e := g.entry(path)
	if e != nil && e.Skip {
		return
	}
	value := k.Value
	if e != nil && e.Value != "" {
		value = e.Value
	}
	if value == "" {
		g.ds.Warnf(k.Pos, "constant %s has no value on the page and none in the overlay; left out", path)
		return
	}
	kc := &constInfo{k: k, path: path, goName: ci.goName + exportedName(k.Name), pos: k.Pos}
	if e != nil && e.Name != "" {
		kc.goName, kc.pos = e.Name, e.Pos
	}
	if !g.claim(kc.goName, "constant "+path, kc.pos) {
		g.ds.Errorf(kc.pos, "constant %s: Go name %s is already used by %s", path, kc.goName, g.claimedBy(kc.goName))
		return
	}
	kc.typ = g.goType(k.Type, scope{page: ci.page}, kc.goName)
	if e != nil && e.GoType != "" {
		kc.typ = g.overlayGoType(e, kc.typ)
	}
	valuePos := kc.pos
	if e != nil && e.Value != "" {
		valuePos = e.ValuePos
	}
	v, ok := g.constValue(kc.typ, value, valuePos, path)
	if !ok {
		return
	}
	kc.value = v
	kc.doc = docLines(g.links.rewrite(k.Doc), "TypeScript: "+path+" = "+value)
	ci.consts = append(ci.consts, kc)
}

// numbered is base, or base with the first number from 2 that claim
// accepts.
func (g *generator) numbered(base, what string, pos spec.Pos) string {
	if !token.IsIdentifier(base) {
		// The naming rules only make identifiers; a base that is not one
		// would never be claimed, and the loop below would not end.
		g.ds.Errorf(pos, "internal error: %s: %q is not a Go identifier", what, base)
		return "X"
	}
	if g.claim(base, what, pos) {
		return base
	}
	for i := 2; ; i++ {
		if c := base + strconv.Itoa(i); g.claim(c, what, pos) {
			return c
		}
	}
}

func (g *generator) classOfPage(pg *spec.Page) *classInfo {
	for _, ci := range g.classes {
		if ci.page == pg {
			return ci
		}
	}
	return nil
}
