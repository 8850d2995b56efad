package overlay

import "strings"

// zeroWidth are the invisible characters real Taro pages carry inside
// names (U+200B…U+200D, U+2060 word joiner, U+FEFF, U+00AD soft hyphen).
var zeroWidth = strings.NewReplacer("\u200b", "", "\u200c", "", "\u200d", "", "\u2060", "", "\ufeff", "", "\u00ad", "")

// Normalize is how a path, key or name is compared and used: zero-width
// characters stripped and surrounding space trimmed, as the parser does
// for page names, so an overlay path matches the page it was copied from.
func Normalize(s string) string {
	return strings.TrimSpace(zeroWidth.Replace(s))
}
