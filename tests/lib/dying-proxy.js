// dying-proxy.js TARGET_URL: listens on a free port of 127.0.0.1 (printed
// as "listening PORT"), forwards JSON-RPC to TARGET_URL until it has passed
// on one eth_sendRawTransaction, then answers it and dies, as a node that
// goes away between a send and its receipt.
'use strict';
const http = require('http');
const target = new URL(process.argv[2]);

const server = http.createServer((req, res) => {
  let body = '';
  req.on('data', (chunk) => { body += chunk; });
  req.on('end', () => {
    const isSend = body.includes('"eth_sendRawTransaction"');
    const out = http.request({ host: target.hostname, port: target.port, method: 'POST',
      path: '/', headers: { 'Content-Type': 'application/json' } }, (answer) => {
      let reply = '';
      answer.on('data', (chunk) => { reply += chunk; });
      answer.on('end', () => {
        res.writeHead(answer.statusCode, { 'Content-Type': 'application/json' });
        res.end(reply, () => { if (isSend) process.exit(0); });
      });
    });
    out.end(body);
  });
});
server.listen(0, '127.0.0.1', () => console.log(`listening ${server.address().port}`));
