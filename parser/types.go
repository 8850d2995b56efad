package parser

import (
	"errors"

	"github.com/tarogen/tarogen/parser/typeexpr"
	"github.com/tarogen/tarogen/spec"
)

// parseType reads a type cell. A cell that does not parse is an error
// diagnostic at the offending token, and the field keeps no type.
func (p *pageParser) parseType(src string, at spec.Pos, legacy bool) spec.Type {
	var t spec.Type
	var err error
	if legacy {
		t, err = typeexpr.ParseLegacy(src, at)
	} else {
		t, err = typeexpr.Parse(src, at)
	}
	if err != nil {
		p.typeError(err, at, "type")
		return nil
	}
	return t
}

// parseSig reads a ```tsx signature block. On error the diagnostic points
// into the block and the caller carries on without a signature.
func (p *pageParser) parseSig(src string, at spec.Pos) *spec.FuncType {
	ft, err := typeexpr.ParseSignature(src, at)
	if err != nil {
		p.typeError(err, at, "signature")
		return nil
	}
	return ft
}

func (p *pageParser) typeError(err error, at spec.Pos, what string) {
	var te *typeexpr.Error
	if errors.As(err, &te) {
		pos := te.Pos
		if !p.lines.valid(pos) {
			pos = at // the text typeexpr read is not where its positions say
		}
		p.diags.Errorf(pos, "bad %s: %s", what, te.Msg)
		return
	}
	p.diags.Errorf(at, "bad %s: %v", what, err)
}
