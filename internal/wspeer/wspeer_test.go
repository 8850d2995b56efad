package wspeer

import (
	"errors"
	"net/http"
	"testing"
	"time"

	"github.com/gorilla/websocket"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// dial connects a raw gorilla client, closed when the test ends.
func dial(t *testing.T, url string) *websocket.Conn {
	t.Helper()
	conn, _, err := websocket.DefaultDialer.Dial(url, nil)
	if err != nil {
		t.Fatalf("Dial(%s) = %v", url, err)
	}
	t.Cleanup(func() { conn.Close() })
	conn.SetReadDeadline(time.Now().Add(10 * time.Second))
	return conn
}

func testEchoAndClose(t *testing.T, url string) {
	conn := dial(t, url)
	for _, typ := range []int{websocket.TextMessage, websocket.BinaryMessage} {
		if err := conn.WriteMessage(typ, []byte("hello")); err != nil {
			t.Fatal(err)
		}
		gotType, got, err := conn.ReadMessage()
		if err != nil || gotType != typ || string(got) != "hello" {
			t.Fatalf("echo = %d %q %v, want %d hello", gotType, got, err, typ)
		}
	}
	if err := conn.WriteMessage(websocket.TextMessage, []byte("close:4001:bye")); err != nil {
		t.Fatal(err)
	}
	_, _, err := conn.ReadMessage()
	var ce *websocket.CloseError
	if !errors.As(err, &ce) || ce.Code != 4001 || ce.Text != "bye" {
		t.Fatalf("after close:4001:bye, ReadMessage error = %v, want close 4001 bye", err)
	}
}

func TestServerEchoAndClose(t *testing.T) {
	testEchoAndClose(t, NewServer(t, Options{}).URL)
}

func TestNodePeerEchoAndClose(t *testing.T) {
	testEchoAndClose(t, Start(t))
}

func TestServerRefuses(t *testing.T) {
	srv := NewServer(t, Options{RefuseStatus: http.StatusForbidden})
	_, resp, err := websocket.DefaultDialer.Dial(srv.URL, http.Header{"X-A": {"b"}})
	if !errors.Is(err, websocket.ErrBadHandshake) || resp == nil || resp.StatusCode != http.StatusForbidden {
		t.Fatalf("Dial = %v, want a refused handshake with 403", err)
	}
	if h := srv.RequestHeaders(); len(h) != 1 || h[0].Get("X-A") != "b" {
		t.Errorf("RequestHeaders() = %v, want one with X-A: b", h)
	}
}

func TestServerRecordsClose(t *testing.T) {
	srv := NewServer(t, Options{})
	conn := dial(t, srv.URL)
	conn.WriteMessage(websocket.CloseMessage, websocket.FormatCloseMessage(4005, "why"))
	if got, want := srv.NextClose(t), (CloseFrame{Code: 4005, Reason: "why"}); got != want {
		t.Errorf("NextClose() = %+v, want %+v", got, want)
	}
}
