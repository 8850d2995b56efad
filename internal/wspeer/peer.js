// peer.js is an independent WebSocket peer for tarogen's runtime tests: an
// echo server written against the npm "ws" package (a different RFC 6455
// implementation from the gorilla/websocket one the runtime uses), so the
// runtime is not only tested against itself.
//
// It listens on 127.0.0.1 on a free port and prints "PORT <n>" on stdout once
// listening. Every message is echoed back with its type (text stays text,
// binary stays binary) and its bytes, except these text commands:
//
//	close:<code>:<reason>   close with that code and reason
//	close-nostatus          close without a status code (the client sees 1005)
//	terminate               drop the TCP connection without a close frame (1006)
//	send-invalid-utf8       send a text frame whose payload is not UTF-8
//
// It exits when stdin closes, so a crashed test never leaves it running.
'use strict';

const { WebSocketServer } = require('ws');

const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, maxPayload: 64 << 20 });

wss.on('connection', (ws) => {
  ws.on('message', (data, isBinary) => {
    if (!isBinary) {
      const text = data.toString('utf8');
      if (text.startsWith('close:')) {
        const rest = text.slice('close:'.length);
        const colon = rest.indexOf(':');
        const code = Number(colon < 0 ? rest : rest.slice(0, colon));
        const reason = colon < 0 ? '' : rest.slice(colon + 1);
        ws.close(code, reason);
        return;
      }
      switch (text) {
        case 'close-nostatus':
          ws.close();
          return;
        case 'terminate':
          ws.terminate();
          return;
        case 'send-invalid-utf8':
          // ws does not validate outgoing text, which is what this needs.
          ws.send(Buffer.from([0x68, 0x69, 0xff, 0xfe]), { binary: false });
          return;
      }
    }
    ws.send(data, { binary: isBinary });
  });
  ws.on('error', () => {}); // a peer that misbehaves on purpose must not crash the server
});

wss.on('listening', () => {
  process.stdout.write(`PORT ${wss.address().port}\n`);
});

process.stdin.resume();
process.stdin.on('end', () => process.exit(0));
process.stdin.on('error', () => process.exit(0));
