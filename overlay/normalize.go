package overlay

import (
	"strings"

	"golang.org/x/text/unicode/norm"
)

// zeroWidth are the invisible characters real Taro pages carry inside
// names; the same set the parser strips from page names.
var zeroWidth = strings.NewReplacer("\u200b", "", "\u200c", "", "\u200d", "", "\u2060", "", "\ufeff", "", "\u00ad", "")

// Normalize is how a path, key or name is compared and used, the way the
// parser normalises page names: zero-width characters stripped, then
// Unicode NFC (a decomposed "é" equals the precomposed one), then
// surrounding space trimmed. So an overlay path matches the page it was
// copied from, invisible characters and all.
func Normalize(s string) string {
	return strings.TrimSpace(norm.NFC.String(zeroWidth.Replace(s)))
}
