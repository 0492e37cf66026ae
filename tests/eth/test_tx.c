#include "eth/tx.h"

#include "eth/keccak.h"
#include "eth/rlp.h"
#include "eth/secp.h"
#include "tests/check.h"
#include "tests/eth/eth_test_util.h"

static void key_from_hex(const char *hex, uint8_t key[32])
{
    bytebuf b = unhex(hex);
    memcpy(key, b.data, 32);
    bytebuf_free(&b);
}

static eth_address addr(const char *text)
{
    eth_address a;
    if (eth_address_parse(text, &a, NULL) != PC_OK)
        abort();
    return a;
}

/* Signs tx and compares the raw transaction; its hash must be keccak(raw). */
static void check_signed(const eth_tx *tx, const uint8_t key[32], const char *want_raw)
{
    bytebuf raw = BYTEBUF_INIT;
    uint8_t hash[32], want_hash[32];
    pc_error err;
    CHECK(eth_tx_sign(tx, key, &raw, hash, &err) == PC_OK);
    CHECK_STR(tohex(raw.data, raw.len), want_raw);
    keccak256(raw.data, raw.len, want_hash);
    CHECK(memcmp(hash, want_hash, 32) == 0);
    bytebuf_free(&raw);
}

/* EIP-155's worked example: key 0x4646...46, nonce 9, gasPrice 20 gwei,
 * gas 21000, to 0x3535...35, value 1 ether, chain id 1. The EIP lists the
 * signing data, signing hash, r, s, v = 37 and the signed transaction. */
static void test_eip155_example(void)
{
    uint8_t key[32];
    memset(key, 0x46, sizeof key);

    bytebuf sd = unhex("ec098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a7"
                       "64000080018080");
    uint8_t sighash[32];
    keccak256(sd.data, sd.len, sighash);
    CHECK_STR(tohex(sighash, 32), "daf5a779ae972f972197303d7b574746c7ef83eadac0f2791ad23db92e4c8e53");
    bytebuf_free(&sd);

    uint8_t r[32], s[32];
    int recid = -1;
    CHECK(secp_sign(key, sighash, r, s, &recid, NULL) == PC_OK);
    CHECK_STR(tohex(r, 32), "28ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276");
    CHECK_STR(tohex(s, 32), "67cbe9d8997f761aecb703304b3800ccf555c9f3dc64214b297fb1966a3b6d83");
    CHECK(recid == 0);

    eth_address signer, from_key;
    char text[ETH_ADDRESS_TEXT_LEN];
    CHECK(secp_recover_address(sighash, r, s, recid, &signer, NULL) == PC_OK);
    CHECK(secp_privkey_to_address(key, &from_key, NULL) == PC_OK);
    eth_address_to_checksum(&from_key, text);
    CHECK_STR(text, "0x9d8A62f656a8d1615C1294fd71e9CFb3E4855A4F");
    CHECK(eth_address_equal(&signer, &from_key));

    eth_tx tx = {.type = ETH_TX_LEGACY, .chain_id = 1, .nonce = 9,
                 .gas_price = u256_from_u64(20000000000ULL), .gas_limit = 21000,
                 .has_to = true, .to = addr("0x3535353535353535353535353535353535353535"),
                 .value = u256_from_u64(1000000000000000000ULL)};
    check_signed(&tx, key,
                 "f86c098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a76400"
                 "008025a028ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276a067cbe9d8"
                 "997f761aecb703304b3800ccf555c9f3dc64214b297fb1966a3b6d83");
}

/* Expected raw transactions from Foundry's cast 1.7.1, an independent
 * implementation:
 *   cast mktx --private-key 0x4c0883a6...2318 --chain C --nonce N
 *             --gas-limit G --gas-price P [--priority-gas-price Q] [--legacy]
 *             [--value V] <to> [sig args] | --create <code>
 * The key's address is 0x2c7536E3605D9C16a7a3D7b1898e529396a65c23. */
static const char *CAST_KEY = "4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318";
static const char *TRANSFER_CALLDATA = /* transferENT(0x1111...11, 1500000000000000000) */
    "468e04a10000000000000000000000001111111111111111111111111111111111111111000000000000000000"
    "00000000000000000000000000000014d1120d7b160000";
static const char *ADD_ORDER_CALLDATA = /* addOrder(0.5e18, 1.9e18, true) */
    "b734eb8800000000000000000000000000000000000000000000000006f05b59d3b200000000000000000000000000"
    "000000000000000000000000001a5e27eef13e0000000000000000000000000000000000000000000000000000000"
    "0000000000001";

static void test_cast_vectors(void)
{
    uint8_t key[32];
    key_from_hex(CAST_KEY, key);
    eth_address me;
    char text[ETH_ADDRESS_TEXT_LEN];
    CHECK(secp_privkey_to_address(key, &me, NULL) == PC_OK);
    eth_address_to_checksum(&me, text);
    CHECK_STR(text, "0x2c7536E3605D9C16a7a3D7b1898e529396a65c23");

    bytebuf transfer = unhex(TRANSFER_CALLDATA), order = unhex(ADD_ORDER_CALLDATA),
            code = unhex("6001600055");
    eth_address to2 = addr("0x2222222222222222222222222222222222222222"),
                to1 = addr("0x1111111111111111111111111111111111111111");

    /* --chain 4200 --nonce 3 --gas-limit 100000 --gas-price 7 --legacy */
    eth_tx tx = {.type = ETH_TX_LEGACY, .chain_id = 4200, .nonce = 3,
                 .gas_price = u256_from_u64(7), .gas_limit = 100000, .has_to = true, .to = to2,
                 .data = transfer.data, .data_len = transfer.len};
    check_signed(&tx, key,
                 "f8a70307830186a094222222222222222222222222222222222222222280b844468e04a1000000000000"
                 "000000000000111111111111111111111111111111111111111100000000000000000000000000000000"
                 "000000000000000014d1120d7b1600008220f4a073e959fa4b0b4c49ebfe8c31bf0f31ed88c0c0aaba0a"
                 "7b0f2a82d63bcd44033ca006843b88411bb67e2e8cd46697fc2ea1da34bfde4b7d5602f8700a21476157"
                 "a2");

    /* Same call as type 2: --gas-price 2000000000 --priority-gas-price 1000000000 */
    tx.type = ETH_TX_EIP1559;
    tx.max_fee = u256_from_u64(2000000000);
    tx.max_priority_fee = u256_from_u64(1000000000);
    check_signed(&tx, key,
                 "02f8b282106803843b9aca008477359400830186a0942222222222222222222222222222222222222222"
                 "80b844468e04a10000000000000000000000001111111111111111111111111111111111111111000000"
                 "00000000000000000000000000000000000000000014d1120d7b160000c080a021f68a49a3b2e689cd5f"
                 "652a48c22487eeb498830c18d2d571c00e5d3cca9af3a06447c187435140e847081b5d0435aa6f6d535c"
                 "15e80bfc49fc4c41e4d4c560ac");

    /* --chain 1 --nonce 0 --gas-limit 21000 --gas-price 0 --legacy --value 1 */
    eth_tx plain = {.type = ETH_TX_LEGACY, .chain_id = 1, .gas_limit = 21000, .has_to = true,
                    .to = to1, .value = u256_from_u64(1)};
    check_signed(&plain, key,
                 "f85f8080825208941111111111111111111111111111111111111111018026a0ba944e70ea3c6fe81bfc"
                 "87918026da09e40f2fe8182c2f6e94c385f3fd5eab66a07e6df67ddaae9b7dcc7508c8bcbef24e0abcac"
                 "ea446b961268d1ccb68e7c6385");

    /* --chain 4200 --nonce 0 --gas-limit 21000 --gas-price 0 --priority-gas-price 0 */
    eth_tx zero_fee = {.type = ETH_TX_EIP1559, .chain_id = 4200, .gas_limit = 21000,
                       .has_to = true, .to = to1};
    check_signed(&zero_fee, key,
                 "02f8648210688080808252089411111111111111111111111111111111111111118080c001a0a97646b3"
                 "ea43db6225f0c6ac7ccc6394a9a433a02a6302691f3f0f7c5067f520a01c9675ead8a8add0b530232f23"
                 "af17706c50f566d15bf210265639f40aefb18d");

    /* --chain 4200 --nonce 1 --gas-limit 200000 --gas-price 0 --legacy --create 0x6001600055 */
    eth_tx create = {.type = ETH_TX_LEGACY, .chain_id = 4200, .nonce = 1, .gas_limit = 200000,
                     .has_to = false, .data = code.data, .data_len = code.len};
    check_signed(&create, key,
                 "f853018083030d4080808560016000558220f3a0bd41bd43e412caef27c207b6ccae1b5da3bc72dcf753"
                 "dda5a4db7d9ec565c7baa069859f3bb2a88e75c569d88b2232e05884508ff9db6e537967462b21ff0f36"
                 "6f");

    /* --chain 4200 --nonce 5 --gas-limit 300000 --gas-price 30000000000
     * --priority-gas-price 2 --value 12345678901234567890, addOrder(...) */
    eth_tx big = {.type = ETH_TX_EIP1559, .chain_id = 4200, .nonce = 5,
                  .max_fee = u256_from_u64(30000000000ULL), .max_priority_fee = u256_from_u64(2),
                  .gas_limit = 300000, .has_to = true, .to = to2,
                  .value = u256_from_u64(12345678901234567890ULL), .data = order.data,
                  .data_len = order.len};
    check_signed(&big, key,
                 "02f8d782106805028506fc23ac00830493e094222222222222222222222222222222222222222288ab54"
                 "a98ceb1f0ad2b864b734eb8800000000000000000000000000000000000000000000000006f05b59d3b2"
                 "00000000000000000000000000000000000000000000000000001a5e27eef13e00000000000000000000"
                 "000000000000000000000000000000000000000000000001c001a07a17da8e5aa63e082e16654dca3457"
                 "3f789c47b660aa45376a52c8b0df1c18bea076ec3a02c2cbd1fa4eaf3b22cafe35325ea93b4ad54bef62"
                 "102fe6576b1f3491");

    bytebuf_free(&transfer);
    bytebuf_free(&order);
    bytebuf_free(&code);
}

/* v = recid + chainId*2 + 35 must not wrap for the largest chain id. */
static void test_huge_chain_id(void)
{
    uint8_t key[32];
    memset(key, 0x46, sizeof key);
    eth_tx tx = {.type = ETH_TX_LEGACY, .chain_id = UINT64_MAX, .gas_limit = 21000,
                 .has_to = true};
    bytebuf raw = BYTEBUF_INIT;
    CHECK(eth_tx_sign(&tx, key, &raw, NULL, NULL) == PC_OK);
    rlp_item list, item;
    size_t used;
    CHECK(rlp_decode_item(raw.data, raw.len, &list, &used, NULL) == PC_OK && used == raw.len);
    const uint8_t *p = list.payload;
    size_t left = list.payload_len;
    for (int i = 0; i < 7; i++) { /* nonce gasPrice gas to value data v */
        CHECK(rlp_decode_item(p, left, &item, &used, NULL) == PC_OK);
        p += used;
        left -= used;
    }
    /* 2*(2^64-1) + 35 + recid = 2^65 + 33 + recid: nine bytes 02 00..00 21|22 */
    CHECK(item.payload_len == 9 && item.payload[0] == 2 && item.payload[7] == 0);
    CHECK(item.payload[8] == 0x21 || item.payload[8] == 0x22);
    bytebuf_free(&raw);
}

static void test_bad_keys(void)
{
    uint8_t zero[32] = {0}, order[32], below[32];
    key_from_hex("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", order);
    key_from_hex("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364140", below);
    pc_error err;
    CHECK(secp_privkey_check(zero, &err) == PC_EKEY);
    CHECK(secp_privkey_check(order, &err) == PC_EKEY);
    CHECK(strstr(err.msg, "private key") != NULL);
    CHECK(secp_privkey_check(below, &err) == PC_OK);

    eth_tx tx = {.type = ETH_TX_LEGACY, .chain_id = 1, .gas_limit = 21000};
    bytebuf raw = BYTEBUF_INIT;
    CHECK(eth_tx_sign(&tx, zero, &raw, NULL, &err) == PC_EKEY);
    CHECK(raw.len == 0);
    tx.type = (eth_tx_type)1;
    CHECK(eth_tx_sign(&tx, below, &raw, NULL, &err) == PC_EINPUT);
    bytebuf_free(&raw);

    uint8_t h[32] = {1}, r[32], s[32];
    eth_address a;
    memset(r, 0xff, sizeof r);
    memset(s, 0x01, sizeof s);
    CHECK(secp_recover_address(h, r, s, 0, &a, &err) == PC_EDATA);
    CHECK(secp_recover_address(h, s, s, 7, &a, &err) == PC_EDATA);
}

/* CREATE addresses of anvil's account 0, as `cast compute-address` gives
 * them: nonces of one byte, at the RLP single-byte boundary, and of three. */
static void test_create_address(void)
{
    static const struct {
        uint64_t nonce;
        const char *address;
    } v[] = {
        { 0, "0x5FbDB2315678afecb367f032d93F642f64180aa3" },
        { 1, "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512" },
        { 127, "0x5fc748f1FEb28d7b76fa1c6B07D8ba2d5535177c" },
        { 128, "0xB82008565FdC7e44609fA118A4a681E92581e680" },
        { 1000000, "0xA29Bec793838d61E1fB9d38629fD283AA45aeD17" },
    };
    eth_address from, got, want;
    pc_error err = { 0 };
    CHECK(eth_address_parse("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", &from, &err) == PC_OK);
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
        CHECK(eth_address_parse(v[i].address, &want, &err) == PC_OK);
        CHECK(eth_tx_create_address(&from, v[i].nonce, &got, &err) == PC_OK);
        CHECK(memcmp(got.b, want.b, sizeof got.b) == 0);
    }
}

int main(void)
{
    test_eip155_example();
    test_cast_vectors();
    test_huge_chain_id();
    test_bad_keys();
    test_create_address();
    return check_summary();
}
