//go:build !js

package tarort

import (
	"context"
	"crypto/tls"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// Defaults for the zero values of ConnectConfig's Go-only knobs. The package
// doc explains each choice.
const (
	DefaultHandshakeTimeout   = 30 * time.Second
	DefaultWriteTimeout       = 10 * time.Second
	DefaultPingInterval       = 30 * time.Second
	DefaultPongTimeout        = 10 * time.Second
	DefaultCloseTimeout       = 5 * time.Second
	DefaultReadLimit          = 16 << 20 // bytes
	DefaultMaxPendingMessages = 256
)

// ConnectConfig is connectSocket's option object. The first four fields are
// Taro's; the rest are Go-only knobs whose zero value means the documented
// default, and, for durations and ReadLimit, a negative value means "none".
type ConnectConfig struct {
	URL        string            // "wss://example.com/chat": ws:// or wss:// only
	Header     map[string]string // {"Authorization": "Bearer x"}; Referer and handshake headers refused
	Protocols  []string          // ["chat.v1"]: sent as Sec-WebSocket-Protocol
	TCPNoDelay *bool             // nil keeps Go's default (TCP_NODELAY on); false turns Nagle's algorithm on, as WeChat's tcpNoDelay: false does

	Context            context.Context // bounds the dial only; nil = context.Background()
	HandshakeTimeout   time.Duration   // TCP + TLS + HTTP upgrade; 30s
	WriteTimeout       time.Duration   // per frame written; 10s
	PingInterval       time.Duration   // time between pings; 30s
	PongTimeout        time.Duration   // extra wait for any frame after a ping; 10s
	CloseTimeout       time.Duration   // wait for the peer's close frame after ours; 5s
	ReadLimit          int64           // largest message accepted, bytes; 16 MiB
	TLSConfig          *tls.Config     // nil = verified system roots
	MaxPendingMessages int             // messages parked while no onMessage handler; 256; negative refused
}

// settings is a validated ConnectConfig with defaults applied. Durations are
// > 0 when enabled and 0 when disabled.
type settings struct {
	url                string
	header             http.Header
	protocols          []string
	tcpNoDelay         *bool
	ctx                context.Context
	handshakeTimeout   time.Duration
	writeTimeout       time.Duration
	pingInterval       time.Duration
	pongTimeout        time.Duration
	closeTimeout       time.Duration
	readLimit          int64
	tlsConfig          *tls.Config
	maxPendingMessages int
}

// orDefault maps the zero value to def and a negative value to 0 (disabled).
func orDefault[T time.Duration | int64](v, def T) T {
	switch {
	case v == 0:
		return def
	case v < 0:
		return 0
	}
	return v
}

// handshakeHeaders are written by the WebSocket handshake itself; gorilla
// refuses most of them at dial time, so refusing all of them here turns a
// late onError into a synchronous fail with a clear message.
var handshakeHeaders = []string{
	"Connection",
	"Sec-Websocket-Extensions",
	"Sec-Websocket-Key",
	"Sec-Websocket-Protocol", // use Protocols
	"Sec-Websocket-Version",
	"Upgrade",
}

func (cfg *ConnectConfig) validate(api string) (*settings, *Error) {
	invalid := func(format string, args ...any) *Error {
		return Fail(api, ErrInvalidOption, fmt.Sprintf(format, args...))
	}

	// Taro H5 checks the prefix only (and reports it as "request:fail",
	// a typo we do not copy); a URL that net/url cannot parse, that has no
	// host, or that carries user:password (which gorilla refuses, RFC 6455
	// §3 has no userinfo) fails here with the same message.
	u, err := url.Parse(cfg.URL)
	if err != nil || (u.Scheme != "ws" && u.Scheme != "wss") || u.Host == "" || u.User != nil {
		return nil, invalid("invalid url %q", cfg.URL)
	}

	s := &settings{
		url:                cfg.URL,
		protocols:          cfg.Protocols,
		tcpNoDelay:         cfg.TCPNoDelay,
		ctx:                cfg.Context,
		handshakeTimeout:   orDefault(cfg.HandshakeTimeout, DefaultHandshakeTimeout),
		writeTimeout:       orDefault(cfg.WriteTimeout, DefaultWriteTimeout),
		pingInterval:       orDefault(cfg.PingInterval, DefaultPingInterval),
		pongTimeout:        orDefault(cfg.PongTimeout, DefaultPongTimeout),
		closeTimeout:       orDefault(cfg.CloseTimeout, DefaultCloseTimeout),
		readLimit:          orDefault(cfg.ReadLimit, DefaultReadLimit),
		tlsConfig:          cfg.TLSConfig,
		maxPendingMessages: cfg.MaxPendingMessages,
	}
	if s.ctx == nil {
		s.ctx = context.Background()
	}
	switch {
	case s.maxPendingMessages == 0:
		s.maxPendingMessages = DefaultMaxPendingMessages
	case s.maxPendingMessages < 0:
		return nil, invalid("MaxPendingMessages is %d: must not be negative", cfg.MaxPendingMessages)
	}

	// Sorted, so that of several bad headers the same one is reported on
	// every run.
	names := make([]string, 0, len(cfg.Header))
	for name := range cfg.Header {
		names = append(names, name)
	}
	slices.Sort(names)
	s.header = make(http.Header, len(names))
	for _, name := range names {
		value := cfg.Header[name]
		switch {
		case strings.ContainsAny(name, "\r\n") || strings.ContainsAny(value, "\r\n"):
			return nil, invalid("header %q contains CR or LF", name)
		case !validHeaderName(name):
			return nil, invalid("invalid header name %q", name)
		case strings.EqualFold(name, "Referer"):
			// WeChat: "header 中不能设置 Referer" (connectSocket docs).
			return nil, invalid("header %q cannot be set", name)
		case slices.Contains(handshakeHeaders, http.CanonicalHeaderKey(name)):
			return nil, invalid("header %q is set by the WebSocket handshake and cannot be overridden", name)
		case !validHeaderValue(value):
			return nil, invalid("header %q value contains a control character", name)
		}
		s.header.Add(name, value)
	}

	// RFC 6455 §4.1: subprotocols are distinct HTTP tokens.
	for i, p := range cfg.Protocols {
		if !validHeaderName(p) {
			return nil, invalid("invalid protocol %q", p)
		}
		if slices.Contains(cfg.Protocols[:i], p) {
			return nil, invalid("duplicate protocol %q", p)
		}
	}
	return s, nil
}

// validHeaderName reports whether name is an RFC 9110 token.
func validHeaderName(name string) bool {
	if name == "" {
		return false
	}
	for i := 0; i < len(name); i++ {
		c := name[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		case strings.IndexByte("!#$%&'*+-.^_`|~", c) >= 0:
		default:
			return false
		}
	}
	return true
}

// validHeaderValue refuses control characters other than tab (RFC 9110
// §5.5), and non-UTF-8 bytes, which net/http would pass through but a
// Taro (JavaScript string) value can never contain.
func validHeaderValue(v string) bool {
	for i := 0; i < len(v); i++ {
		if c := v[i]; (c < ' ' && c != '\t') || c == 0x7f {
			return false
		}
	}
	return utf8.ValidString(v)
}
