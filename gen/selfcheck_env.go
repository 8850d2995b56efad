package gen

import (
	"os"
	"strings"
)

// nativeEnv is the environment go/packages runs go list in: the caller's,
// with GOOS and GOARCH reset to the host's and no GOFLAGS tags, so a
// GOOS=js build of tarogen's caller does not make the self-check load the
// js runtime (whose files it does not check).
func nativeEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		if strings.HasPrefix(kv, "GOOS=") || strings.HasPrefix(kv, "GOARCH=") {
			continue
		}
		env = append(env, kv)
	}
	return env
}
