package tarort

import (
	"errors"
	"strings"
)

// SupportPackageIsVersion1 is referenced by generated code, so that code
// generated for this runtime refuses to compile against an incompatible one
// (the protobuf-go habit). Bump the number, never reuse it.
const SupportPackageIsVersion1 = true

// Sentinels for errors.Is. An *Error's Err is one of these, or joins one of
// these with the underlying cause (so errors.As still finds, for example, a
// *net.OpError).
var (
	// ErrInvalidOption: an argument failed validation; nothing was sent.
	ErrInvalidOption = errors.New("invalid option")
	// ErrNotOpen: the task has not reached OPEN yet (readyState CONNECTING).
	ErrNotOpen = errors.New("socket is not open")
	// ErrNotSupported: the API does not exist on this platform.
	ErrNotSupported = errors.New("not supported")
	// ErrClosed: the task is CLOSING or CLOSED, or was closed before it opened.
	ErrClosed = errors.New("socket is closed")
	// ErrTimeout: a dial, handshake, write, pong or close deadline passed.
	ErrTimeout = errors.New("timeout")
	// ErrNoTask: a global API (sendSocketMessage, closeSocket, onSocket*) was
	// called before any connectSocket.
	ErrNoTask = errors.New("no socket task")

	// ErrHandshake: the connection could not be established (nothing
	// listening, TLS failure, HTTP status other than 101, cancelled dial).
	ErrHandshake = errors.New("websocket handshake failed")
	// ErrProtocol: the peer broke RFC 6455 (close 1002) or sent a text
	// message that is not UTF-8 (close 1007).
	ErrProtocol = errors.New("websocket protocol error")
	// ErrTooLarge: a message exceeded ConnectConfig.ReadLimit (close 1009).
	ErrTooLarge = errors.New("message too large")
	// ErrAbnormalClosure: the connection ended without a close handshake
	// (close 1006).
	ErrAbnormalClosure = errors.New("abnormal closure")
)

// Error is every failure the runtime reports. Error() is the Taro errMsg,
// "<api>:fail <reason>", which generated code passes to fail/complete
// callbacks unchanged.
type Error struct {
	API    string // Taro API name as called: "connectSocket", "SocketTask.send"
	Reason string // e.g. `invalid url "ftp://x"`
	Err    error  // a sentinel above, possibly joined with the cause
}

func (e *Error) Error() string { return e.API + ":fail " + e.Reason }

// ErrMsg returns the Taro errMsg; it is the same as Error().
func (e *Error) ErrMsg() string { return e.Error() }

func (e *Error) Unwrap() error { return e.Err }

// Fail returns an *Error for api with the given sentinel and reason.
func Fail(api string, sentinel error, reason string) *Error {
	return &Error{API: api, Reason: reason, Err: sentinel}
}

// NotSupported returns the error for an API that has no implementation on
// platform: "<api>:fail not supported on <platform>".
func NotSupported(api, platform string) *Error {
	return Fail(api, ErrNotSupported, "not supported on "+platform)
}

// OKMsg returns the success errMsg of api: "<api>:ok", except for the
// task's send and close, which succeed with "sendSocketMessage:ok" and
// "closeSocket:ok", as in Taro's H5 and React Native runtimes (doc.go cites
// them). Their failures keep the method's name: "SocketTask.send:fail …".
func OKMsg(api string) string {
	switch api {
	case "SocketTask.send":
		return "sendSocketMessage:ok"
	case "SocketTask.close":
		return "closeSocket:ok"
	}
	return api + ":ok"
}

// failCause is Fail with the underlying cause kept next to the sentinels,
// so that errors.Is matches each sentinel and errors.As reaches the cause.
func failCause(api string, cause error, reason string, sentinels ...error) *Error {
	return &Error{API: api, Reason: reason, Err: &causeError{errs: append(sentinels, cause)}}
}

// causeError joins sentinels and a cause. It reads "<sentinel>: <cause>" on
// one line, unlike errors.Join's one line per error.
type causeError struct{ errs []error }

func (c *causeError) Error() string {
	var b strings.Builder
	for i, err := range c.errs {
		if i > 0 {
			b.WriteString(": ")
		}
		b.WriteString(err.Error())
	}
	return b.String()
}

func (c *causeError) Unwrap() []error { return c.errs }
