package sockettask

// The package is generated from the pages beside this file alone: the
// corrections Taro's pages need are tarogen's built-ins (package
// github.com/tarogen/tarogen/corrections), so this package needs no overlay.
//go:generate go run github.com/tarogen/tarogen/cmd/tarogen gen -o . -pkg sockettask pages/SocketTask.md pages/connectSocket.md pages/sendSocketMessage.md pages/closeSocket.md pages/onSocketOpen.md pages/onSocketMessage.md pages/onSocketClose.md pages/onSocketError.md
