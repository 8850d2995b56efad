package main

import (
	"errors"
	"fmt"
	"go/token"
	"path/filepath"
	"strings"
)

// packageName is -pkg, or else the base name of -o made lower case without
// "-", "." and "_"; either way a name that can name the package, or a
// usage error that says why not.
func packageName(flag, out string) (string, error) {
	if flag != "" {
		if err := checkPackageName(flag); err != nil {
			return "", usageError{fmt.Sprintf("gen: -pkg %q: %v", flag, err)}
		}
		return flag, nil
	}
	abs, err := filepath.Abs(out)
	if err != nil {
		return "", err
	}
	name := strings.ToLower(strings.NewReplacer("-", "", ".", "", "_", "").Replace(filepath.Base(abs)))
	if err := checkPackageName(name); err != nil {
		return "", usageError{fmt.Sprintf("gen: the base name of -o %s gives package name %q: %v; give one with -pkg", out, name, err)}
	}
	return name, nil
}

// checkPackageName says why name cannot name the generated package, or
// returns nil. gen would otherwise write a package that does not parse
// (a keyword, a space, a newline) or that nothing can import (main, _).
func checkPackageName(name string) error {
	switch {
	case name == "":
		return errors.New("empty; a package name is a Go identifier")
	case name == "_":
		return errors.New("the blank identifier cannot name a package")
	case name == "main":
		return errors.New("package main is a program, which no other package can import")
	case token.IsKeyword(name):
		return errors.New("a Go keyword cannot name a package")
	case !token.IsIdentifier(name):
		return errors.New("not a Go identifier (a letter or _, then letters, digits and _)")
	}
	return nil
}
