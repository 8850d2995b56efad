//go:build !js

package tarort

import (
	"encoding/binary"
	"net"
)

// frameWatch wraps the connection gorilla reads frames from and follows
// the headers of the frames the peer sends, for the violations that
// gorilla v1.5.3 lets through or misreports:
//
//   - a close frame with a 1-byte body (RFC 6455 §5.5.1: a body starts with
//     a 2-byte status code), which gorilla reports as "no status" (1005)
//     and which must fail the connection with 1002 instead;
//   - a 64-bit payload length with its most significant bit set (§5.2),
//     which gorilla turns into ErrReadLimit without sending a close frame;
//     the runtime sends 1002 for it.
//
// It never reads on its own and never changes a byte: it looks at what
// gorilla's bufio.Reader reads anyway. The cost is a few comparisons per
// Read and per frame header; payload bytes are skipped by counting. Read
// is called by one goroutine at a time: the dial goroutine during the
// handshake, then the reader goroutine (which receives the connection from
// it over a channel), the only one that looks at the flags; so they need
// no lock.
//
// Before the frames come HTTP responses: an HTTP proxy's answer to
// CONNECT, then the 101. The watch skips whole header blocks (each ends
// with CRLF CRLF; a 101 or a CONNECT 2xx has no body) until the 101's.
type frameWatch struct {
	net.Conn

	inHTTP  bool     // still in the handshake's HTTP responses
	status  [12]byte // "HTTP/1.1 101" of the current header block
	nStatus int
	crlf    int // bytes of "\r\n\r\n" matched so far

	hdr       [14]byte // the frame header being collected
	nHdr      int
	needHdr   int    // its size, known after 2 bytes
	remaining uint64 // payload bytes of the current frame still to pass
	done      bool   // stopped: a close frame or a bad length, after which gorilla reads no frame

	badCloseBody bool // a close frame had a 1-byte body
	badLength    bool // a 64-bit length had its top bit set
}

func newFrameWatch(c net.Conn) *frameWatch { return &frameWatch{Conn: c, inHTTP: true} }

func (w *frameWatch) Read(p []byte) (int, error) {
	n, err := w.Conn.Read(p)
	if n > 0 && !w.done {
		w.observe(p[:n])
	}
	return n, err
}

func (w *frameWatch) observe(b []byte) {
	for len(b) > 0 && !w.done {
		if w.inHTTP {
			b = w.observeHTTP(b)
			continue
		}
		if w.remaining > 0 {
			skip := uint64(len(b))
			if skip > w.remaining {
				skip = w.remaining
			}
			w.remaining -= skip
			b = b[skip:]
			continue
		}
		w.hdr[w.nHdr] = b[0]
		w.nHdr++
		b = b[1:]
		if w.nHdr == 2 {
			w.needHdr = 2
			switch w.hdr[1] & 0x7f {
			case 126:
				w.needHdr += 2
			case 127:
				w.needHdr += 8
			}
			if w.hdr[1]&0x80 != 0 {
				w.needHdr += 4 // masked: gorilla refuses it, but count right anyway
			}
		}
		if w.nHdr >= 2 && w.nHdr == w.needHdr {
			w.endHeader()
		}
	}
}

// endHeader looks at a complete frame header.
func (w *frameWatch) endHeader() {
	n := uint64(w.hdr[1] & 0x7f)
	switch n {
	case 126:
		n = uint64(binary.BigEndian.Uint16(w.hdr[2:4]))
	case 127:
		n = binary.BigEndian.Uint64(w.hdr[2:10])
		if n>>63 != 0 {
			w.badLength = true
			w.done = true
			return
		}
	}
	if w.hdr[0]&0x0f == 0x8 { // close
		w.badCloseBody = n == 1
		w.done = true
		return
	}
	w.nHdr, w.needHdr, w.remaining = 0, 0, n
}

// observeHTTP follows one HTTP response header block and returns the bytes
// after what it consumed.
func (w *frameWatch) observeHTTP(b []byte) []byte {
	const end = "\r\n\r\n"
	for i, c := range b {
		if w.nStatus < len(w.status) {
			w.status[w.nStatus] = c
			w.nStatus++
		}
		switch {
		case c == end[w.crlf]:
			w.crlf++
		case c == end[0]:
			w.crlf = 1
		default:
			w.crlf = 0
		}
		if w.crlf == len(end) {
			// "HTTP/1.1 101": the status code is at bytes 9-11.
			if w.nStatus == len(w.status) && string(w.status[9:12]) == "101" {
				w.inHTTP = false
			}
			w.nStatus, w.crlf = 0, 0
			return b[i+1:]
		}
	}
	return nil
}
