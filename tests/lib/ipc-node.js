// ipc-node.js MODE SOCKET [TARGET_URL]: a node on a Unix socket at SOCKET
// (prints "listening" once it listens), for tests/cli/ipc.sh:
//   stall    accepts connections and reads requests, never answers;
//   split    forwards each JSON-RPC request to TARGET_URL (http) and writes
//            the answer in two pieces 100 ms apart, with no newline after
//            it and the connection left open, so that a client must find
//            the answer's end in the JSON itself;
//   garbage  answers "hello" and keeps the connection open.
'use strict';
const net = require('net');
const http = require('http');
const fs = require('fs');
const [mode, socketPath, targetArg] = process.argv.slice(2);
if (!['stall', 'split', 'garbage'].includes(mode) || !socketPath ||
    (mode === 'split' && !targetArg)) {
  console.error('usage: ipc-node.js stall|split|garbage SOCKET [TARGET_URL]');
  process.exit(2);
}

// One request: a whole JSON value, found by parsing what has come so far.
function takeRequest(buffered) {
  try {
    return JSON.parse(buffered);
  } catch (e) {
    return undefined;
  }
}

function forward(body, done) {
  const target = new URL(targetArg);
  const req = http.request({ host: target.hostname, port: target.port, method: 'POST', path: '/',
    headers: { 'Content-Type': 'application/json' } }, (res) => {
    const parts = [];
    res.on('data', (d) => parts.push(d));
    res.on('end', () => done(Buffer.concat(parts)));
  });
  req.on('error', () => done(Buffer.from('{"jsonrpc":"2.0","id":null,"error":{"code":-32000,"message":"upstream down"}}')));
  req.end(body);
}

const server = net.createServer((conn) => {
  conn.on('error', () => {});
  let buffered = '';
  conn.on('data', (d) => {
    if (mode === 'stall') return;
    if (mode === 'garbage') return void conn.write('hello');
    buffered += d.toString();
    const request = takeRequest(buffered);
    if (request === undefined) return;
    buffered = '';
    forward(JSON.stringify(request), (answer) => {
      const half = Math.floor(answer.length / 2);
      conn.write(answer.subarray(0, half));
      setTimeout(() => conn.write(answer.subarray(half)), 100);
    });
  });
});
try { fs.unlinkSync(socketPath); } catch (e) { /* none yet */ }
server.listen(socketPath, () => console.log('listening'));
