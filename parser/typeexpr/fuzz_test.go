package typeexpr

import (
	"errors"
	"testing"
)

// The fuzz property: Parse never panics or hangs; it returns either an
// *Error or a type whose String() parses back to the same String().

func addSeeds(f *testing.F) {
	for _, tc := range realCells {
		f.Add(tc.in)
	}
	for _, tc := range grammarCases {
		f.Add(tc.in)
	}
	for _, tc := range errorCases {
		f.Add(tc.in)
	}
}

func FuzzParse(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, src string) {
		typ, err := Parse(src, at)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("Parse(%q) error is %T, want *Error", src, err)
			}
			if !e.Pos.IsValid() {
				t.Fatalf("Parse(%q) error has no position: %v", src, err)
			}
			return
		}
		if typ == nil {
			t.Fatalf("Parse(%q) = nil, nil", src)
		}
		checkRoundTrip(t, src, typ)
	})
}

func FuzzParseSignature(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, src string) {
		ft, err := ParseSignature(src, at)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("ParseSignature(%q) error is %T, want *Error", src, err)
			}
			return
		}
		if ft == nil {
			t.Fatalf("ParseSignature(%q) = nil, nil", src)
		}
		checkRoundTrip(t, src, ft)
		if printerGap(ft) == "" && !hasEntity(ft.String()) {
			if _, err := ParseSignature(ft.String(), at); err != nil {
				t.Fatalf("ParseSignature(%q) = %q, which does not parse as a signature: %v", src, ft, err)
			}
		}
	})
}

func FuzzParseLegacy(f *testing.F) {
	for _, s := range []string{"String", "String/ArrayBuffer", "Number/String", "StringArray", "Function", "foo", "String[]/"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		typ, err := ParseLegacy(src, at)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("ParseLegacy(%q) error is %T, want *Error", src, err)
			}
			return
		}
		checkRoundTrip(t, src, typ)
	})
}
