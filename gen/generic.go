package gen

import (
	"slices"

	"github.com/tarogen/tarogen/spec"
)

// Generic types and functions. Taro's pages declare type parameters
// (SocketTask's OnMessageCallbackResult<T = any>, batchGetStorageSync<T>);
// Go could declare them too, but a generic SocketTask[T] would make every
// user choose T even to call Close, and Go methods cannot have type
// parameters of their own. So each generic type and function is
// instantiated once, when the package is generated: its parameters get
// arguments from (first that applies) the overlay entry of the type or API,
// the overlay entry of its page (typeArgs), the parameter's default, else
// any.

// declScope instantiates a declared type's parameters, once per
// declaration.
func (g *generator) declScope(di *declInfo) scope {
	if di.typeArgs == nil {
		di.typeArgs = map[string]spec.Type{}
		for _, p := range declParams(di.d) {
			di.typeArgs[p.Name] = g.typeArg(p, di.path, di.page.Name)
		}
	}
	return scope{page: di.page, args: di.typeArgs}
}

// apiScope instantiates a function's or method's type parameters the same
// way, looking at the overlay entries of the API and of its page.
func (g *generator) apiScope(a *apiInfo) scope {
	args := map[string]spec.Type{}
	if a.fn.Signature != nil {
		for _, p := range a.fn.Signature.TypeParams {
			args[p.Name] = g.typeArg(p, a.qname, a.page.Name)
		}
	}
	return scope{page: a.page, args: args}
}

func (g *generator) typeArg(p *spec.TypeParamType, paths ...string) spec.Type {
	for _, path := range paths {
		if e := g.entry(path); e != nil {
			if src, ok := e.TypeArgs[p.Name]; ok {
				at, ok := e.TypeArgPos[p.Name]
				if !ok {
					at = e.Pos // an entry built in Go, not read from a file
				}
				return g.parseOverlayType(src, at, nil, nil)
			}
		}
	}
	if p.Default != nil {
		return p.Default
	}
	return nil
}

// declParams are the type parameters in scope in a declaration.
func declParams(d *spec.Decl) []*spec.TypeParamType {
	params := d.TypeParams
	if d.Func != nil {
		params = append(slices.Clone(params), d.Func.TypeParams...)
	}
	return params
}

// signatureParams are the type parameters of an API's signature.
func signatureParams(fn *spec.Function) []*spec.TypeParamType {
	if fn.Signature == nil {
		return nil
	}
	return fn.Signature.TypeParams
}
