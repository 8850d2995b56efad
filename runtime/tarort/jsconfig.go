//go:build js && wasm

package tarort

import (
	"context"
	"time"
)

// ConnectConfig is connectSocket's option object, as generated code's
// ConnectSocketOption.Config carries it. On js/wasm the host opens the
// connection, so only the first four fields (Taro's own, which the
// generated option fills in) reach it, and the Go-only knobs are accepted
// and ignored: a program that sets them builds for both backends. There is
// no TLSConfig here: the host does TLS (as coder/websocket's js DialOptions
// have no TLS settings), and crypto/tls alone would add about 600 KB
// gzipped to every js build.
type ConnectConfig struct {
	URL        string            // "wss://example.com/chat"
	Header     map[string]string // passed on; Taro H5 ignores it (browsers cannot set WebSocket headers)
	Protocols  []string          // ["chat.v1"]
	TCPNoDelay *bool             // passed on; browsers ignore it

	Context            context.Context // ignored on js/wasm
	HandshakeTimeout   time.Duration   // ignored on js/wasm
	WriteTimeout       time.Duration   // ignored on js/wasm
	PingInterval       time.Duration   // ignored on js/wasm
	PongTimeout        time.Duration   // ignored on js/wasm
	CloseTimeout       time.Duration   // ignored on js/wasm
	ReadLimit          int64           // ignored on js/wasm
	MaxPendingMessages int             // ignored on js/wasm; see MaxParkedEvents
}
