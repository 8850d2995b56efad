package textnorm

import "testing"

func TestName(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"closeSocket", "closeSocket"},
		{"close\u200bSocket", "closeSocket"},
		{"\ufeffReason\u200d", "Reason"},
		{"soft\u00adhyphen", "softhyphen"},
		{"word\u2060joiner\u200c", "wordjoiner"},
		{"caf\u0065\u0301", "caf\u00e9"}, // NFC composes e + COMBINING ACUTE
		{"微信小程序", "微信小程序"},
	} {
		if got := Name(tc.in); got != tc.want {
			t.Errorf("Name(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
