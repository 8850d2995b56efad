package main

import (
	"errors"
	"go/token"
)

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
