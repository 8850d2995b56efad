package overlay

import "maps"

// Layer returns the overlay that applies top over base: tarogen's built-in
// corrections as base, the user's -overlay file as top. Either may be nil.
//
// An entry both name is merged field by field: each field top sets wins,
// the rest come from base, and typeArgs merge key by key. So a user who
// wants another Go name for SocketTask.OPEN writes only `name:` and keeps
// the built-in value and goType. A merged entry carries top's position,
// the file the user can edit. Types and unions are replaced whole by
// name (a type or union is one decision). The result shares nothing with
// its inputs, so marking its entries used changes neither.
func Layer(base, top *Overlay) *Overlay {
	out := Empty()
	for _, o := range []*Overlay{base, top} {
		if o == nil {
			continue
		}
		if o.File != "" {
			out.File = o.File
		}
		for path, e := range o.Entries {
			out.Entries[path] = layerEntry(out.Entries[path], e)
		}
		for name, t := range o.Types {
			c := *t
			out.Types[name] = &c
		}
		for key, u := range o.Unions {
			c := *u
			c.Members = maps.Clone(u.Members)
			out.Unions[key] = &c
		}
	}
	return out
}

// layerEntry returns a new entry: under, with every field over sets.
func layerEntry(under, over *Entry) *Entry {
	if under == nil {
		under = &Entry{}
	}
	e := *under
	e.Pos, e.Path, e.Used = over.Pos, over.Path, false
	if over.Name != "" {
		e.Name = over.Name
	}
	if over.GoType != "" {
		e.GoType = over.GoType
	}
	if over.Type != "" {
		e.Type, e.TypePos = over.Type, over.TypePos
	}
	if over.Value != "" {
		e.Value = over.Value
	}
	if over.Required != nil {
		r := *over.Required
		e.Required = &r
	}
	if over.Doc != "" {
		e.Doc = over.Doc
	}
	if over.Skip {
		e.Skip = true
	}
	if e.TypeArgs != nil || over.TypeArgs != nil {
		args := maps.Clone(e.TypeArgs)
		if args == nil {
			args = map[string]string{}
		}
		maps.Copy(args, over.TypeArgs)
		e.TypeArgs = args
	}
	return &e
}
