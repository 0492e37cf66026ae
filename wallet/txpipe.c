#include "wallet/txpipe.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "eth/hex.h"

pc_status wallet_tx_lock(rpc_client *c, const wallet_tx *t, nonce_lock *lock,
                         uint64_t *chain_id, pc_error *err)
{
    lock->fd = -1;
    uint8_t genesis[32];
    pc_status st = node_chain_identity(c, chain_id, genesis, err);
    if (st == PC_OK && t->has_chain_id)
        st = node_check_chain(*chain_id, t->chain_id, err);
    return st == PC_OK ? nonce_lock_take(*chain_id, genesis, &t->from, t->wait_s, lock, err) : st;
}

pc_status wallet_tx_prepare(rpc_client *c, const wallet_tx *t, eth_tx *tx, pc_error *err)
{
    sender_request req = { .from = t->from, .has_to = t->has_to, .to = t->to, .data = t->data,
                           .data_len = t->data_len, .has_chain_id = t->has_chain_id,
                           .chain_id = t->chain_id, .fees = t->fees };
    pc_status st = sender_prepare(c, &req, tx, err);
    return st == PC_OK ? wallet_tx_check_fee(tx, &t->fee_cap, err) : st;
}

pc_status wallet_tx_check_fee(const eth_tx *tx, const u256 *cap, pc_error *err)
{
    const u256 *per_gas = tx->type == ETH_TX_EIP1559 ? &tx->max_fee : &tx->gas_price;
    u256 fee, limit = u256_from_u64(tx->gas_limit);
    bool fits = u256_mul(&fee, &limit, per_gas);
    if (fits && u256_cmp(&fee, cap) <= 0)
        return PC_OK;
    char f[U256_DEC_MAX], g[U256_DEC_MAX], c[U256_DEC_MAX];
    u256_to_dec(per_gas, g);
    u256_to_dec(cap, c);
    if (fits)
        u256_to_dec(&fee, f);
    else
        snprintf(f, sizeof f, "more than 2^256");
    return pc_fail(err, PC_EINPUT,
                   "the fee can reach %s wei (%llu gas x %s wei/gas), above the fee cap of %s "
                   "wei; nothing signed: raise the cap with --fee-cap WEI or \"fee-cap = WEI\" "
                   "in the config file",
                   f, (unsigned long long)tx->gas_limit, g, c);
}

pc_status wallet_tx_next_nonce(rpc_client *c, const eth_address *from, uint64_t *nonce,
                               pc_error *err)
{
    cJSON *params = node_params_address_tag(from, "pending");
    if (!params)
        return pc_fail(err, PC_ENOMEM, "out of memory");
    cJSON *res = NULL;
    pc_status st = rpc_call(c, "eth_getTransactionCount", params, true, &res, err);
    if (st == PC_OK)
        st = node_parse_u64(res, "nonce", nonce, err);
    cJSON_Delete(res);
    return st;
}

static bool tx_known(rpc_client *c, const uint8_t hash[32])
{
    bool known = false;
    return node_tx_known(c, hash, &known, NULL) == PC_OK && known;
}

pc_status wallet_tx_send_signed(rpc_client *c, const bytebuf *raw, const uint8_t hash[32],
                                unsigned tries, wallet_retry_fn retry, void *user,
                                bool *answer_lost, pc_error *err)
{
    *answer_lost = false;
    for (unsigned attempt = 0;; attempt++) {
        uint8_t node_hash[32];
        pc_error e = { 0 };
        pc_status st = node_send_raw(c, raw->data, raw->len, node_hash, &e);
        if (st == PC_OK && memcmp(node_hash, hash, 32) != 0)
            return pc_fail(err, PC_ENODE, "%s reported a different transaction hash",
                           rpc_client_url(c));
        /* A refusal of bytes the node already has ("already known", or
         * "nonce too low" after a try whose answer was lost) is success. */
        if (st == PC_OK || (e.cause == PC_CAUSE_REFUSED && tx_known(c, hash)))
            return PC_OK;
        bool transport = e.cause == PC_CAUSE_UNREACHABLE || e.cause == PC_CAUSE_TIMEOUT;
        if (err)
            *err = e;
        if (!transport || attempt + 1 >= tries)
            return st;
        if (!*answer_lost && retry)
            retry(user, &e);
        *answer_lost = true;
        rpc_client_fail_over(c);
        nanosleep(&(struct timespec){ 1, 0 }, NULL);
    }
}

pc_status wallet_tx_send_prepared(rpc_client *c, const wallet_tx *t, eth_tx *tx, secret *key,
                                  wallet_sent *sent, pc_error *err)
{
    memset(sent->hash, 0, sizeof sent->hash);
    sent->raw = (bytebuf)BYTEBUF_INIT;
    nonce_lock lock;
    uint64_t chain_id = 0;
    pc_status st = wallet_tx_lock(c, t, &lock, &chain_id, err);
    /* The nonce shown in the dialog may have been taken meanwhile. */
    if (st == PC_OK)
        st = wallet_tx_next_nonce(c, &t->from, &tx->nonce, err);
    if (st == PC_OK)
        st = sender_send(c, tx, key, &t->from, sent->hash, &sent->raw, err);
    nonce_lock_release(&lock);
    return st;
}

pc_status wallet_tx_outcome(rpc_client *c, const pc_contract *k, const wallet_tx *t,
                            const node_receipt *r, pc_outcome *out, pc_error *err)
{
    pc_status st = pc_outcome_from_receipt(k, r, out, err);
    if (st == PC_OK && r->status == 0)
        out->revert_reason = sender_revert_reason(c, &t->from, t->has_to ? &t->to : NULL, t->data,
                                                  t->data_len, r->block);
    return st;
}

pc_cause wallet_outcome_cause(const pc_outcome *o)
{
    if (o->status != 1)
        return PC_CAUSE_REVERTED;
    return pc_outcome_ok(o) ? PC_CAUSE_NONE : PC_CAUSE_ERROR_EVENT;
}

/* A creation's address follows from its sender and nonce: a node whose
 * receipt names another would have the deployment file point anywhere. */
static pc_status check_created_address(const eth_address *from, uint64_t nonce,
                                       const node_receipt *r, pc_error *err)
{
    eth_address want;
    pc_status st = eth_tx_create_address(from, nonce, &want, err);
    if (st == PC_OK && memcmp(want.b, r->contract_address.b, sizeof want.b) != 0) {
        char said[ETH_ADDRESS_TEXT_LEN], made[ETH_ADDRESS_TEXT_LEN];
        eth_address_to_checksum(&r->contract_address, said);
        eth_address_to_checksum(&want, made);
        st = pc_fail(err, PC_ENODE,
                     "the node's receipt names contract %s, but this creation (nonce %llu) made "
                     "%s: do not trust this node",
                     said, (unsigned long long)nonce, made);
    }
    return st;
}

pc_status wallet_tx_run(rpc_client *c, const pc_contract *k, const wallet_tx *t, secret *key,
                        const wallet_tx_hooks *h, node_receipt *receipt, pc_outcome *outcome,
                        pc_error *err)
{
    static const wallet_tx_hooks none = { 0 };
    if (!h)
        h = &none;
    memset(receipt, 0, sizeof *receipt);
    memset(outcome, 0, sizeof *outcome);
    wallet_tx pinned = *t; /* signed for the chain the lock is on, nothing else */
    nonce_lock lock;
    eth_tx tx;
    wallet_sent sent = { { 0 }, BYTEBUF_INIT };
    pc_status st = wallet_tx_lock(c, t, &lock, &pinned.chain_id, err);
    pinned.has_chain_id = true;
    if (st == PC_OK)
        st = wallet_tx_prepare(c, &pinned, &tx, err);
    if (st == PC_OK && h->confirm)
        st = h->confirm(h->user, &tx, err);
    if (st == PC_OK)
        st = sender_send(c, &tx, key, &t->from, sent.hash, &sent.raw, err);
    nonce_lock_release(&lock);
    if (st != PC_OK) {
        /* Signed, then refused (the node's reason follows), or the answer
         * was lost: then the hash is all there is. */
        if (st == PC_ENODE && memcmp(sent.hash, (uint8_t[32]){ 0 }, 32) != 0) {
            char hex[65];
            hex_encode(sent.hash, 32, hex);
            if (err && err->cause == PC_CAUSE_REFUSED)
                pc_error_prefix(err, "transaction 0x%s was not taken", hex);
            else
                pc_error_prefix(err, "transaction 0x%s may or may not have reached the node",
                                hex);
        }
        bytebuf_free(&sent.raw);
        return st;
    }
    if (h->sent)
        h->sent(h->user, sent.hash);
    st = sender_wait(c, sent.hash, &sent.raw, t->wait_s * 1000u, &h->watch, receipt, err);
    bytebuf_free(&sent.raw);
    if (st == PC_OK && !t->has_to && receipt->has_contract_address)
        st = check_created_address(&t->from, tx.nonce, receipt, err);
    if (st == PC_OK)
        st = wallet_tx_outcome(c, k, t, receipt, outcome, err);
    if (st != PC_OK)
        node_receipt_free(receipt);
    return st;
}
