#include "rpcclient/sender.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "eth/hex.h"
#include "eth/secp.h"

static uint64_t now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
}

static void sleep_ms(unsigned ms)
{
    struct timespec ts = { ms / 1000, (long)(ms % 1000) * 1000000L };
    nanosleep(&ts, NULL);
}

/* Priority fee: the node's suggestion, but never more than eth_gasPrice
 * leaves above the base fee, so a chain run at gas price 0 stays at 0. */
static u256 node_tip(const u256 *base, const u256 *gas_price, const u256 *suggested_tip,
                     bool has_tip)
{
    u256 room = u256_zero();
    if (u256_cmp(gas_price, base) > 0)
        u256_sub(&room, gas_price, base);
    return has_tip && u256_cmp(suggested_tip, &room) < 0 ? *suggested_tip : room;
}

/* The node's fees where the person chose none (sender_fees says the rule). */
static pc_status choose_fees(eth_tx *tx, const node_block *block, const u256 *gas_price,
                             const u256 *suggested_tip, bool has_tip, const sender_fees *f,
                             pc_error *err)
{
    if (!block->has_base_fee) {
        if (f->has_max_fee || f->has_priority_fee)
            return pc_fail(err, PC_EINPUT, "this chain has no base fee (it predates London): "
                                           "give a gas price (--gas-price), not a max fee or "
                                           "priority fee");
        tx->type = ETH_TX_LEGACY;
        tx->gas_price = f->has_gas_price ? f->gas_price : *gas_price;
        return PC_OK;
    }
    if (f->has_gas_price)
        return pc_fail(err, PC_EINPUT, "this chain has a base fee (London or later): give a "
                                       "max fee and a priority fee (--max-fee, --priority-fee), "
                                       "not a gas price");
    const u256 *base = &block->base_fee;
    u256 tip = f->has_priority_fee ? f->priority_fee
                                   : node_tip(base, gas_price, suggested_tip, has_tip);
    u256 two = u256_from_u64(2), max_fee;
    if (f->has_max_fee) {
        max_fee = f->max_fee;
        if (!f->has_priority_fee && u256_cmp(&tip, &max_fee) > 0)
            tip = max_fee;
        if (u256_cmp(&max_fee, base) < 0) {
            char a[U256_DEC_MAX], b[U256_DEC_MAX];
            u256_to_dec(&max_fee, a);
            u256_to_dec(base, b);
            return pc_fail(err, PC_EINPUT, "the max fee of %s wei/gas is below the latest "
                                           "block's base fee of %s wei/gas: no block would "
                                           "take the transaction", a, b);
        }
    } else if (!u256_mul(&max_fee, base, &two) || !u256_add(&max_fee, &max_fee, &tip)) {
        max_fee = *gas_price;
    }
    tx->type = ETH_TX_EIP1559;
    tx->max_priority_fee = tip;
    tx->max_fee = max_fee;
    return PC_OK;
}

/* An estimate usually fails because the call reverts: repeat it as eth_call
 * to get the reason in words. */
static pc_status estimate_failed(rpc_client *c, const sender_request *req, const pc_error *sub,
                                 pc_error *err)
{
    bytebuf out = BYTEBUF_INIT;
    char *reason = NULL;
    pc_status st = node_call_reason(c, &req->from, req->has_to ? &req->to : NULL, req->data,
                                    req->data_len, "latest", &out, &reason, NULL);
    bytebuf_free(&out);
    if (st == PC_ETX) {
        pc_fail_cause(err, PC_ETX, PC_CAUSE_REVERTED,
                      "the transaction would fail: reverted: %s; nothing sent", reason);
        free(reason);
        return PC_ETX;
    }
    pc_fail_cause(err, sub->status, sub->cause, "cannot estimate gas: %s", sub->msg);
    if (err)
        err->rpc_code = sub->rpc_code;
    return sub->status;
}

pc_status sender_prepare(rpc_client *c, const sender_request *req, eth_tx *tx, pc_error *err)
{
    memset(tx, 0, sizeof *tx);
    rpc_batch *b = rpc_batch_new();
    if (!b)
        return pc_fail(err, PC_ENOMEM, "out of memory");
    int i_chain = rpc_batch_add(b, "eth_chainId", NULL);
    int i_nonce = rpc_batch_add(b, "eth_getTransactionCount",
                                node_params_address_tag(&req->from, "pending"));
    int i_block = rpc_batch_add(b, "eth_getBlockByNumber", node_params_latest_block());
    int i_price = rpc_batch_add(b, "eth_gasPrice", NULL);
    int i_tip = rpc_batch_add(b, "eth_maxPriorityFeePerGas", NULL);
    /* Some proof-of-authority nodes fail eth_estimateGas: a limit the
     * person gives is not asked for. */
    bool estimate = !req->fees.has_gas_limit;
    int i_gas = estimate ? rpc_batch_add(b, "eth_estimateGas",
                                         node_params_call(&req->from,
                                                          req->has_to ? &req->to : NULL,
                                                          req->data, req->data_len, NULL))
                         : 0;
    pc_status st = PC_OK;
    if (i_chain < 0 || i_nonce < 0 || i_block < 0 || i_price < 0 || i_tip < 0 || i_gas < 0)
        st = pc_fail(err, PC_ENOMEM, "out of memory");
    if (st == PC_OK)
        st = rpc_batch_send(c, b, true, err);

    uint64_t chain_id = 0, nonce = 0, gas = 0;
    node_block block;
    u256 gas_price, tip;
    if (st == PC_OK)
        st = node_parse_u64(rpc_batch_result(b, (size_t)i_chain, err), "chain id", &chain_id,
                            err);
    if (st == PC_OK && req->has_chain_id)
        st = node_check_chain(chain_id, req->chain_id, err);
    if (st == PC_OK)
        st = node_parse_u64(rpc_batch_result(b, (size_t)i_nonce, err), "nonce", &nonce, err);
    if (st == PC_OK)
        st = node_parse_block(rpc_batch_result(b, (size_t)i_block, err), &block, err);
    if (st == PC_OK)
        st = node_parse_u256(rpc_batch_result(b, (size_t)i_price, err), "gas price", &gas_price,
                             err);
    if (st == PC_OK && estimate) {
        pc_error sub;
        const cJSON *g = rpc_batch_result(b, (size_t)i_gas, &sub);
        if (!g)
            st = estimate_failed(c, req, &sub, err);
        else
            st = node_parse_u64(g, "gas estimate", &gas, err);
    }
    bool has_tip = false;
    if (st == PC_OK && block.has_base_fee) {
        /* Optional: older nodes lack eth_maxPriorityFeePerGas. */
        const cJSON *t = rpc_batch_result(b, (size_t)i_tip, NULL);
        has_tip = t && node_parse_u256(t, "priority fee", &tip, NULL) == PC_OK;
    }
    rpc_batch_free(b);
    if (st != PC_OK)
        return st;

    tx->chain_id = chain_id;
    tx->nonce = req->has_nonce ? req->nonce : nonce;
    if (gas > UINT64_MAX - gas / 4)
        return pc_fail(err, PC_ENODE, "node's gas estimate %llu is absurd",
                       (unsigned long long)gas);
    tx->gas_limit = estimate ? gas + gas / 4 : req->fees.gas_limit;
    if ((st = choose_fees(tx, &block, &gas_price, &tip, has_tip, &req->fees, err)) != PC_OK)
        return st;
    tx->has_to = req->has_to;
    tx->to = req->to;
    tx->data = req->data;
    tx->data_len = req->data_len;
    return PC_OK;
}

pc_status sender_sign(const eth_tx *tx, secret *key, const eth_address *from, uint8_t hash[32],
                      bytebuf *raw, pc_error *err)
{
    eth_address signer;
    const uint8_t *k = secret_open(key);
    pc_status st = secp_privkey_to_address(k, &signer, err);
    if (st == PC_OK && !eth_address_equal(&signer, from)) {
        char want[ETH_ADDRESS_TEXT_LEN];
        eth_address_to_checksum(from, want);
        st = pc_fail(err, PC_EKEY, "the unlocked key does not belong to %s", want);
    }
    if (st == PC_OK)
        st = eth_tx_sign(tx, k, raw, hash, err);
    secret_close(key);
    return st;
}

pc_status sender_send(rpc_client *c, const eth_tx *tx, secret *key, const eth_address *from,
                      uint8_t hash[32], bytebuf *raw_out, pc_error *err)
{
    bytebuf raw = BYTEBUF_INIT;
    pc_status st = sender_sign(tx, key, from, hash, &raw, err);
    if (st == PC_OK) {
        uint8_t node_hash[32];
        pc_error e = { 0 };
        bool known = false;
        st = node_send_raw(c, raw.data, raw.len, node_hash, &e);
        if (st == PC_OK && memcmp(node_hash, hash, 32) != 0)
            st = pc_fail_cause(err, PC_ENODE, PC_CAUSE_MALFORMED,
                               "the node reported a different transaction hash");
        else if (st != PC_OK && e.cause == PC_CAUSE_REFUSED &&
                 node_tx_known(c, hash, &known, NULL) == PC_OK && known)
            st = PC_OK;
        else if (st != PC_OK && err)
            *err = e;
    }
    if (raw_out)
        *raw_out = raw;
    else
        bytebuf_free(&raw);
    return st;
}

pc_status sender_resend_if_unknown(rpc_client *c, const uint8_t hash[32], const bytebuf *raw,
                                   bool *resent, pc_error *err)
{
    *resent = false;
    bool known = false;
    pc_status st = node_tx_known(c, hash, &known, err);
    if (st != PC_OK || known)
        return st;
    uint8_t node_hash[32];
    pc_error e = { 0 };
    st = node_send_raw(c, raw->data, raw->len, node_hash, &e);
    if (st == PC_OK && memcmp(node_hash, hash, 32) != 0)
        return pc_fail(err, PC_ENODE, "%s reported a different transaction hash",
                       rpc_client_url(c));
    if (st == PC_ENODE && e.cause == PC_CAUSE_REFUSED) {
        /* It may have arrived from elsewhere between the two calls. */
        if (node_tx_known(c, hash, &known, NULL) == PC_OK && known)
            return PC_OK;
        char h[67];
        hex_encode(hash, 32, h);
        return pc_fail_cause(err, PC_ETX, PC_CAUSE_LOST,
                             "transaction 0x%s was lost with the node that took it, and the "
                             "next node refuses it: %s",
                             h, e.msg);
    }
    if (st != PC_OK && err)
        *err = e;
    *resent = st == PC_OK;
    return st;
}

pc_status sender_wait(rpc_client *c, const uint8_t hash[32], const bytebuf *raw,
                      unsigned timeout_ms, const sender_watch *watch, node_receipt *out,
                      pc_error *err)
{
    static const sender_watch quiet = { 0 };
    if (!watch)
        watch = &quiet;
    uint64_t start = now_ms();
    unsigned poll_ms = 50;
    uint64_t next_poll = start;
    unsigned long checked_moves = rpc_client_moves(c);
    for (;;) {
        uint64_t now = now_ms();
        unsigned elapsed = (unsigned)(now - start);
        if (now >= next_poll) {
            bool found = false;
            pc_status st = node_get_receipt(c, hash, out, &found, err);
            if (st == PC_OK && found)
                return PC_OK;
            if (st != PC_OK && st != PC_ENODE)
                return st;
            if (st == PC_OK && raw && rpc_client_moves(c) != checked_moves) {
                unsigned long moves = rpc_client_moves(c);
                bool resent = false;
                st = sender_resend_if_unknown(c, hash, raw, &resent, err);
                if (st == PC_ETX)
                    return st;
                if (st == PC_OK)
                    checked_moves = moves;
                if (resent && watch->resent)
                    watch->resent(watch->user, rpc_client_url(c));
            }
            /* Poll quickly at first (automining devnets), then every second. */
            poll_ms = poll_ms < 1000 ? poll_ms * 2 : 1000;
            next_poll = now_ms() + poll_ms;
        }
        if (elapsed >= timeout_ms) {
            char h[67];
            hex_encode(hash, 32, h);
            return pc_fail(err, PC_ETIMEOUT,
                           "no receipt for 0x%s after %u s; it may still be mined", h,
                           timeout_ms / 1000);
        }
        if (watch->progress)
            watch->progress(watch->user, elapsed);
        sleep_ms(100);
    }
}

char *sender_revert_reason(rpc_client *c, const eth_address *from, const eth_address *to,
                           const uint8_t *data, size_t len, uint64_t block)
{
    char tag[24];
    snprintf(tag, sizeof tag, "0x%llx", (unsigned long long)(block ? block - 1 : 0));
    bytebuf out = BYTEBUF_INIT;
    char *reason = NULL;
    node_call_reason(c, from, to, data, len, tag, &out, &reason, NULL);
    bytebuf_free(&out);
    return reason ? reason : strdup("reverted without a reason");
}
