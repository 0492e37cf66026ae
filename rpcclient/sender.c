#include "rpcclient/sender.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "eth/hex.h"
#include "eth/secp.h"

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
    if (st == PC_OK)
        st = node_parse_u64(rpc_batch_result(b, (size_t)i_nonce, err), "nonce", &nonce, err);
    if (st == PC_OK)
        st = node_parse_block(rpc_batch_result(b, (size_t)i_block, err), &block, err);
    if (st == PC_OK)
        st = node_parse_u256(rpc_batch_result(b, (size_t)i_price, err), "gas price", &gas_price,
                             err);
    /* A call that reverts has no estimate; the rest is filled all the same. */
    pc_status gas_st = PC_OK;
    pc_error gas_err = { 0 };
    if (st == PC_OK && estimate) {
        pc_error sub;
        const cJSON *g = rpc_batch_result(b, (size_t)i_gas, &sub);
        if (g)
            st = node_parse_u64(g, "gas estimate", &gas, err);
        else if ((gas_st = estimate_failed(c, req, &sub, &gas_err)) != PC_ETX)
            st = pc_error_copy(err, &gas_err);
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
    tx->nonce = nonce;
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
    return gas_st == PC_OK ? PC_OK : pc_error_copy(err, &gas_err);
}

pc_status sender_key_check(secret *key, const eth_address *from, pc_error *err)
{
    eth_address signer;
    pc_status st = secp_privkey_to_address(secret_open(key), &signer, err);
    secret_close(key);
    if (st == PC_OK && !eth_address_equal(&signer, from)) {
        char want[ETH_ADDRESS_TEXT_LEN];
        eth_address_to_checksum(from, want);
        st = pc_fail(err, PC_EKEY, "the unlocked key does not belong to %s", want);
    }
    return st;
}

pc_status sender_sign(const eth_tx *tx, secret *key, const eth_address *from, uint8_t hash[32],
                      bytebuf *raw, pc_error *err)
{
    pc_status st = sender_key_check(key, from, err);
    if (st == PC_OK) {
        st = eth_tx_sign(tx, secret_open(key), raw, hash, err);
        secret_close(key);
    }
    return st;
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
