package tarort

// Ready states, as SocketTask.readyState and the browser's WebSocket number
// them.
const (
	Connecting = 0
	Open       = 1
	Closing    = 2
	Closed     = 3
)

var stateNames = [...]string{"CONNECTING", "OPEN", "CLOSING", "CLOSED"}

// OpenEvent is onOpen's argument.
type OpenEvent struct {
	Header map[string]string // handshake response header: {"Sec-Websocket-Protocol": "chat"}; repeated fields joined by ", "
}

// MessageEvent is onMessage's argument: Text for a text message, Data for a
// binary one. Data belongs to the handler, which may keep it.
type MessageEvent struct {
	Binary bool
	Text   string
	Data   []byte
}

// ErrorEvent is onError's argument.
type ErrorEvent struct {
	ErrMsg string // "connectSocket:fail handshake refused: HTTP 403 Forbidden"
	Err    error  // the *Error behind ErrMsg: errors.Is(Err, ErrHandshake), errors.As(Err, &*Error)
}

// CloseEvent is onClose's argument.
type CloseEvent struct {
	Code   int    // as the peer sent it; 1005 if it sent none; 1006 if there was no close handshake
	Reason string // as the peer sent it
}
