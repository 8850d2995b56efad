package gen

import (
	"github.com/tarogen/tarogen/parser/typeexpr"
	"github.com/tarogen/tarogen/spec"
)

// parseTypeArg parses a type argument written in an overlay.
func parseTypeArg(src string, at spec.Pos) (spec.Type, error) {
	return typeexpr.Parse(src, at)
}
