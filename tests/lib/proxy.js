// proxy.js MODE [N [MS]] TARGET_URL: listens on a free port of 127.0.0.1
// (printed as "listening PORT") and forwards JSON-RPC to TARGET_URL, as a
// node that misbehaves in one way:
//   die-after-send  passes on one eth_sendRawTransaction, answers it and
//                   dies, as a node that goes away between a send and its
//                   receipt;
//   refuse-logs     answers eth_getLogs (alone or in a batch) with a
//                   JSON-RPC error, as nodes that limit log queries do;
//   limit-log-range N  the same for eth_getLogs spanning more than N blocks
//                   (fromBlock to toBlock), as most public nodes do;
//   refuse-logs-first N  the same for the first N eth_getLogs calls only, as a
//                   node that is briefly overloaded;
//   blank-info      empties the text of every Info(string) event in the
//                   answers (eth_getLogs, receipts; alone or in batches), as
//                   a deployment that words nothing would, so that what a
//                   client derives cannot have come from the wording.
//   slow-log-range N MS  answers a request holding an eth_getLogs that spans
//                   more than N blocks MS milliseconds late, as a loaded node.
//   slow-method METHODS MS  answers a request holding a call of one of
//                   METHODS (comma-separated; alone or in a batch) MS
//                   milliseconds late, as a node slow on some requests.
//   other-contract  names another contract address in every receipt of a
//                   contract creation, as a node that lies about a deployment.
//   fail-estimate   answers eth_estimateGas (alone or in a batch) with a
//                   JSON-RPC error, as some proof-of-authority nodes do.
//   refuse-methods METHODS  answers every call of one of METHODS
//                   (comma-separated; alone or in a batch) with JSON-RPC
//                   error -32601 "method not found", as a node that does not
//                   offer them (eth_simulateV1, debug_traceCall...).
//   gas-price WEI   answers eth_gasPrice and eth_maxPriorityFeePerGas with
//                   WEI, as a node that suggests a price on a zero-fee chain.
//   prune-state N   answers eth_call at a block below N with anvil's error for
//                   a state it no longer keeps, as a node that is no archive.
//   skew-balance N  adds 1 wei to the available ENT of every balanceENT read
//                   at block N or later ("latest" included), as a deployment
//                   whose rules differ from the project's contract there.
// Each refused or slowed call is logged on standard output ("refused A..B",
// "refused METHOD", "slowed A..B", "slowed METHOD"), so that tests can count
// them.
'use strict';
const http = require('http');
const args = process.argv.slice(2);
const mode = args[0];
const numbers = { 'limit-log-range': 1, 'refuse-logs-first': 1, 'slow-log-range': 2, 'slow-method': 2,
  'gas-price': 1, 'prune-state': 1, 'skew-balance': 1, 'refuse-methods': 1 }[mode] || 0;
const slowMethods = mode === 'slow-method' ? args[1].split(',') : [];
const refusedMethods = mode === 'refuse-methods' ? args[1].split(',') : [];
const price = mode === 'gas-price' ? `0x${BigInt(args[1]).toString(16)}` : null;
const limit = numbers && !slowMethods.length && !price && !refusedMethods.length
  ? Number(args[1]) : Infinity;
const delay = numbers === 2 ? Number(args[2]) : 0;
const targetArg = args[1 + numbers];
if (!['die-after-send', 'refuse-logs', 'limit-log-range', 'refuse-logs-first', 'slow-log-range',
    'slow-method', 'blank-info', 'other-contract', 'fail-estimate', 'gas-price', 'prune-state',
    'skew-balance', 'refuse-methods'].includes(mode) ||
    !targetArg || !(limit > 0) || !(delay >= 0)) {
  console.error('usage: proxy.js die-after-send|refuse-logs|limit-log-range N|refuse-logs-first N|' +
    'slow-log-range N MS|slow-method METHODS MS|blank-info|other-contract|fail-estimate|' +
    'gas-price WEI|prune-state N|skew-balance N|refuse-methods METHODS TARGET_URL');
  process.exit(2);
}
const target = new URL(targetArg);

const INFO_TOPIC = '0x6d128f203c67be3b2d9bf1612fd59bdd6ae01f4f0d2ffedd05e76ab2a09b7f8a';
// ABI encoding of "": the offset 0x20, then the length 0.
const EMPTY_STRING = `0x${'0'.repeat(62)}20${'0'.repeat(64)}`;

// Rewrites, anywhere in a JSON answer, the data of logs whose first topic
// is Info's.
function blankInfo(value) {
  if (Array.isArray(value)) {
    value.forEach(blankInfo);
  } else if (value && typeof value === 'object') {
    if (Array.isArray(value.topics) && String(value.topics[0]).toLowerCase() === INFO_TOPIC
        && typeof value.data === 'string') {
      value.data = EMPTY_STRING;
    }
    Object.values(value).forEach(blankInfo);
  }
  return value;
}

const OTHER_CONTRACT = '0x00000000000000000000000000000000000000c0';

// Rewrites, anywhere in a JSON answer, a receipt's created contract address.
function otherContract(value) {
  if (Array.isArray(value)) {
    value.forEach(otherContract);
  } else if (value && typeof value === 'object') {
    if (typeof value.contractAddress === 'string') value.contractAddress = OTHER_CONTRACT;
    Object.values(value).forEach(otherContract);
  }
  return value;
}

// Whether an eth_getLogs call spans more than `limit` blocks. Tags such as
// "latest" are not numbers: such a range counts as too wide.
function tooWide(call) {
  if (call.method !== 'eth_getLogs') return false;
  const f = (call.params || [])[0] || {};
  return !(Number(f.toBlock) - Number(f.fromBlock) + 1 <= limit);
}

function range(call) {
  if (call.method !== 'eth_getLogs') return call.method;
  const f = (call.params || [])[0] || {};
  return `${f.fromBlock}..${f.toBlock}`;
}

let logsRefused = 0;

// The block an eth_call reads at, as a number ("latest": Infinity).
function callBlock(call) {
  const tag = (call.params || [])[1];
  return typeof tag === 'string' && tag.startsWith('0x') ? Number(tag) : Infinity;
}

const BALANCE_ENT = '0x9b5a3dd1'; // balanceENT()'s selector

// Whether this call is one the node refuses in this mode.
function refused(call) {
  if (mode === 'refuse-logs') return call.method === 'eth_getLogs';
  if (mode === 'refuse-logs-first') {
    return call.method === 'eth_getLogs' && logsRefused++ < limit;
  }
  if (mode === 'prune-state') return call.method === 'eth_call' && callBlock(call) < limit;
  if (mode === 'fail-estimate') return call.method === 'eth_estimateGas';
  if (mode === 'refuse-methods') return refusedMethods.includes(call.method);
  return mode === 'limit-log-range' && tooWide(call);
}

function refuseLogs(call) {
  if (mode === 'refuse-methods') {
    return { jsonrpc: '2.0', id: call.id,
      error: { code: -32601, message: `the method ${call.method} does not exist/is not available` } };
  }
  const message = {
    'refuse-logs': 'query returned more than 10000 results',
    'refuse-logs-first': 'server busy, try again later',
    'fail-estimate': 'the method eth_estimateGas does not exist/is not available',
    'prune-state': `BlockOutOfRangeError: state of block ${callBlock(call)} is not kept`,
  }[mode] || `block range too large: at most ${limit} blocks`;
  return { jsonrpc: '2.0', id: call.id, error: { code: mode === 'prune-state' ? -32602 : -32005,
    message } };
}

// Forwards body; calls done(status, reply) with the target's answer.
function forward(body, done) {
  const out = http.request({ host: target.hostname, port: target.port, method: 'POST',
    path: '/', headers: { 'Content-Type': 'application/json' } }, (answer) => {
    let reply = '';
    answer.on('data', (chunk) => { reply += chunk; });
    answer.on('end', () => done(answer.statusCode, reply));
  });
  out.end(body);
}

// In the log-refusing modes: the calls that go on to the target, and a
// function that puts the refused ones back into its answer in their places.
function splitLogs(body) {
  const parsed = JSON.parse(body);
  const calls = Array.isArray(parsed) ? parsed : [parsed];
  const refusedCalls = new Set(calls.filter(refused));
  for (const c of refusedCalls) console.log(`refused ${range(c)}`);
  const kept = calls.filter((c) => !refusedCalls.has(c));
  const merge = (reply) => {
    const answers = kept.length ? [].concat(JSON.parse(reply)) : [];
    const byId = new Map(answers.map((a) => [a.id, a]));
    const all = calls.map((c) => (refusedCalls.has(c) ? refuseLogs(c) : byId.get(c.id)));
    return JSON.stringify(Array.isArray(parsed) ? all : all[0]);
  };
  return { body: JSON.stringify(Array.isArray(parsed) ? kept : kept[0]), empty: !kept.length, merge };
}

const server = http.createServer((req, res) => {
  let body = '';
  req.on('data', (chunk) => { body += chunk; });
  req.on('end', () => {
    const reply = (status, text, then) => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(text, then);
    };
    if (mode === 'refuse-logs' || mode === 'limit-log-range' || mode === 'refuse-logs-first' ||
        mode === 'fail-estimate' || mode === 'prune-state' || mode === 'refuse-methods') {
      const split = splitLogs(body);
      if (split.empty) return reply(200, split.merge(''));
      return forward(split.body, (status, text) => reply(status, split.merge(text)));
    }
    if (mode === 'blank-info' || mode === 'other-contract') {
      const rewrite = mode === 'blank-info' ? blankInfo : otherContract;
      return forward(body, (status, text) => {
        let changed = text;
        try { changed = JSON.stringify(rewrite(JSON.parse(text))); } catch (e) { /* not JSON: as is */ }
        reply(status, changed);
      });
    }
    if (mode === 'gas-price') {
      const priced = new Set([].concat(JSON.parse(body))
        .filter((c) => c.method === 'eth_gasPrice' || c.method === 'eth_maxPriorityFeePerGas')
        .map((c) => c.id));
      return forward(body, (status, text) => {
        const answer = JSON.parse(text);
        for (const a of [].concat(answer)) if (priced.has(a.id) && 'result' in a) a.result = price;
        reply(status, JSON.stringify(answer));
      });
    }
    if (mode === 'skew-balance') {
      const skewed = new Set([].concat(JSON.parse(body))
        .filter((c) => c.method === 'eth_call' && callBlock(c) >= limit &&
          String(((c.params || [])[0] || {}).data).startsWith(BALANCE_ENT))
        .map((c) => c.id));
      return forward(body, (status, text) => {
        const answer = JSON.parse(text);
        for (const a of [].concat(answer)) {
          if (skewed.has(a.id) && typeof a.result === 'string' && a.result.length >= 66) {
            const word = (BigInt(a.result.slice(0, 66)) + 1n).toString(16).padStart(64, '0');
            a.result = `0x${word}${a.result.slice(66)}`;
          }
        }
        reply(status, JSON.stringify(answer));
      });
    }
    if (mode === 'slow-log-range') {
      const wide = [].concat(JSON.parse(body)).filter(tooWide);
      for (const c of wide) console.log(`slowed ${range(c)}`);
      return forward(body, (status, text) => setTimeout(() => reply(status, text),
        wide.length ? delay : 0));
    }
    if (mode === 'slow-method') {
      const slow = [].concat(JSON.parse(body)).map((c) => c.method)
        .filter((m) => slowMethods.includes(m));
      for (const m of new Set(slow)) console.log(`slowed ${m}`);
      return forward(body, (status, text) => setTimeout(() => reply(status, text),
        slow.length ? delay : 0));
    }
    const isSend = body.includes('"eth_sendRawTransaction"');
    forward(body, (status, text) => reply(status, text, () => { if (isSend) process.exit(0); }));
  });
});
server.listen(0, '127.0.0.1', () => console.log(`listening ${server.address().port}`));
