// tls-proxy.js CERT KEY TARGET_URL: an https front for a JSON-RPC node.
// Listens on a free port of 127.0.0.1 with the certificate CERT and its
// key KEY (PEM files), prints "listening PORT", and forwards every POST to
// TARGET_URL (http), answering what it answers.
'use strict';
const https = require('https');
const http = require('http');
const fs = require('fs');
const [certFile, keyFile, targetArg] = process.argv.slice(2);
if (!certFile || !keyFile || !targetArg) {
  console.error('usage: tls-proxy.js CERT KEY TARGET_URL');
  process.exit(2);
}
const target = new URL(targetArg);
const server = https.createServer({ cert: fs.readFileSync(certFile), key: fs.readFileSync(keyFile) },
  (req, res) => {
    const parts = [];
    req.on('data', (d) => parts.push(d));
    req.on('end', () => {
      const up = http.request({ host: target.hostname, port: target.port, method: 'POST',
        path: '/', headers: { 'Content-Type': 'application/json' } }, (ur) => {
        res.writeHead(ur.statusCode, { 'Content-Type': 'application/json' });
        ur.pipe(res);
      });
      up.on('error', () => res.writeHead(502).end());
      up.end(Buffer.concat(parts));
    });
  });
server.on('tlsClientError', () => {});
server.listen(0, '127.0.0.1', () => console.log(`listening ${server.address().port}`));
