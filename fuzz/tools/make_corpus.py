#!/usr/bin/env python3
"""Writes the seed corpora of fuzz/corpus/: valid examples of each input
(encoded here by hand from the specifications) and a few edge cases.
Run from the repository root; the files are committed, this only
regenerates them."""
import json
import os

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "corpus")


def put(target, name, data):
    d = os.path.join(ROOT, target)
    os.makedirs(d, exist_ok=True)
    if isinstance(data, str):
        data = data.encode()
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


def word(n):
    return n.to_bytes(32, "big")


def enc_bytes(b):
    return word(len(b)) + b + b"\0" * ((32 - len(b) % 32) % 32)


def enc_seq(items):
    """items: list of (is_dynamic, encoding)"""
    head_len = 32 * len(items)
    head, tail = b"", b""
    for dyn, e in items:
        if dyn:
            head += word(head_len + len(tail))
            tail += e
        else:
            head += e
    return head + tail


ADDR = bytes.fromhex("5fbdb2315678afecb367f032d93f642f64180aa3")
HASH = "0x" + "ab" * 32
E18 = 10**18

# ---- rpc: answers as a node sends them ---------------------------------
info_data = enc_seq([(True, enc_bytes(b"New voter added >> " + b"70997970c51812dc3a010c7d01b50e0d17dc79c8"))])
log = {
    "address": "0x" + ADDR.hex(),
    "topics": ["0x6d128f203c67be3b2d9bf1612fd59bdd6ae01f4f0d2ffedd05e76ab2a09b7f8a"],
    "data": "0x" + info_data.hex(),
    "blockNumber": "0x5",
    "transactionHash": HASH,
    "logIndex": "0x0",
}
receipt = {
    "transactionHash": HASH, "status": "0x1", "blockNumber": "0x5", "gasUsed": "0x5208",
    "contractAddress": None, "logs": [log],
}
put("rpc", "receipt.json", json.dumps({"jsonrpc": "2.0", "id": 1, "result": receipt}))
put("rpc", "receipt_null.json", '{"jsonrpc":"2.0","id":1,"result":null}')
rev = dict(receipt, status="0x0", logs=[])
put("rpc", "receipt_reverted.json", json.dumps({"jsonrpc": "2.0", "id": 1, "result": rev}))
err_log = dict(log, topics=["0x" + "00" * 32], data="0x")
put("rpc", "receipt_other_log.json", json.dumps(dict(receipt, logs=[err_log])))
ctl = enc_seq([(True, enc_bytes(b"\x1b[2Jcleared\x07"))])
put("rpc", "receipt_control_chars.json",
    json.dumps(dict(receipt, logs=[dict(log, data="0x" + ctl.hex())])))
block = {"number": "0x1b4", "timestamp": "0x6553f100", "baseFeePerGas": "0x7",
         "hash": HASH}
put("rpc", "block.json", json.dumps({"jsonrpc": "2.0", "id": 2, "result": block}))
put("rpc", "block_legacy.json", json.dumps(dict(block, baseFeePerGas=None)))
put("rpc", "log.json", json.dumps(log))
put("rpc", "quantity.json", '"0x10"')
put("rpc", "quantity_max.json", '"0x' + "f" * 64 + '"')
put("rpc", "quantity_too_long.json", '"0x1' + "0" * 64 + '"')
put("rpc", "number_not_hex.json", '{"jsonrpc":"2.0","id":1,"result":4200}')
put("rpc", "error.json",
    '{"jsonrpc":"2.0","id":1,"error":{"code":3,"message":"execution reverted",'
    '"data":"0x08c379a0"}}')
put("rpc", "batch.json", json.dumps([
    {"jsonrpc": "2.0", "id": 2, "result": "0x1068"},
    {"jsonrpc": "2.0", "id": 1, "result": block},
    {"jsonrpc": "2.0", "id": 3, "result": receipt},
]))
put("rpc", "five_topics.json", json.dumps(dict(log, topics=[HASH] * 5)))

# ---- abi: first byte picks the shape (see fuzz_abi.c) ------------------
READS = ["getTotalEnergy", "getEnergyCosts", "getStorageUnitsInfo", "getStorageUnitEnergy",
         "getConsumptionSessions", "getConsumptionSessionEnergy", "balanceENT",
         "balanceeEuro", "getTotalENT", "getTotalEeuro", "getBankerAddress", "getParameters",
         "isVoter", "getVotes", "getOrders"]
EVENT, REVERT = len(READS), len(READS) + 1


def abi(name, pick, data):
    put("abi", name, bytes([pick]) + data)


abi("total_energy", 0, word(17000))
abi("energy_costs", 1, word(5 * 10**16) + word(5 * 10**16))
unit = word(1) + word(int.from_bytes(ADDR, "big")) + word(8000)
empty_slot = word(0) * 3
abi("units", 2, word(32) + word(2) + unit + empty_slot)
session = enc_seq([(True, enc_bytes(b"session_1")), (False, word(7857)),
                   (False, word(1700000000)), (False, word(int.from_bytes(ADDR, "big")))])
abi("sessions", 4, word(32) + word(1) + word(32) + session)
abi("balance", 6, word(156 * E18 // 10) + word(0))
abi("banker_zero", 10, word(0))
abi("parameters", 11, word(E18 // 2) + word(E18 // 2) + word(5 * 10**16) + word(7200)
    + word(2 * E18 // 10))
abi("is_voter", 12, word(1))
vote = enc_seq([(True, enc_bytes(b"Add_Voter_70997970c51812dc3a010c7d01b50e0d17dc79c8")),
                (False, word(1)), (False, word(0))])
abi("votes", 13, word(32) + word(1) + word(32) + vote)
order = word(0) + word(int.from_bytes(ADDR, "big")) + word(E18) + word(81 * E18 // 10) + word(1)
abi("orders", 14, word(64) + word(64 + 32 + 160) + word(1) + order + word(0))
abi("event_info", EVENT, info_data)
abi("revert_error", REVERT, bytes.fromhex("08c379a0")
    + enc_seq([(True, enc_bytes(b"Not enough ENT tokens"))]))
abi("revert_panic", REVERT, bytes.fromhex("4e487b71") + word(0x11))
abi("revert_empty", REVERT, b"")
# Edge cases: an offset beyond the data, a huge length, an array that
# claims more elements than it holds, a bool of 2, a dirty address.
abi("offset_outside", 2, word(1 << 40))
abi("length_huge", EVENT, word(32) + word(2**256 - 1))
abi("array_claims_more", 14, word(64) + word(96) + word(10**6))
# No data at all: what an address without code answers.
abi("no_data", 0, b"")
abi("bool_two", 12, word(2))
abi("address_dirty", 10, b"\x01" + b"\0" * 11 + ADDR)
abi("shared_tail", 13, word(32) + word(3) + word(96) * 3 + vote)

# ---- rlp ---------------------------------------------------------------
put("rlp", "empty_string", b"\x80")
put("rlp", "empty_list", b"\xc0")
put("rlp", "byte", b"\x7f")
put("rlp", "dog", b"\x83dog")
put("rlp", "cat_dog", b"\xc8\x83cat\x83dog")
put("rlp", "set_theory", bytes.fromhex("c7c0c1c0c3c0c1c0"))
put("rlp", "long_string", b"\xb8\x38" + b"a" * 56)
put("rlp", "long_list", b"\xf8\x3a" + b"\xb8\x38" + b"b" * 56)
# A signed legacy transaction (EIP-155 example).
put("rlp", "eip155_tx", bytes.fromhex(
    "f86c098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a7640000"
    "8025a028ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276a067cbe9d8997f76"
    "1aecb703304b3800ccf555c9f3dc64214b297fb1966a3b6d83"))
put("rlp", "noncanonical_single", b"\x81\x05")
put("rlp", "noncanonical_long", b"\xb8\x05hello")
put("rlp", "leading_zero_len", b"\xb9\x00\x38" + b"a" * 56)
put("rlp", "truncated", b"\xc8\x83cat\x83do")
put("rlp", "huge_len", b"\xbf" + b"\xff" * 8)

# ---- keyfile -----------------------------------------------------------
scrypt_file = {
    "address": "008aeeda4d805471df9b2a5b0f38a0c3bcba786b",
    "crypto": {
        "cipher": "aes-128-ctr",
        "cipherparams": {"iv": "83dbcc02d8ccb40e466191a123791e0e"},
        "ciphertext": "d172bf743a674da9cdad04534d56926ef8358534d458fffccd4e6ad2fbde479c",
        "kdf": "scrypt",
        "kdfparams": {"dklen": 32, "n": 262144, "p": 8, "r": 1,
                      "salt": "ab0c7876052600dd703518d6fc3fe8984592145b591fc8fb5c6d43190334ba19"},
        "mac": "2103ac29920d71da29f15d75b4a16dbe95cfd7ff8faea1056c33131d846e3097",
    },
    "id": "3198bc9c-6672-5ab3-d995-4942343ae5b6",
    "version": 3,
}
put("keyfile", "scrypt.json", json.dumps(scrypt_file))
pbkdf2_file = json.loads(json.dumps(scrypt_file))
pbkdf2_file["crypto"]["kdf"] = "pbkdf2"
pbkdf2_file["crypto"]["kdfparams"] = {
    "c": 262144, "dklen": 32, "prf": "hmac-sha256",
    "salt": "ae3cd4e7013836a3df6bd7241b12db061dbe2c6785853cce422d148a624ce0bd"}
put("keyfile", "pbkdf2.json", json.dumps(pbkdf2_file))
foundry = json.loads(json.dumps(scrypt_file))
del foundry["address"]
foundry["Crypto"] = foundry.pop("crypto")
put("keyfile", "no_address_capital_crypto.json", json.dumps(foundry))
huge = json.loads(json.dumps(scrypt_file))
huge["crypto"]["kdfparams"]["n"] = 2**31
put("keyfile", "scrypt_n_huge.json", json.dumps(huge))
bad_cipher = json.loads(json.dumps(scrypt_file))
bad_cipher["crypto"]["cipher"] = "aes-256-gcm"
put("keyfile", "unknown_cipher.json", json.dumps(bad_cipher))
put("keyfile", "hex_key.txt",
    "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80\n")
put("keyfile", "not_json", "version 3")

# ---- input: first byte picks the parser (see fuzz_input.c) -------------
def inp(name, sel, text):
    put("input", name, bytes([sel]) + text.encode())


inp("address_checksum", 0, "0x5FbDB2315678afecb367f032d93F642f64180aa3")
inp("address_lower", 0, "0x5fbdb2315678afecb367f032d93f642f64180aa3")
inp("address_bad_checksum", 0, "0x5FbDB2315678afecb367f032d93F642f64180aA3")
inp("address_short", 0, "0x5fbdb2")
inp("fixed_18", 1 + 6 * 5, "1.5")             # decimals_counts[5] == 18
inp("fixed_19_decimals", 1 + 6 * 5, "0.0000000000000000001")
inp("fixed_max", 1 + 6 * 0, str(2**256 - 1))
inp("fixed_over", 1 + 6 * 0, str(2**256))
inp("fixed_point_only", 1 + 6 * 5, ".")
inp("fixed_77", 1 + 6 * 9, "0." + "1" * 77)
inp("dec_wh", 2, "7857")
inp("dec_negative", 2, "-1")
inp("quantity", 3, "0x1068")
inp("quantity_empty", 3, "0x")
inp("hex", 4, "0xdeadbeef")
inp("hex_odd", 4, "0xabc")
# pc_parse_arg: 5 + 6 * (kind + 9 * param) with kinds in fuzz_input.c order.
for kind, text in [(0, "0x5FbDB2315678afecb367f032d93F642f64180aa3"), (1, "7.35"),
                   (2, "10"), (3, "0.5"), (4, "7857"), (5, "0"), (6, "buy"), (6, "sell"),
                   (7, "H"), (7, "MB")]:
    inp("arg_%d_%s" % (kind, text.replace(".", "_")[:12]), 5 + 6 * kind, text)
inp("arg_param_value_H", 5 + 6 * (8 + 9 * 3), "2")
inp("arg_param_value_C", 5 + 6 * (8 + 9 * 2), "0.05")
inp("arg_utf8", 5 + 6 * 1, "\uff11\uff12")
inp("arg_escape", 5 + 6 * 1, "1\x1b[2J")

# ---- vote: a vote string as getVotes lists it --------------------------
B = "70997970c51812dc3a010c7d01b50e0d17dc79c8"
C = "3c44cdddb6a900fa2b585dd299e03d12fa4293bc"
for name, text in [("add_voter", "Add_Voter_" + B),
                   ("remove_voter_round", "Remove_Voter_" + B + "_2"),
                   ("register", "register_" + B + "_" + C), ("remove_unit", "remove_" + B),
                   ("banker_upper", "changeBankerTo_" + B.upper()),
                   ("set_c", "setParameter_C_50000000000000000"),
                   ("set_h_round", "setParameter_H_3_1"),
                   ("destroy", "destroy_contract"), ("destroy_round", "destroy_contract_1"),
                   ("empty_part", "register_" + B + "__" + C), ("bad_param", "setParameter_X_1"),
                   ("huge_round", "Add_Voter_" + B + "_" + "9" * 30)]:
    put("vote", name, text)

# ---- deployment --------------------------------------------------------
put("deployment", "deployment.json", json.dumps({
    "name": "PowerChain", "address": "0x5FbDB2315678afecb367f032d93F642f64180aa3",
    "abi": [{"type": "function", "name": "getParameters", "inputs": [],
             "outputs": [{"name": n, "type": "uint256"} for n in "MBCHF"],
             "stateMutability": "view"},
            {"type": "function", "name": "getStorageUnitsInfo", "inputs": [],
             "outputs": [{"name": "units", "type": "tuple[]", "components": [
                 {"name": "state", "type": "bool"}, {"name": "owner", "type": "address"},
                 {"name": "wh", "type": "uint256"}]}]},
            {"type": "event", "name": "Info", "inputs": [{"name": "info", "type": "string"}]}]}))
put("deployment", "wrong_shape.json", json.dumps({
    "address": "0x5fbdb2315678afecb367f032d93f642f64180aa3",
    "abi": [{"type": "function", "name": "getParameters",
             "outputs": [{"name": "x", "type": "uint8[]"}]}]}))
put("deployment", "no_abi.json", '{"address":"0x5fbdb2315678afecb367f032d93f642f64180aa3"}')
put("deployment", "bad_address.json", '{"address":"0x5FbDB2315678afecb367f032d93F642f64180aA3"}')

# ---- contacts: the contacts file ------------------------------------------
put("contacts", "contacts", "# people\nalice = 0x70997970C51812dc3A010C7d01b50e0d17dc79C8\n\n"
    "bob.2=0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc\r\n  carol_c  =  "
    "0x90F79bf6EB2c4f870365E785982E1f101E93b906  \n")
put("contacts", "twice", "dave = 0x70997970C51812dc3A010C7d01b50e0d17dc79C8\n"
    "DAVE = 0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc\n")
put("contacts", "bad_checksum", "eve = 0x70997970c51812DC3a010c7d01b50e0d17dc79c8\n")
put("contacts", "nul", b"frank = 0x70997970C51812dc3A010C7d01b50e0d17dc79C8\0x\n")
put("contacts", "kept", "kept = 0x90F79bf6EB2c4f870365E785982E1f101E93b906\n")
put("contacts", "bad_names", "-x = 0x70997970C51812dc3A010C7d01b50e0d17dc79C8\n"
    "0xab = 0x70997970C51812dc3A010C7d01b50e0d17dc79C8\nno equals sign\n")

# ---- config: the config file ----------------------------------------------
put("config", "config", "# the devnet\nrpc = http://127.0.0.1:8545, http://127.0.0.1:8546\n"
    "contract-json = /tmp/powerchain.json\nchain-id = 4200\nfee-cap = 1000000000000000000\n"
    "keystore = /home/me/keys\naccount = alice\ncacert = /etc/ca.pem\n\n[network two]\n"
    "rpc = ipc:/run/node.ipc\ncontract = 0x5FbDB2315678afecb367f032d93F642f64180aa3\n"
    "chain-id = 4201\n[network three]\nrpc = https://a https://b\trpc://c\n")
put("config", "errors", "colour = blue\n")
put("config", "bad_section", "[network]\nrpc = x\n[network a b]\n")
put("config", "twice", "[network a]\n[network A]\n[network a]\n")
put("config", "numbers", "chain-id = 0\nchain-id = 18446744073709551616\nfee-cap = 1.5\n")
put("config", "nul", b"rpc = http://127.0.0.1:8545\0 http://elsewhere\n")
put("config", "many_nodes", "rpc = " + " ".join("n%d" % i for i in range(9)) + "\n")


# ---- ipc: a node's answer on its socket, in pieces ------------------------
def pieces(limit, *parts):
    """limit picks 16 << (limit % 12) bytes; each part is one write."""
    out = bytes([limit])
    for p in parts:
        p = p.encode() if isinstance(p, str) else p
        out += bytes([len(p)]) + p
    return out


put("ipc", "whole", pieces(8, '{"jsonrpc":"2.0","id":1,"result":"0x1068"}\n'))
put("ipc", "split", pieces(8, '{"jsonrpc":"2.0","id":1,"res', 'ult":"0x10', '68"}'))
put("ipc", "two", pieces(8, '[{"id":1,"result":[1,2]},{"id":2}] {"next":true}'))
put("ipc", "string_brackets", pieces(8, '{"result":"}]\\"{[", "x":[{},[]]}'))
put("ipc", "too_large", pieces(0, '{"result":"' + "0" * 40 + '"}'))
put("ipc", "not_json", pieces(8, "  \n\tnot json"))
put("ipc", "cut", pieces(8, '{"result":[1,2'))
put("ipc", "empty", bytes([8]))

# ---- sync: the bytes a fake node spends on its answers (fuzz_sync.c) ------
# Byte 0 salts the chain, 1 picks the deployment block, 2 the head, 3 whether
# the contract is given by address; then one byte per answer (0-23: the
# truth, 24 error, 25 null, 26 raw bytes, 27 a wrong field, 28-29 the chain
# changes), and what those choices spend.
put("sync", "truth", bytes([7, 1, 20, 0]))
put("sync", "by_address", bytes([9, 3, 23, 1]))
put("sync", "refused_logs", bytes([1, 0, 16, 0, 0, 0, 0, 0, 24, 24, 24]))
put("sync", "reorg", bytes([2, 0, 12, 0] + [0] * 6 + [28, 0, 3, 4] + [0] * 8 + [28, 1, 2]))
put("sync", "lies", bytes([3, 2, 18, 0] + [0, 27, 0, 27, 1, 25, 27, 2, 27, 3, 26, 4] +
                          list(b"null") + [27, 5, 27, 6]))
put("sync", "impossible_head", bytes([4, 0, 10, 0, 0, 0, 27, 2, 27, 3, 27, 1]))
