package spec

import (
	"encoding/json"
	"fmt"
	"strings"
	"unicode"
)

// SupportState is three-valued: a page may say yes, say no, or say nothing.
type SupportState int

const (
	Unknown     SupportState = iota // the page does not say (an absent MDX icon, an absent column)
	Supported                       // ✔️ / a plain icon
	Unsupported                     // an empty cell, ❌, or icon_platform--not-support
)

func (s SupportState) String() string {
	switch s {
	case Supported:
		return "supported"
	case Unsupported:
		return "unsupported"
	}
	return "unknown"
}

// MarshalJSON encodes s as its String.
func (s SupportState) MarshalJSON() ([]byte, error) { return json.Marshal(s.String()) }

// UnmarshalJSON decodes "supported", "unsupported" or "unknown".
func (s *SupportState) UnmarshalJSON(b []byte) error {
	var v string
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	switch v {
	case "supported":
		*s = Supported
	case "unsupported":
		*s = Unsupported
	case "unknown":
		*s = Unknown
	default:
		return fmt.Errorf("spec: unknown support state %q", v)
	}
	return nil
}

// Support is what a page says about which platforms support one API.
type Support struct {
	Pos Pos `json:"pos"`
	// API is the name the table row uses, e.g. "SocketTask.close"; empty for
	// a page's 支持情况 icons.
	API       string             `json:"api,omitempty"`
	Platforms []*PlatformSupport `json:"platforms"` // in page column order
}

// State returns the state for platform id (Unknown when not listed).
func (s *Support) State(id string) SupportState {
	if s == nil {
		return Unknown
	}
	for _, p := range s.Platforms {
		if p.Platform.ID == id {
			return p.State
		}
	}
	return Unknown
}

// PlatformSupport is one cell of a support matrix or one icon.
type PlatformSupport struct {
	Pos      Pos          `json:"pos"`
	Platform Platform     `json:"platform"`
	State    SupportState `json:"state"`
	Note     string       `json:"note,omitempty"` // any text in the cell beside the mark
}

// Platform is a target Taro compiles to.
type Platform struct {
	ID   string `json:"id"`   // stable id, e.g. "tt"
	Name string `json:"name"` // display name as the page wrote it, e.g. "抖音小程序"
}

// KnownPlatforms are the stable platform ids in canonical order.
var KnownPlatforms = []string{"weapp", "swan", "alipay", "tt", "qq", "jd", "h5", "rn", "harmony", "harmony_hybrid", "quickapp", "ascf"}

// platformNames maps normalised display names (see NormalizePlatformName)
// to ids. Chinese and English names as Taro's pages write them.
var platformNames = map[string]string{
	"微信小程序": "weapp", "wechat mini-program": "weapp", "wechat mini program": "weapp", "weapp": "weapp", "微信": "weapp",
	"百度小程序": "swan", "baidu smart-program": "swan", "baidu smart program": "swan", "swan": "swan", "百度": "swan",
	"支付宝小程序": "alipay", "alipay mini-program": "alipay", "alipay mini program": "alipay", "alipay": "alipay", "支付宝": "alipay",
	"字节跳动小程序": "tt", "头条小程序": "tt", "抖音小程序": "tt", "bytedance mini-program": "tt", "bytedance micro-app": "tt", "tt": "tt", "douyin mini-program": "tt", "字节跳动": "tt", "抖音": "tt",
	"qq 小程序": "qq", "qq小程序": "qq", "qq 轻应用": "qq", "qq轻应用": "qq", "qq mini-program": "qq", "qq": "qq",
	"京东小程序": "jd", "jd mini-program": "jd", "jd": "jd", "京东": "jd",
	"h5": "h5", "web": "h5",
	"react native": "rn", "rn": "rn",
	"harmony": "harmony", "鸿蒙": "harmony", "harmonyos": "harmony",
	"harmony hybrid": "harmony_hybrid", "harmonyhybrid": "harmony_hybrid", "鸿蒙 hybrid": "harmony_hybrid",
	"快应用": "quickapp", "quick app": "quickapp", "quickapp": "quickapp",
	"ascf元服务": "ascf", "ascf 元服务": "ascf", "ascf": "ascf",
}

var platformDisplay = map[string]string{
	"weapp": "微信小程序", "swan": "百度小程序", "alipay": "支付宝小程序", "tt": "抖音小程序", "qq": "QQ 小程序",
	"jd": "京东小程序", "h5": "H5", "rn": "React Native", "harmony": "Harmony", "harmony_hybrid": "Harmony hybrid",
	"quickapp": "快应用", "ascf": "ASCF元服务",
}

// PlatformDisplayName is the canonical display name of a known id, or the
// id itself.
func PlatformDisplayName(id string) string {
	if n, ok := platformDisplay[id]; ok {
		return n
	}
	return id
}

// NormalizePlatformName strips zero-width and other invisible characters,
// folds case and collapses spaces, so header cells match however the page
// decorated them.
func NormalizePlatformName(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
		case r == '\u200b' || r == '\u200c' || r == '\u200d' || r == '\u2060' || r == '\ufeff' || r == '\u00ad':
			continue
		case unicode.IsSpace(r):
			space = true
			continue
		case !unicode.IsPrint(r):
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// LookupPlatform maps a display name to its Platform. ok is false for a
// platform tarogen does not know; its ID is then the name normalised to a
// Go-tag-safe identifier (lower case letters, digits and underscores), so
// it can still be kept and used as a build tag.
func LookupPlatform(display string) (p Platform, ok bool) {
	norm := NormalizePlatformName(display)
	name := strings.TrimSpace(strings.Map(func(r rune) rune {
		if r == '\u200b' || r == '\u200c' || r == '\u200d' || r == '\u2060' || r == '\ufeff' {
			return -1
		}
		return r
	}, display))
	if id, ok := platformNames[norm]; ok {
		return Platform{ID: id, Name: name}, true
	}
	if id, ok := platformNames[strings.ReplaceAll(norm, " ", "")]; ok {
		return Platform{ID: id, Name: name}, true
	}
	return Platform{ID: PlatformID(norm), Name: name}, false
}

// PlatformID turns any name into a build-tag-safe id: ASCII letters and
// digits lower-cased, everything else one underscore; a name with no ASCII
// letters becomes "p_" plus the hex of its UTF-8 bytes so that distinct
// names stay distinct.
func PlatformID(name string) string {
	var b strings.Builder
	under := false
	for _, r := range strings.ToLower(name) {
		if r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			if under && b.Len() > 0 {
				b.WriteByte('_')
			}
			under = false
			b.WriteRune(r)
			continue
		}
		under = true
	}
	id := b.String()
	if id == "" || !unicode.IsLetter(rune(id[0])) {
		id = fmt.Sprintf("p_%x", name)
		if len(id) > 40 {
			id = id[:40]
		}
	}
	return id
}
