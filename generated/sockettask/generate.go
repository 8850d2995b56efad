package sockettask

// The package is generated from the pages and overlay beside this file.
//go:generate go run github.com/tarogen/tarogen/cmd/tarogen gen -o . -pkg sockettask -overlay overlay.yaml pages/SocketTask.md pages/connectSocket.md pages/sendSocketMessage.md pages/closeSocket.md pages/onSocketOpen.md pages/onSocketMessage.md pages/onSocketClose.md pages/onSocketError.md
