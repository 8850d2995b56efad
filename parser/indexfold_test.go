package parser

import (
	"bytes"
	"strings"
	"testing"
)

func TestIndexFold(t *testing.T) {
	for _, tc := range []struct {
		b, needle string
		want      int
	}{
		{"<tr></TABLE>", "</table>", 4},
		{"<td></table", "</table>", -1},
		{"", "</table>", -1},
		{"x</Table>y</table>", "</table>", 1},
		{"Some TABLE here", "table", 5},
		{"tab", "table", -1},
		{"abc", "", 0},
	} {
		if got := indexFold([]byte(tc.b), tc.needle); got != tc.want {
			t.Errorf("indexFold(%q, %q) = %d, want %d", tc.b, tc.needle, got, tc.want)
		}
		if want := bytes.Index(bytes.ToLower([]byte(tc.b)), []byte(tc.needle)); want != tc.want {
			t.Errorf("test case %q/%q disagrees with bytes.Index on lower-cased input: %d", tc.b, tc.needle, want)
		}
	}
	// Linear: a table of many tags with no close is searched once.
	big := []byte(strings.Repeat("<td>x</td>", 1<<14))
	if got := indexFold(big, "</table>"); got != -1 {
		t.Errorf("indexFold(big) = %d, want -1", got)
	}
}
