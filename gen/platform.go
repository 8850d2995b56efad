package gen

import (
	"fmt"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/tarogen/tarogen/spec"
)

// emitPlatform writes platform.<id>.go. The name puts the id after a dot,
// not an underscore, so the go command never reads it as a GOOS or GOARCH
// constraint (go/build only looks at "_" suffixes before the first dot).
//
// Each file declares the same identifier, onlyOneTaroPlatformTagMayBeSet:
// with two taro_* tags set, the build fails with "onlyOneTaroPlatformTag
// MayBeSet redeclared", which says what is wrong.
func (g *generator) emitPlatform(p spec.Platform) *jen.File {
	f := newFile(g.opt.Package)
	if p.ID == "native" {
		// A js/wasm build with no tag has its own matrix (platform.js.go).
		tags := []string{nativeTag}
		for _, q := range g.platforms {
			tags = append(tags, "!taro_"+q.ID)
		}
		f.HeaderComment("//go:build " + strings.Join(tags, " && "))
	} else {
		f.HeaderComment("//go:build taro_" + p.ID)
	}
	f.Comment("onlyOneTaroPlatformTagMayBeSet is declared once per platform file: setting two taro_* build")
	f.Comment("tags makes it redeclared, and the build fails naming the problem.")
	f.Const().Id("onlyOneTaroPlatformTagMayBeSet").Op("=").Lit(p.ID)
	f.Line()
	if p.ID == "native" {
		f.Comment("CurrentPlatform is the platform this package was built for: no taro_* tag, native Go.")
		f.Const().Id("CurrentPlatform").Op("=").Id("PlatformNative")
	} else {
		f.Commentf("CurrentPlatform is the platform this package was built for (tag taro_%s).", p.ID)
		f.Const().Id("CurrentPlatform").Op("=").Id(platformConst(p))
	}
	f.Comment("platformName is the platform's display name, used in \"not supported on <platform>\".")
	f.Const().Id("platformName").Op("=").Lit(p.Name)
	f.Line()
	f.Comment("The support matrix of this platform, one constant per API, from the pages.")
	f.Const().DefsFunc(func(gr *jen.Group) {
		for _, a := range g.apis {
			st := g.platformSupport(a, p)
			var c string
			switch st {
			case spec.Supported:
				c = "Supported"
			case spec.Unsupported:
				c = "Unsupported"
			default:
				c = "SupportUnknown"
			}
			gr.Id(supportConst(a)).Op("=").Id(c).Comment(trailingComment(a.qname + ": " + g.supportSource(a, p, st)))
		}
	})
	return f
}

// platformSupport is an API's support on platform p. Native Go supports
// what the runtime implements and nothing else.
func (g *generator) platformSupport(a *apiInfo, p spec.Platform) spec.SupportState {
	if p.ID == "native" {
		if a.bind != nil {
			return spec.Supported
		}
		return spec.Unsupported
	}
	return a.support.State(p.ID)
}

func (g *generator) supportSource(a *apiInfo, p spec.Platform, st spec.SupportState) string {
	if p.ID == "native" {
		if a.bind != nil {
			return "implemented by the runtime"
		}
		return "no native implementation"
	}
	if a.support == nil {
		return "the page has no support data"
	}
	return fmt.Sprintf("%s at %s", st, a.support.Pos)
}
