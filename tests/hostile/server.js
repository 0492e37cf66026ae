#!/usr/bin/env node
// A hostile or broken Ethereum JSON-RPC node for tests/hostile/hostile.sh.
//
//   node server.js MODE PORT LOGFILE
//
// Listens on 127.0.0.1:PORT (0: any free port) and prints "port N" once it
// listens. Every JSON-RPC method it is asked is appended to LOGFILE, one per
// line, so a test can prove what the client did (or never did). Apart from
// what MODE breaks, it answers the calls `send` and `call` make with fixed,
// plausible values; eth_sendRawTransaction answers keccak256 of the raw
// transaction, as a real node does.
'use strict';

const http = require('http');
const fs = require('fs');

const MODES = {
    'ok': 'plausible answers to everything',
    'invalid-json': 'a body that is not JSON',
    'wrong-types': 'numbers and objects where hex strings are expected',
    'huge': 'a 100 MiB answer, streamed',
    'trickle': 'headers, then one byte every half second forever',
    'http-500': 'HTTP 500 to everything',
    'rpc-error': 'a JSON-RPC error object to everything',
    'escape-error': 'a JSON-RPC error whose message holds terminal escapes',
    'escape-send': 'eth_sendRawTransaction refused with escapes, a C1 CSI and a bidi override in the message',
    'wrong-chain': 'eth_chainId says 1',
    'chain-change': 'eth_chainId says 4200 until a transaction has been sent, 1 afterwards',
    'no-receipt': 'eth_getTransactionReceipt is always null',
    'receipt-trickle': 'eth_getTransactionReceipt (alone or in a batch) answers like trickle',
    'escape-revert': 'a reverted receipt whose revert reason holds terminal escapes',
    'wrong-hash': 'eth_sendRawTransaction answers a hash that is not the transaction\'s',
    'bad-abi': 'eth_call data whose ABI offset points outside the data',
    'batch-missing': 'batch answers without the eth_estimateGas answer',
    'batch-duplicate': 'batch answers with one answer repeated',
    'many-values': 'eth_call answers a 12 MiB list of 6 million zeros (1 GiB as a parsed tree)',
    'long-call': 'eth_call answers 20 MiB of hex, within the old 32 MiB limit for any answer',
    'escape-votes': 'eth_call answers getVotes with a vote string holding an OSC title, a C1 CSI, a bidi override, a raw 0x9B and DEL',
    'endless-head': 'eth_blockNumber says 2^64 - 1, code at every block, every block exists (empty)',
    'many-logs': 'every block exists (empty), and eth_getLogs answers 12,000 logs for any range',
};

const [mode, portArg, logFile] = process.argv.slice(2);
if (!(mode in MODES) || !/^[0-9]+$/.test(portArg || '') || !logFile) {
    process.stderr.write('usage: server.js MODE PORT LOGFILE\nmodes:\n' +
        Object.entries(MODES).map(([m, d]) => `  ${m}: ${d}\n`).join(''));
    process.exit(2);
}

// ---- keccak256 (FIPS 202 permutation, original Keccak padding) ----------
const MASK = (1n << 64n) - 1n;
const RC = [
    0x0000000000000001n, 0x0000000000008082n, 0x800000000000808an, 0x8000000080008000n,
    0x000000000000808bn, 0x0000000080000001n, 0x8000000080008081n, 0x8000000000008009n,
    0x000000000000008an, 0x0000000000000088n, 0x0000000080008009n, 0x000000008000000an,
    0x000000008000808bn, 0x800000000000008bn, 0x8000000000008089n, 0x8000000000008003n,
    0x8000000000008002n, 0x8000000000000080n, 0x000000000000800an, 0x800000008000000an,
    0x8000000080008081n, 0x8000000000008080n, 0x0000000080000001n, 0x8000000080008008n,
];
// ROT[x][y]: rotation of lane (x, y).
const ROT = [[0, 36, 3, 41, 18], [1, 44, 10, 45, 2], [62, 6, 43, 15, 61],
    [28, 55, 25, 21, 56], [27, 20, 39, 8, 14]];

function rotl(v, n) {
    return n === 0 ? v : ((v << BigInt(n)) | (v >> BigInt(64 - n))) & MASK;
}

function keccakF(s) {
    for (let round = 0; round < 24; round++) {
        const c = [0, 1, 2, 3, 4].map((x) => s[x] ^ s[x + 5] ^ s[x + 10] ^ s[x + 15] ^ s[x + 20]);
        for (let x = 0; x < 5; x++) {
            const d = c[(x + 4) % 5] ^ rotl(c[(x + 1) % 5], 1);
            for (let y = 0; y < 5; y++) s[x + 5 * y] ^= d;
        }
        const b = new Array(25);
        for (let x = 0; x < 5; x++)
            for (let y = 0; y < 5; y++) b[y + 5 * ((2 * x + 3 * y) % 5)] = rotl(s[x + 5 * y], ROT[x][y]);
        for (let x = 0; x < 5; x++)
            for (let y = 0; y < 5; y++)
                s[x + 5 * y] = b[x + 5 * y] ^ (~b[(x + 1) % 5 + 5 * y] & MASK & b[(x + 2) % 5 + 5 * y]);
        s[0] ^= RC[round];
    }
}

function keccak256(bytes) {
    const rate = 136;
    const padded = Buffer.alloc((Math.floor(bytes.length / rate) + 1) * rate);
    bytes.copy(padded);
    padded[bytes.length] ^= 0x01;
    padded[padded.length - 1] ^= 0x80;
    const s = new Array(25).fill(0n);
    for (let off = 0; off < padded.length; off += rate) {
        for (let i = 0; i < rate / 8; i++) s[i] ^= padded.readBigUInt64LE(off + 8 * i);
        keccakF(s);
    }
    const out = Buffer.alloc(32);
    for (let i = 0; i < 4; i++) out.writeBigUInt64LE(s[i], 8 * i);
    return out;
}

// ---- plausible answers --------------------------------------------------
const CONTRACT = '0x5fbdb2315678afecb367f032d93f642f64180aa3';
const INFO_TOPIC = '0x' + keccak256(Buffer.from('Info(string)')).toString('hex');

function word(n) {
    return BigInt(n).toString(16).padStart(64, '0');
}

function abiString(text) {
    const hex = Buffer.from(text).toString('hex');
    return '0x' + word(32) + word(hex.length / 2) + hex.padEnd(Math.ceil(hex.length / 64) * 64, '0');
}

// getVotes' answer, ((string vote, bool userVote, bool passed)[]), with one
// vote whose string is these raw bytes (not necessarily UTF-8).
function abiVotes(bytes) {
    const hex = bytes.toString('hex');
    return '0x' + word(32) + word(1) + word(32) + word(96) + word(1) + word(0) +
        word(bytes.length) + hex.padEnd(Math.ceil(hex.length / 64) * 64, '0');
}
const HOSTILE_VOTE = Buffer.concat([Buffer.from('Add_Voter_\u001b]0;pwned\u0007 \u009b2J \u202e '),
    Buffer.from([0x9b, 0x20, 0x7f]), Buffer.from(' end')]);

let sentOne = false;

// Block n of a chain that has every block: its hash is n's, its parent n - 1's.
function chainBlock(n) {
    return { number: '0x' + n.toString(16), timestamp: '0x65000000', baseFeePerGas: '0x0',
        hash: '0x' + word(n + 1n), parentHash: '0x' + word(n), transactions: [] };
}

function answer(method, params) {
    switch (method) {
    case 'eth_chainId':
        if (mode === 'wrong-chain' || (mode === 'chain-change' && sentOne)) return '0x1';
        return mode === 'wrong-types' ? 4200 : '0x1068';
    case 'eth_getTransactionCount': return '0x0';
    case 'eth_blockNumber': return mode === 'endless-head' ? '0xffffffffffffffff' : '0x10';
    case 'eth_getBlockByNumber':
        if (mode === 'endless-head' || mode === 'many-logs') return chainBlock(BigInt(params[0]));
        return { number: '0x10', timestamp: '0x65000000', baseFeePerGas: '0x0',
            hash: '0x' + '11'.repeat(32) };
    case 'eth_getCode': return '0x6080';
    case 'eth_getLogs':
        if (mode !== 'many-logs') return [];
        return new Array(12000).fill(null).map((_, i) => ({ address: CONTRACT,
            topics: [INFO_TOPIC], data: abiString('x'), blockNumber: params[0].fromBlock,
            transactionHash: '0x' + word(i), logIndex: '0x' + i.toString(16) }));
    case 'eth_gasPrice': return '0x0';
    case 'eth_maxPriorityFeePerGas': return '0x0';
    case 'eth_estimateGas': return '0x5208';
    case 'eth_sendRawTransaction':
        sentOne = true;
        if (mode === 'wrong-hash') return '0x' + '22'.repeat(32);
        return '0x' + keccak256(Buffer.from(String(params[0]).slice(2), 'hex')).toString('hex');
    case 'eth_getTransactionReceipt':
        if (mode === 'no-receipt') return null;
        if (mode === 'escape-revert')
            return { transactionHash: params[0], status: '0x0', blockNumber: '0x11',
                gasUsed: '0x5208', contractAddress: null, logs: [] };
        return { transactionHash: params[0], status: '0x1', blockNumber: '0x11',
            gasUsed: '0x5208', contractAddress: null,
            logs: [{ address: CONTRACT, topics: [INFO_TOPIC], data: abiString('Transfer done'),
                blockNumber: '0x11', transactionHash: params[0] }] };
    case 'eth_call':
        if (mode === 'wrong-types') return 12345;
        if (mode === 'many-values') return new Array(6 * 1024 * 1024).fill(0);
        if (mode === 'long-call') return '0x' + '0'.repeat(20 << 20);
        if (mode === 'escape-votes') return abiVotes(HOSTILE_VOTE);
        // getStorageUnitsInfo's array offset, 2^40, far past the 64 bytes sent.
        if (mode === 'bad-abi') return '0x' + word(2n ** 40n) + word(1);
        // One word answers every read with a single uint256 result.
        return '0x' + word(10n ** 18n * 3n / 2n);
    default:
        return undefined;
    }
}

function reply(call) {
    const base = { jsonrpc: '2.0', id: call && call.id !== undefined ? call.id : null };
    if (!call || typeof call.method !== 'string')
        return { ...base, error: { code: -32600, message: 'invalid request' } };
    if (mode === 'rpc-error')
        return { ...base, error: { code: -32000, message: 'header not found' } };
    if (mode === 'escape-error')
        return { ...base, error: { code: -32000, message: 'bad \u001b[2J\u001b]0;pwned\u0007 thing' } };
    if (mode === 'escape-send' && call.method === 'eth_sendRawTransaction')
        return { ...base, error: { code: -32000,
            message: 'no \u001b[2J\u009b2J \u202e3b9aca00 way\u001b]0;pwned\u0007' } };
    if (mode === 'escape-revert' && call.method === 'eth_call')
        return { ...base, error: { code: 3, message: 'execution reverted',
            data: '0x08c379a0' + abiString('no \u001b[2J\u001b]0;pwned\u0007 way').slice(2) } };
    const result = answer(call.method, Array.isArray(call.params) ? call.params : []);
    if (result === undefined)
        return { ...base, error: { code: -32601, message: `method ${call.method} not found` } };
    return { ...base, result };
}

function logMethods(body) {
    const calls = Array.isArray(body) ? body : [body];
    const names = calls.map((c) => (c && typeof c.method === 'string' ? c.method : '?'));
    fs.appendFileSync(logFile, names.map((n) => n + '\n').join(''));
}

// ---- transports ---------------------------------------------------------
async function streamHuge(res) {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    const chunk = Buffer.alloc(1 << 20, '0');
    let closed = false;
    let wake = () => {};
    res.on('close', () => { closed = true; wake(); });
    res.on('drain', () => wake());
    res.write('{"jsonrpc":"2.0","id":1,"result":"0x');
    for (let i = 0; i < 100 && !closed; i++) {
        if (!res.write(chunk)) await new Promise((r) => { wake = r; });
    }
    if (!closed) res.end('"}');
}

function trickle(res) {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.flushHeaders();
    const timer = setInterval(() => res.write(' '), 500);
    res.on('close', () => clearInterval(timer));
}

const server = http.createServer((req, res) => {
    res.on('error', () => {});
    const parts = [];
    req.on('data', (d) => parts.push(d));
    req.on('end', () => {
        let body;
        try {
            body = JSON.parse(Buffer.concat(parts).toString());
        } catch (e) {
            res.writeHead(400).end();
            return;
        }
        logMethods(body);
        if (mode === 'huge') return void streamHuge(res);
        if (mode === 'trickle' || (mode === 'receipt-trickle' &&
            [].concat(body).some((c) => c && c.method === 'eth_getTransactionReceipt')))
            return void trickle(res);
        if (mode === 'http-500') return void res.writeHead(500, { 'Content-Type': 'text/plain' }).end('oops');
        if (mode === 'invalid-json')
            return void res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"jsonrpc":"2.0",');
        let out;
        if (Array.isArray(body)) {
            out = body.map(reply);
            if (mode === 'batch-missing')
                out = out.filter((a, i) => body[i].method !== 'eth_estimateGas');
            if (mode === 'batch-duplicate') out.push(out[0]);
            out.reverse(); // answers may come in any order
        } else {
            out = reply(body);
        }
        res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(out));
    });
});
server.on('clientError', (e, socket) => socket.destroy());
server.listen(Number(portArg), '127.0.0.1', () => {
    process.stdout.write(`port ${server.address().port}\n`);
});
