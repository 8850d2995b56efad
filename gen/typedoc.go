package gen

import "github.com/tarogen/tarogen/spec"

// declPurposes says, for each declared type, what it is for, from where
// the package uses it: "the option of [SocketTask.Close]", "the callback
// [OnSocketOpen] takes", "what [SocketTask.OnClose]'s callback receives".
// A page's own description of a type says what it holds, rarely what it
// is for; this sentence comes first in the type's doc. A type used in
// several places gets the first use found, APIs in page order first.
func (g *generator) declPurposes() map[*declInfo]string {
	out := map[*declInfo]string{}
	set := func(t typ, purpose string) {
		if t.decl != nil && out[t.decl] == "" {
			out[t.decl] = purpose
		}
	}
	for _, a := range g.apis {
		s := g.signature(a)
		ref := "[" + g.apiRef(a) + "]"
		for _, p := range s.params {
			switch {
			case p.typ.kind == kStruct && s.option != nil && p.name == s.option.name:
				set(p.typ, "is the option of "+ref+".")
			case p.typ.kind == kFunc:
				set(p.typ, "is the callback "+ref+" takes.")
				if p.typ.fn != nil && len(p.typ.fn.params) > 0 {
					set(p.typ.fn.params[0].typ, "is what "+ref+"'s callback receives.")
				}
			default:
				set(p.typ, "is the "+p.name+" argument of "+ref+".")
			}
		}
		if s.err {
			set(s.result, "is what "+ref+" returns on success.")
		} else {
			set(s.result, "is what "+ref+" returns.")
		}
	}
	// Types met only inside other types: a callback field's result, a
	// nested object. Each pass reaches one level deeper.
	for changed := true; changed; {
		changed = false
		for _, di := range g.decls {
			if out[di] == "" {
				continue
			}
			for _, fi := range di.fields {
				t := fi.typ
				if t.kind == kFunc && t.fn != nil && len(t.fn.params) > 0 {
					t = t.fn.params[0].typ
					if t.decl != nil && out[t.decl] == "" {
						out[t.decl] = "is what the " + fi.tsName + " callback of [" + di.goName + "] receives."
						changed = true
					}
					continue
				}
				if t.decl != nil && out[t.decl] == "" {
					out[t.decl] = "is the type of [" + di.goName + "]'s " + fi.goName + " field."
					changed = true
				}
			}
		}
	}
	return out
}

// apiRef is the Go doc link target of an API: "ConnectSocket",
// "SocketTask.Close".
func (g *generator) apiRef(a *apiInfo) string {
	if a.class != nil {
		return g.className(a.class) + "." + a.goName
	}
	return a.goName
}

// docLinker is the package's docLinks: every API a page may name, by the
// names pages use for it.
func (g *generator) docLinker() docLinks {
	names := map[string]string{}
	for _, a := range g.apis {
		names[a.qname] = g.apiRef(a)
		if a.class == nil {
			names[a.fn.Name] = a.goName
		}
	}
	for _, pg := range g.pkg.Pages {
		if pg.Class != nil {
			names[pg.Class.Name] = g.className(pg.Class)
		}
	}
	return docLinks{names: names}
}

// declDoc is the start of a declared type's doc: what it is for, then
// what its page says of it, in one paragraph. Two paragraphs would let a
// short page line such as "WebSocket 连接关闭事件的回调函数" (capitalised,
// no final punctuation) read as a heading to go/doc, which gofmt would
// then rewrite as "# WebSocket…".
func (g *generator) declDoc(di *declInfo) string {
	first := g.purposes[di]
	if first == "" {
		first = "is the type the " + di.page.Name + " page declares as " + di.d.Name + "; no API of this package uses it."
	}
	if page := g.links.rewrite(di.d.Doc); page != "" {
		first += "\n" + page
	}
	return first
}

// classDoc is the start of a class's doc: where its values come from
// ("SocketTask is what [ConnectSocket] returns."), then what its page
// says of it, in one paragraph. A class no API returns starts with its
// page's text, as before.
func (g *generator) classDoc(c *spec.Class) string {
	page := g.links.rewrite(c.Doc)
	for _, a := range g.apis {
		if s := g.signature(a); s.result.kind == kClass && s.result.class == c.Name {
			if page != "" {
				page = "\n" + page
			}
			return "is what [" + g.apiRef(a) + "] returns." + page
		}
	}
	return page
}
