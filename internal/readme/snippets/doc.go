// Package snippets is where internal/readme's TestSnippetsCompile compiles
// README.md's Go snippets against the generated API. The snippets are
// never written here: go vet reads them through -overlay as a second file
// of this package. This file only makes the directory exist.
package snippets
