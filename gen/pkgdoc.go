package gen

import (
	"strings"
)

// packageDocSections are the sections of the package comment after its
// first paragraph: how errors are reported, which task the global
// functions act on, and what runs on which goroutine. Each is written only
// when the package has what it describes (a package of unbound APIs has no
// runtime errors to explain), and names only APIs the package declares.
func (g *generator) packageDocSections() []string {
	var out []string
	for _, s := range []string{g.errorsDoc(), g.globalsDoc(), g.threadingDoc()} {
		if s != "" {
			out = append(out, "", wrapParagraphs(s, 76))
		}
	}
	return out
}

// wrapParagraphs refills each paragraph of s to lines of at most width
// bytes where it can (a sentence lists the package's own API names, so
// its length is not known in advance). Headings stay as they are.
func wrapParagraphs(s string, width int) string {
	paras := strings.Split(s, "\n\n")
	for i, p := range paras {
		if strings.HasPrefix(p, "# ") {
			continue
		}
		var b strings.Builder
		n := 0
		for _, w := range strings.Fields(p) {
			if n > 0 && n+1+len(w) > width {
				b.WriteByte('\n')
				n = 0
			} else if n > 0 {
				b.WriteByte(' ')
				n++
			}
			b.WriteString(w)
			n += len(w)
		}
		paras[i] = b.String()
	}
	return strings.Join(paras, "\n\n")
}

// errorsDoc is the "# Errors" section, for a package where some API
// reports a runtime error.
func (g *generator) errorsDoc() string {
	var withCallbacks, withResult []string
	for _, a := range g.apis {
		s := g.signature(a)
		if a.bind == nil || !s.err {
			continue
		}
		withCallbacks = append(withCallbacks, a.goName)
		if a.class == nil && s.result.kind == kStruct && s.result.decl == nil {
			withResult = append(withResult, a.goName) // the shared CallbackResult
		}
	}
	if len(withCallbacks) == 0 {
		return ""
	}
	doc := `# Errors

Every API that takes Success, Fail and Complete callbacks also returns an
error with the same outcome: nil on success, otherwise a *[tarort.Error]
whose text is Taro's errMsg, "<api>:fail <reason>", the ErrMsg the Fail and
Complete callbacks receive. Use [errors.As] to read its API and Reason, and
[errors.Is] with the runtime's sentinels ([tarort.ErrInvalidOption],
[tarort.ErrNotOpen], [tarort.ErrClosed], [tarort.ErrTimeout],
[tarort.ErrHandshake], [tarort.ErrNotSupported] and the others "go doc
tarort" lists) to tell failures apart. The callbacks and the returned error
always agree; use whichever reads better.`
	if len(withResult) > 0 {
		doc += "\n\n" + listNames(withResult) + ` also return a [CallbackResult]. It
holds the errMsg when the call reached a socket, and is zero when the call
failed before (no task yet, an invalid option, an unsupported platform):
test the error, not the result.`
	}
	if g.hasErrField() {
		doc += `

Errors that happen later, on the connection, reach the OnError handlers:
their result's Err is the same *[tarort.Error], so errors.Is and errors.As
work on them as on a returned error.`
	}
	return doc
}

// hasErrField reports whether an error callback's result carries the Go
// error (bind.go's addErrField).
func (g *generator) hasErrField() bool {
	for _, di := range g.decls {
		if di.hasExtra("Err") {
			return true
		}
	}
	return false
}

// globalsDoc is the "# Global functions" section, for a package with
// global functions bound to the latest task.
func (g *generator) globalsDoc() string {
	var globals []string
	var connect, class string
	for _, a := range g.apis {
		switch b := a.bind.(type) {
		case connectBinding:
			connect = a.goName
			if s := g.signature(a); s.result.kind == kClass {
				if c := g.pkg.Class(s.result.class); c != nil {
					class = g.className(c)
				}
			}
		case sendBinding:
			if b.global {
				globals = append(globals, a.goName)
			}
		case closeBinding:
			if b.global {
				globals = append(globals, a.goName)
			}
		case onBinding:
			if b.global {
				globals = append(globals, a.goName)
			}
		}
	}
	if len(globals) == 0 || connect == "" {
		return ""
	}
	task := "task"
	if class != "" {
		task = "*[" + class + "]"
	}
	return `# Global functions

[` + connect + `] returns a ` + task + `, whose methods act on that task. The
global functions ` + listNames(globals) + ` act on the latest task ` + connect + `
created, as WeChat's wx.sendSocketMessage and wx.onSocketMessage do: a
listener they set receives the events of the latest task, beside that
task's own handlers (both see every event). Before the first ` + connect + `,
the global functions that return an error fail with [tarort.ErrNoTask].`
}

// threadingDoc is the "# Goroutines" section, for a package with a class
// the runtime implements.
func (g *generator) threadingDoc() string {
	for _, pg := range g.pkg.Pages {
		if pg.Class != nil && g.classBound(pg.Class) {
			return `# Goroutines

Every function and method is safe to call from any goroutine. A task runs
its handlers (those its On methods set, and the global listeners) one at a
time, in the order the events happened, on a goroutine of its own: a handler
may block, send, or even connect another socket and wait for it, while the
task's next event waits for it. Handlers registered right after the task is
returned miss no event: events are held until a handler is set.`
		}
	}
	return ""
}

// listNames writes Go doc links to names: "[A]", "[A] and [B]", "[A], [B]
// and [C]".
func listNames(names []string) string {
	links := make([]string, len(names))
	for i, n := range names {
		links[i] = "[" + n + "]"
	}
	if len(links) == 1 {
		return links[0]
	}
	return strings.Join(links[:len(links)-1], ", ") + " and " + links[len(links)-1]
}
