/* The transaction engine (wallet/engine.h) without anvil: its check stage
 * on hand-made transactions (the chain pin, the fee cap to the wei, the
 * key against the account), the gas limit a simulated gas use asks for,
 * and the send against a canned node: a refusal of a transaction the node
 * knows all the same (Hardhat mines a failing transaction and answers with
 * the failure) is a send, a refusal of one it does not know is a failure
 * that names the hash, nothing else is sent, and the hook hears it all. */
#include <stdlib.h>
#include <string.h>

#include "../check.h"
#include "../fake_node.h"
#include "eth/secp.h"
#include "wallet/engine.h"

static secret *key_of(uint8_t last, eth_address *address)
{
    secret *key = NULL;
    if (secret_new(32, &key, NULL) != PC_OK)
        abort();
    secret_open(key)[31] = last;
    secp_privkey_to_address(secret_open(key), address, NULL);
    secret_close(key);
    return key;
}

static eth_tx legacy(uint64_t chain_id, uint64_t gas, uint64_t price)
{
    return (eth_tx){ .type = ETH_TX_LEGACY, .chain_id = chain_id, .gas_limit = gas,
                     .gas_price = u256_from_u64(price), .has_to = true };
}

static void test_check(void)
{
    eth_address me, other;
    secret *key = key_of(1, &me), *stranger = key_of(2, &other);
    wallet_tx t = { .from = me, .has_to = true, .has_chain_id = true, .chain_id = 4200,
                    .fee_cap = u256_from_u64(500000) };
    pc_error e = { 0 };
    eth_tx tx = legacy(4200, 100000, 5);
    CHECK(wallet_tx_check(&t, &tx, key, &e) == PC_OK); /* 500000 wei: the cap itself */
    tx = legacy(4201, 100000, 5);
    CHECK(wallet_tx_check(&t, &tx, NULL, &e) == PC_ENODE);
    CHECK(e.cause == PC_CAUSE_WRONG_CHAIN);
    tx = legacy(4200, 100001, 5);
    CHECK(wallet_tx_check(&t, &tx, NULL, &e) == PC_EINPUT);
    CHECK_STR(e.msg, "the fee can reach 500005 wei (100001 gas x 5 wei/gas), above the fee cap "
                     "of 500000 wei; nothing signed: raise the cap with --fee-cap WEI or "
                     "\"fee-cap = WEI\" in the config file");
    /* Type 2: the max fee per gas counts, not the tip. */
    tx = (eth_tx){ .type = ETH_TX_EIP1559, .chain_id = 4200, .gas_limit = 100000,
                   .max_fee = u256_from_u64(6), .max_priority_fee = u256_from_u64(1) };
    CHECK(wallet_tx_check(&t, &tx, NULL, &e) == PC_EINPUT);
    /* A product past 2^256 is above any cap. */
    t.fee_cap = u256_pow10(77);
    tx = legacy(4200, UINT64_MAX, 0);
    tx.gas_price = u256_pow10(70);
    CHECK(wallet_tx_check(&t, &tx, NULL, &e) == PC_EINPUT);
    CHECK(strstr(e.msg, "the fee can reach more than 2^256 wei") != NULL);
    /* Unpinned, any chain; the key must be the account's. */
    t.has_chain_id = false;
    tx = legacy(7, 21000, 0);
    CHECK(wallet_tx_check(&t, &tx, key, &e) == PC_OK);
    CHECK(wallet_tx_check(&t, &tx, stranger, &e) == PC_EKEY);
    CHECK(strstr(e.msg, "the unlocked key does not belong to") != NULL);
    secret_free(key);
    secret_free(stranger);
}

static void test_gas_limit(void)
{
    /* A refund is at most half the consumption: twice the gas used, 64/63
     * of it, and the SSTORE stipend. */
    CHECK(wallet_gas_limit(63000, false, 0) == 128000 + 2300);
    CHECK(wallet_gas_limit(63000, true, 63000) == 64000 + 2300);
    CHECK(wallet_gas_limit(1, false, 0) == 3 + 2300);
    CHECK(wallet_gas_limit(UINT64_MAX / 2 + 1, false, 0) == 0);
    CHECK(wallet_gas_limit(UINT64_MAX / 64, true, UINT64_MAX / 64) == 0);
}

typedef struct heard {
    wallet_job_event ev[8];
    size_t n;
} heard;

static void hear(void *user, wallet_job *j, wallet_job_event ev)
{
    heard *h = user;
    (void)j;
    if (h->n < 8)
        h->ev[h->n++] = ev;
}

#define GENESIS "0x1111111111111111111111111111111111111111111111111111111111111111"

static void test_refused_but_known(void)
{
    static const char *const identity =
        "[{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x1068\"},"
        "{\"jsonrpc\":\"2.0\",\"id\":2,\"result\":{\"hash\":\"" GENESIS "\"}}]";
    static const char *const nonce = "{\"jsonrpc\":\"2.0\",\"id\":3,\"result\":\"0x0\"}";
    /* Recorded from Hardhat 2.29.1. */
    static const char *const refusal =
        "{\"jsonrpc\":\"2.0\",\"id\":4,\"error\":{\"code\":-32000,\"message\":\"Transaction "
        "ran out of gas\",\"data\":{\"message\":\"Transaction ran out of gas\",\"txHash\":"
        "\"0xfb21aff00c34d05315947ebb1b202ff8c6e3fe6f2410e0e9384f4788dada8d24\",\"data\":\"0x\"}}}";
    static const char *const known = "{\"jsonrpc\":\"2.0\",\"id\":5,\"result\":{\"hash\":\"0x00\"}}";
    static const char *const unknown = "{\"jsonrpc\":\"2.0\",\"id\":5,\"result\":null}";
    static const char *const same_nonce = "{\"jsonrpc\":\"2.0\",\"id\":6,\"result\":\"0x0\"}";
    eth_address from;
    secret *key = key_of(1, &from);
    for (int knows = 0; knows < 2; knows++) {
        const char *const answers[] = { identity, nonce, refusal, knows ? known : unknown,
                                        same_nonce };
        fake_node n;
        fake_node_start_n(&n, answers, knows ? 4 : 5);
        heard h = { .n = 0 };
        wallet_engine *e = NULL;
        wallet_job *j = NULL;
        uint8_t data[4] = { 1, 2, 3, 4 };
        wallet_tx t = { .from = from, .has_to = true, .data = data, .data_len = sizeof data,
                        .has_chain_id = true, .chain_id = 4200, .wait_s = 5,
                        .skip_simulation = true };
        eth_tx tx = legacy(4200, 30000, 0);
        CHECK(wallet_engine_new(n.client, NULL, hear, &h, &e, NULL) == PC_OK);
        CHECK(wallet_engine_add_prepared(e, 7, &t, &tx, key, &j, NULL) == PC_OK);
        CHECK(wallet_engine_step(e, j) == PC_OK); /* CHECK */
        CHECK(j->stage == WALLET_STAGE_CONFIRM);
        CHECK(wallet_engine_step(e, j) == PC_OK); /* waits for the word */
        CHECK(j->stage == WALLET_STAGE_CONFIRM && !j->has_hash);
        wallet_job_confirm(j, NULL);
        pc_status st = wallet_engine_step(e, j);
        fake_node_stop(&n);
        CHECK(wallet_engine_find(e, 7) == j);
        CHECK(j->has_hash && j->tx.nonce == 0);
        if (knows) {
            CHECK(st == PC_OK);
            CHECK(j->stage == WALLET_STAGE_WATCH && j->sent);
            CHECK(h.n == 2 && h.ev[0] == WALLET_JOB_PREPARED && h.ev[1] == WALLET_JOB_SENT);
        } else {
            CHECK(st == PC_ENODE);
            CHECK(j->stage == WALLET_STAGE_FAILED && j->failed_at == WALLET_STAGE_SEND);
            CHECK(j->error.cause == PC_CAUSE_REFUSED);
            CHECK(strstr(j->error.msg, "was not taken: ") != NULL);
            CHECK(strstr(j->error.msg, "Transaction ran out of gas") != NULL);
            CHECK(h.n == 2 && h.ev[1] == WALLET_JOB_SETTLED);
        }
        wallet_engine_free(e);
    }
    secret_free(key);
}

/* Nothing goes past CONFIRM without the word; a cancel settles it there. */
static void test_cancel(void)
{
    eth_address from;
    secret *key = key_of(3, &from);
    heard h = { .n = 0 };
    wallet_engine *e = NULL;
    wallet_job *j = NULL;
    wallet_tx t = { .from = from, .has_to = true, .skip_simulation = true };
    eth_tx tx = legacy(1, 21000, 0);
    CHECK(wallet_engine_new(NULL, NULL, hear, &h, &e, NULL) == PC_OK);
    CHECK(wallet_engine_add_prepared(e, 1, &t, &tx, key, &j, NULL) == PC_OK);
    CHECK(wallet_engine_step(e, j) == PC_OK && j->stage == WALLET_STAGE_CONFIRM);
    wallet_job_cancel(e, j);
    CHECK(j->stage == WALLET_STAGE_CANCELLED && j->error.cause == PC_CAUSE_CANCELLED);
    wallet_job_confirm(j, key); /* too late: ignored */
    CHECK(wallet_engine_step(e, j) == PC_OK && j->stage == WALLET_STAGE_CANCELLED);
    CHECK(h.n == 2 && h.ev[1] == WALLET_JOB_SETTLED);
    wallet_engine_remove(e, j);
    CHECK(wallet_engine_find(e, 1) == NULL && wallet_engine_next(e, NULL) == NULL);
    wallet_engine_free(e);
    secret_free(key);
}

int main(void)
{
    pc_error e;
    char root[] = "/tmp/powerchain-engine-XXXXXX";
    if (rpc_global_init(&e) != PC_OK || secret_init(&e) != PC_OK || !mkdtemp(root))
        return 1;
    /* The nonce lock's folder, of this test's own. */
    setenv("XDG_RUNTIME_DIR", root, 1);
    test_check();
    test_gas_limit();
    test_refused_but_known();
    test_cancel();
    char lock_dir[sizeof root + 16];
    snprintf(lock_dir, sizeof lock_dir, "%s/powerchain", root);
    rmdir(lock_dir);
    rmdir(root);
    rpc_global_cleanup();
    return check_summary();
}
