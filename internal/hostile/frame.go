// Package hostile is a WebSocket peer that breaks the rules on purpose. It
// performs a valid HTTP upgrade by hand on a raw TCP connection and then
// writes whatever bytes a test gives it, built with Frame: reserved bits,
// reserved opcodes, masked server frames, oversized control frames, lying
// length fields, invalid UTF-8, half frames. It reads back what the client
// sends, so a test can pin the close code the client put on the wire.
//
// The runtime's conformance tests (runtime/tarort/hostile_test.go), its fuzz target
// (FuzzPeerStream) and this package's own tests of the generated package
// use it. wspeer is the well-behaved peer; this one is not.
package hostile

import (
	"encoding/binary"
)

// Opcodes, RFC 6455 §5.2. 0x3-0x7 and 0xB-0xF are reserved.
const (
	OpContinuation = 0x0
	OpText         = 0x1
	OpBinary       = 0x2
	OpClose        = 0x8
	OpPing         = 0x9
	OpPong         = 0xA
)

// Length forms of the payload length field, RFC 6455 §5.2.
const (
	LenAuto = iota // the shortest form that fits, as a conforming sender writes
	Len7           // 7-bit: 0-125
	Len16          // 126 then a 16-bit length
	Len64          // 127 then a 64-bit length
)

// Frame is one frame as the peer sends it. No bit is set unless the test
// sets it (Fin included), so a case reads like the wire.
type Frame struct {
	Fin              bool
	RSV1, RSV2, RSV3 bool
	Opcode           byte    // OpText, 0x3...
	Mask             bool    // servers must not mask (RFC 6455 §5.1)
	MaskKey          [4]byte // used when Mask
	LenForm          int     // LenAuto, Len7, Len16, Len64
	Length           *uint64 // the length field's value if not len(Payload): a lie
	Payload          []byte
}

// Bytes encodes f. A Length or LenForm that cannot hold the value is
// truncated to the field, which is what a hostile peer wants.
func (f Frame) Bytes() []byte {
	n := uint64(len(f.Payload))
	if f.Length != nil {
		n = *f.Length
	}
	b0 := f.Opcode & 0x0f
	if f.Fin {
		b0 |= 0x80
	}
	if f.RSV1 {
		b0 |= 0x40
	}
	if f.RSV2 {
		b0 |= 0x20
	}
	if f.RSV3 {
		b0 |= 0x10
	}
	var b1 byte
	if f.Mask {
		b1 = 0x80
	}
	form := f.LenForm
	if form == LenAuto {
		switch {
		case n <= 125:
			form = Len7
		case n <= 0xffff:
			form = Len16
		default:
			form = Len64
		}
	}
	out := make([]byte, 0, 14+len(f.Payload))
	switch form {
	case Len7:
		out = append(out, b0, b1|byte(n&0x7f))
	case Len16:
		out = append(out, b0, b1|126)
		out = binary.BigEndian.AppendUint16(out, uint16(n))
	default:
		out = append(out, b0, b1|127)
		out = binary.BigEndian.AppendUint64(out, n)
	}
	if f.Mask {
		out = append(out, f.MaskKey[:]...)
		start := len(out)
		out = append(out, f.Payload...)
		for i := range f.Payload {
			out[start+i] ^= f.MaskKey[i%4]
		}
		return out
	}
	return append(out, f.Payload...)
}

// Text is a final, unmasked text frame.
func Text(s string) []byte { return Frame{Fin: true, Opcode: OpText, Payload: []byte(s)}.Bytes() }

// Binary is a final, unmasked binary frame.
func Binary(b []byte) []byte { return Frame{Fin: true, Opcode: OpBinary, Payload: b}.Bytes() }

// Fragment is one frame of a fragmented message: op is OpText or OpBinary
// for the first, OpContinuation for the rest.
func Fragment(op byte, fin bool, payload []byte) []byte {
	return Frame{Fin: fin, Opcode: op, Payload: payload}.Bytes()
}

// Ping is a ping frame with payload (which may be over 125 bytes: then it
// is a protocol violation).
func Ping(payload []byte) []byte { return Frame{Fin: true, Opcode: OpPing, Payload: payload}.Bytes() }

// Close is a close frame with a 2-byte code and reason; the code and the
// reason are written as given, valid or not.
func Close(code uint16, reason string) []byte {
	p := binary.BigEndian.AppendUint16(nil, code)
	return Frame{Fin: true, Opcode: OpClose, Payload: append(p, reason...)}.Bytes()
}

// ClosePayload is a close frame with exactly payload as its body (empty,
// 1 byte, invalid UTF-8...).
func ClosePayload(payload []byte) []byte {
	return Frame{Fin: true, Opcode: OpClose, Payload: payload}.Bytes()
}

// Concat joins frames into one write.
func Concat(frames ...[]byte) []byte {
	var out []byte
	for _, f := range frames {
		out = append(out, f...)
	}
	return out
}

// ClientFrame is a frame the client sent, unmasked.
type ClientFrame struct {
	Fin     bool
	RSV     byte // the three RSV bits, 0 from a conforming client
	Opcode  byte
	Masked  bool
	Payload []byte
}

// CloseCode returns the status code and reason of a close frame: 1005 if
// the frame has no body (RFC 6455 §7.1.5).
func (f ClientFrame) CloseCode() (code int, reason string) {
	if len(f.Payload) < 2 {
		return 1005, ""
	}
	return int(binary.BigEndian.Uint16(f.Payload)), string(f.Payload[2:])
}
