#include "rpcclient/node.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "eth/abi.h"
#include "eth/hex.h"
#include "eth/text.h"

/* Nodes send quantities as "0x..." strings; anything else is malformed. */
pc_status node_parse_u256(const cJSON *v, const char *what, u256 *out, pc_error *err)
{
    if (!cJSON_IsString(v))
        return pc_fail(err, PC_ENODE, "node sent %s that is not a hex string", what);
    pc_error sub;
    if (u256_parse_quantity(v->valuestring, out, &sub) != PC_OK)
        return pc_fail(err, PC_ENODE, "node sent a malformed %s: %s", what, sub.msg);
    return PC_OK;
}

pc_status node_parse_u64(const cJSON *v, const char *what, uint64_t *out, pc_error *err)
{
    u256 x;
    pc_status st = node_parse_u256(v, what, &x, err);
    if (st != PC_OK)
        return st;
    if (!u256_to_u64(&x, out))
        return pc_fail(err, PC_ENODE, "node sent %s too large for 64 bits", what);
    return PC_OK;
}

pc_status node_parse_data(const cJSON *v, const char *what, bytebuf *out, pc_error *err)
{
    if (!cJSON_IsString(v) || strncmp(v->valuestring, "0x", 2) != 0)
        return pc_fail(err, PC_ENODE, "node sent %s that is not 0x-prefixed hex", what);
    pc_error sub;
    if (hex_decode_buf(v->valuestring, strlen(v->valuestring), out, &sub) != PC_OK)
        return pc_fail(err, PC_ENODE, "node sent malformed %s: %s", what, sub.msg);
    return PC_OK;
}

static pc_status parse_fixed_bytes(const cJSON *v, const char *what, uint8_t *out, size_t n,
                                   pc_error *err)
{
    size_t got = 0;
    if (!cJSON_IsString(v) || strncmp(v->valuestring, "0x", 2) != 0 ||
        strlen(v->valuestring) != 2 + 2 * n ||
        hex_decode(v->valuestring, 2 + 2 * n, out, n, &got, NULL) != PC_OK || got != n)
        return pc_fail(err, PC_ENODE, "node sent %s that is not %zu bytes of hex", what, n);
    return PC_OK;
}

pc_status node_parse_hash(const cJSON *v, const char *what, uint8_t out[32], pc_error *err)
{
    return parse_fixed_bytes(v, what, out, 32, err);
}

pc_status node_parse_address(const cJSON *v, const char *what, eth_address *out, pc_error *err)
{
    return parse_fixed_bytes(v, what, out->b, 20, err);
}

static const cJSON *field(const cJSON *obj, const char *name)
{
    return cJSON_GetObjectItemCaseSensitive(obj, name);
}

pc_status node_parse_block(const cJSON *v, node_block *out, pc_error *err)
{
    memset(out, 0, sizeof *out);
    if (!cJSON_IsObject(v))
        return pc_fail(err, PC_ENODE, "node sent a block that is not an object");
    pc_status st = node_parse_u64(field(v, "number"), "block number", &out->number, err);
    if (st == PC_OK)
        st = node_parse_u64(field(v, "timestamp"), "block timestamp", &out->timestamp, err);
    const cJSON *bf = field(v, "baseFeePerGas");
    if (st == PC_OK && bf && !cJSON_IsNull(bf)) {
        out->has_base_fee = true;
        st = node_parse_u256(bf, "base fee", &out->base_fee, err);
    }
    return st;
}

void node_full_block_free(node_full_block *b)
{
    for (size_t i = 0; i < b->ntxs; i++)
        free(b->txs[i].input);
    free(b->txs);
    memset(b, 0, sizeof *b);
}

static pc_status parse_tx(const cJSON *v, const node_full_block *b, size_t pos, node_tx *out,
                          pc_error *err)
{
    memset(out, 0, sizeof *out);
    if (!cJSON_IsObject(v))
        return pc_fail(err, PC_ENODE, "node sent a transaction of block %llu that is not an "
                                      "object", (unsigned long long)b->number);
    pc_status st = node_parse_hash(field(v, "hash"), "transaction hash", out->hash, err);
    if (st == PC_OK)
        st = node_parse_u64(field(v, "transactionIndex"), "transaction index", &out->index, err);
    if (st == PC_OK && out->index != pos)
        st = pc_fail(err, PC_ENODE, "node sent transaction index %llu at place %zu of block %llu",
                     (unsigned long long)out->index, pos, (unsigned long long)b->number);
    if (st == PC_OK)
        st = node_parse_u64(field(v, "nonce"), "transaction nonce", &out->nonce, err);
    if (st == PC_OK)
        st = node_parse_address(field(v, "from"), "transaction sender", &out->from, err);
    const cJSON *to = field(v, "to");
    if (st == PC_OK && !to)
        st = pc_fail(err, PC_ENODE, "node sent a transaction without \"to\"");
    if (st == PC_OK && !cJSON_IsNull(to)) {
        out->has_to = true;
        st = node_parse_address(to, "transaction recipient", &out->to, err);
    }
    uint64_t n;
    uint8_t h[32];
    const cJSON *bn = field(v, "blockNumber"), *bh = field(v, "blockHash");
    if (st == PC_OK && bn && (node_parse_u64(bn, "transaction block", &n, err) != PC_OK ||
                              n != b->number))
        st = pc_fail(err, PC_ENODE, "node sent a transaction of another block in block %llu",
                     (unsigned long long)b->number);
    if (st == PC_OK && bh && (node_parse_hash(bh, "transaction block hash", h, err) != PC_OK ||
                              memcmp(h, b->hash, 32) != 0))
        st = pc_fail(err, PC_ENODE, "node sent a transaction of another block in block %llu",
                     (unsigned long long)b->number);
    bytebuf input = BYTEBUF_INIT;
    if (st == PC_OK)
        st = node_parse_data(field(v, "input"), "transaction input", &input, err);
    if (st != PC_OK) {
        bytebuf_free(&input);
        return st;
    }
    out->input = input.data;
    out->input_len = input.len;
    return PC_OK;
}

pc_status node_parse_full_block(const cJSON *v, node_full_block *out, bool *found,
                                pc_error *err)
{
    memset(out, 0, sizeof *out);
    *found = false;
    if (cJSON_IsNull(v))
        return PC_OK;
    if (!cJSON_IsObject(v))
        return pc_fail(err, PC_ENODE, "node sent a block that is not an object");
    pc_status st = node_parse_u64(field(v, "number"), "block number", &out->number, err);
    if (st == PC_OK)
        st = node_parse_u64(field(v, "timestamp"), "block timestamp", &out->timestamp, err);
    if (st == PC_OK)
        st = node_parse_hash(field(v, "hash"), "block hash", out->hash, err);
    if (st == PC_OK)
        st = node_parse_hash(field(v, "parentHash"), "parent hash", out->parent_hash, err);
    const cJSON *txs = field(v, "transactions");
    if (st == PC_OK && !cJSON_IsArray(txs))
        st = pc_fail(err, PC_ENODE, "node sent block %llu without a transactions list",
                     (unsigned long long)out->number);
    int n = st == PC_OK ? cJSON_GetArraySize(txs) : 0;
    if (n > 0 && !(out->txs = calloc((size_t)n, sizeof *out->txs)))
        st = pc_fail(err, PC_ENOMEM, "out of memory");
    const cJSON *t;
    if (st == PC_OK) {
        cJSON_ArrayForEach(t, txs)
        {
            if ((st = parse_tx(t, out, out->ntxs, &out->txs[out->ntxs], err)) != PC_OK)
                break;
            out->ntxs++;
        }
    }
    if (st != PC_OK) {
        node_full_block_free(out);
        return st;
    }
    *found = true;
    return PC_OK;
}

cJSON *node_params_block_number(uint64_t n, bool full)
{
    char tag[32];
    snprintf(tag, sizeof tag, "0x%llx", (unsigned long long)n);
    cJSON *params = cJSON_CreateArray();
    if (params) {
        cJSON_AddItemToArray(params, cJSON_CreateString(tag));
        cJSON_AddItemToArray(params, cJSON_CreateBool(full));
    }
    return params;
}

void node_log_clear(node_log *l)
{
    free(l->data);
    memset(l, 0, sizeof *l);
}

pc_status node_parse_log(const cJSON *v, node_log *out, pc_error *err)
{
    memset(out, 0, sizeof *out);
    if (!cJSON_IsObject(v))
        return pc_fail(err, PC_ENODE, "node sent a log that is not an object");
    pc_status st = node_parse_address(field(v, "address"), "log address", &out->address, err);
    const cJSON *topics = field(v, "topics");
    if (st == PC_OK && !cJSON_IsArray(topics))
        st = pc_fail(err, PC_ENODE, "node sent a log without a topics list");
    if (st == PC_OK && cJSON_GetArraySize(topics) > 4)
        st = pc_fail(err, PC_ENODE, "node sent a log with more than 4 topics");
    const cJSON *t;
    if (st == PC_OK) {
        cJSON_ArrayForEach(t, topics)
        {
            if ((st = node_parse_hash(t, "log topic", out->topics[out->ntopics], err)) != PC_OK)
                break;
            out->ntopics++;
        }
    }
    bytebuf data = BYTEBUF_INIT;
    if (st == PC_OK)
        st = node_parse_data(field(v, "data"), "log data", &data, err);
    const cJSON *bn = field(v, "blockNumber");
    if (st == PC_OK && bn && !cJSON_IsNull(bn))
        st = node_parse_u64(bn, "log block number", &out->block, err);
    const cJSON *th = field(v, "transactionHash");
    if (st == PC_OK && th && !cJSON_IsNull(th))
        st = node_parse_hash(th, "log transaction hash", out->tx_hash, err);
    if (st != PC_OK) {
        bytebuf_free(&data);
        return st;
    }
    out->data = data.data;
    out->data_len = data.len;
    return PC_OK;
}

void node_receipt_free(node_receipt *r)
{
    for (size_t i = 0; i < r->nlogs; i++)
        node_log_clear(&r->logs[i]);
    free(r->logs);
    memset(r, 0, sizeof *r);
}

/* A receipt's logs are those of its own transaction and block: a log that
 * names another (where the node names one) would put another
 * transaction's events under this one's outcome. */
static pc_status check_log_of_receipt(const cJSON *v, const node_log *l, const node_receipt *r,
                                      pc_error *err)
{
    const cJSON *th = field(v, "transactionHash");
    if (th && !cJSON_IsNull(th) && memcmp(l->tx_hash, r->tx_hash, 32) != 0)
        return pc_fail(err, PC_ENODE, "node sent a receipt holding a log of another transaction");
    const cJSON *bn = field(v, "blockNumber");
    if (bn && !cJSON_IsNull(bn) && l->block != r->block)
        return pc_fail(err, PC_ENODE, "node sent a receipt holding a log of another block");
    return PC_OK;
}

pc_status node_parse_receipt(const cJSON *v, node_receipt *out, bool *found, pc_error *err)
{
    memset(out, 0, sizeof *out);
    *found = false;
    if (cJSON_IsNull(v))
        return PC_OK;
    if (!cJSON_IsObject(v))
        return pc_fail(err, PC_ENODE, "node sent a receipt that is not an object");
    pc_status st = node_parse_hash(field(v, "transactionHash"), "receipt hash", out->tx_hash, err);
    if (st == PC_OK)
        st = node_parse_u64(field(v, "status"), "receipt status", &out->status, err);
    if (st == PC_OK && out->status > 1)
        st = pc_fail(err, PC_ENODE, "node sent a receipt status other than 0 or 1");
    if (st == PC_OK)
        st = node_parse_u64(field(v, "blockNumber"), "receipt block", &out->block, err);
    if (st == PC_OK)
        st = node_parse_u64(field(v, "gasUsed"), "receipt gas used", &out->gas_used, err);
    const cJSON *ca = field(v, "contractAddress");
    if (st == PC_OK && ca && !cJSON_IsNull(ca)) {
        out->has_contract_address = true;
        st = node_parse_address(ca, "contract address", &out->contract_address, err);
    }
    const cJSON *logs = field(v, "logs");
    if (st == PC_OK && !cJSON_IsArray(logs))
        st = pc_fail(err, PC_ENODE, "node sent a receipt without a logs list");
    if (st == PC_OK) {
        int n = cJSON_GetArraySize(logs);
        out->logs = n ? calloc((size_t)n, sizeof *out->logs) : NULL;
        if (n && !out->logs)
            st = pc_fail(err, PC_ENOMEM, "out of memory");
        const cJSON *l;
        cJSON_ArrayForEach(l, logs)
        {
            if (st != PC_OK)
                break;
            st = node_parse_log(l, &out->logs[out->nlogs], err);
            if (st == PC_OK)
                out->nlogs++;
            if (st == PC_OK)
                st = check_log_of_receipt(l, &out->logs[out->nlogs - 1], out, err);
        }
    }
    if (st != PC_OK) {
        node_receipt_free(out);
        return st;
    }
    *found = true;
    return PC_OK;
}

static cJSON *hex_string(const uint8_t *data, size_t len)
{
    char *h = hex_encode_prefixed(data, len);
    if (!h)
        return NULL;
    cJSON *s = cJSON_CreateString(h);
    free(h);
    return s;
}

static cJSON *address_string(const eth_address *a)
{
    char text[ETH_ADDRESS_TEXT_LEN];
    eth_address_to_checksum(a, text);
    return cJSON_CreateString(text);
}

cJSON *node_params_call(const eth_address *from, const eth_address *to, const uint8_t *data,
                        size_t len, const char *block_tag)
{
    cJSON *params = cJSON_CreateArray();
    cJSON *call = cJSON_CreateObject();
    if (!params || !call) {
        cJSON_Delete(params);
        cJSON_Delete(call);
        return NULL;
    }
    cJSON_AddItemToArray(params, call);
    if (from)
        cJSON_AddItemToObject(call, "from", address_string(from));
    if (to)
        cJSON_AddItemToObject(call, "to", address_string(to));
    cJSON_AddItemToObject(call, "data", hex_string(data, len));
    if (block_tag)
        cJSON_AddItemToArray(params, cJSON_CreateString(block_tag));
    return params;
}

cJSON *node_params_address_tag(const eth_address *a, const char *block_tag)
{
    cJSON *params = cJSON_CreateArray();
    if (!params)
        return NULL;
    cJSON_AddItemToArray(params, address_string(a));
    cJSON_AddItemToArray(params, cJSON_CreateString(block_tag));
    return params;
}

cJSON *node_params_hash(const uint8_t hash[32])
{
    cJSON *params = cJSON_CreateArray();
    if (!params)
        return NULL;
    cJSON_AddItemToArray(params, hex_string(hash, 32));
    return params;
}

cJSON *node_params_latest_block(void)
{
    cJSON *params = cJSON_CreateArray();
    if (params) {
        cJSON_AddItemToArray(params, cJSON_CreateString("latest"));
        cJSON_AddItemToArray(params, cJSON_CreateFalse());
    }
    return params;
}

pc_status node_chain_id(rpc_client *c, uint64_t *out, pc_error *err)
{
    cJSON *res;
    pc_status st = rpc_call(c, "eth_chainId", NULL, true, &res, err);
    if (st == PC_OK)
        st = node_parse_u64(res, "chain id", out, err);
    cJSON_Delete(res);
    return st;
}

pc_status node_check_chain(uint64_t got, uint64_t want, pc_error *err)
{
    if (got == want)
        return PC_OK;
    return pc_fail_cause(err, PC_ENODE, PC_CAUSE_WRONG_CHAIN,
                         "the node is on chain %llu, not chain %llu as expected: nothing signed",
                         (unsigned long long)got, (unsigned long long)want);
}

pc_status node_chain_identity(rpc_client *c, uint64_t *chain_id, uint8_t genesis_hash[32],
                              pc_error *err)
{
    rpc_batch *b = rpc_batch_new();
    cJSON *params = cJSON_CreateArray();
    if (params) {
        cJSON_AddItemToArray(params, cJSON_CreateString("0x0"));
        cJSON_AddItemToArray(params, cJSON_CreateFalse());
    }
    int i_chain = b ? rpc_batch_add(b, "eth_chainId", NULL) : -1;
    int i_genesis = b ? rpc_batch_add(b, "eth_getBlockByNumber", params) : -1;
    if (!b)
        cJSON_Delete(params);
    pc_status st = PC_OK;
    if (i_chain < 0 || i_genesis < 0)
        st = pc_fail(err, PC_ENOMEM, "out of memory");
    if (st == PC_OK)
        st = rpc_batch_send(c, b, true, err);
    const cJSON *chain = NULL, *genesis = NULL;
    if (st == PC_OK && (!(chain = rpc_batch_result(b, (size_t)i_chain, err)) ||
                        !(genesis = rpc_batch_result(b, (size_t)i_genesis, err))))
        st = PC_ENODE; /* err says what the node answered */
    if (st == PC_OK)
        st = node_parse_u64(chain, "chain id", chain_id, err);
    if (st == PC_OK)
        st = node_parse_hash(cJSON_GetObjectItemCaseSensitive(genesis, "hash"),
                             "genesis block hash", genesis_hash, err);
    rpc_batch_free(b);
    return st;
}

pc_status node_block_number(rpc_client *c, uint64_t *out, pc_error *err)
{
    cJSON *res;
    pc_status st = rpc_call(c, "eth_blockNumber", NULL, true, &res, err);
    if (st == PC_OK)
        st = node_parse_u64(res, "block number", out, err);
    cJSON_Delete(res);
    return st;
}

pc_status node_call(rpc_client *c, const eth_address *from, const eth_address *to,
                    const uint8_t *data, size_t len, const char *block_tag, bytebuf *out,
                    pc_error *err)
{
    return node_call_reason(c, from, to, data, len, block_tag, out, NULL, err);
}

pc_status node_call_reason(rpc_client *c, const eth_address *from, const eth_address *to,
                           const uint8_t *data, size_t len, const char *block_tag, bytebuf *out,
                           char **reason_out, pc_error *err)
{
    if (reason_out)
        *reason_out = NULL;
    cJSON *params = node_params_call(from, to, data, len, block_tag ? block_tag : "latest");
    if (!params)
        return pc_fail(err, PC_ENOMEM, "out of memory");
    cJSON *res;
    pc_status st = rpc_call(c, "eth_call", params, true, &res, err);
    if (st != PC_OK) {
        rpc_error_info info = rpc_client_last_error(c);
        if (info.present && info.data_hex) {
            bytebuf rd = BYTEBUF_INIT;
            char *reason = NULL;
            if (hex_decode_buf(info.data_hex, strlen(info.data_hex), &rd, NULL) == PC_OK &&
                abi_decode_revert(rd.data, rd.len, &reason, NULL) == PC_OK) {
                text_sanitize(reason); /* the contract's words, shown as they are */
                st = pc_fail_cause(err, PC_ETX, PC_CAUSE_REVERTED, "the call reverted: %s",
                                   reason);
            }
            if (st == PC_ETX && reason_out) {
                *reason_out = reason;
                reason = NULL;
            }
            free(reason);
            bytebuf_free(&rd);
        }
        return st;
    }
    st = node_parse_data(res, "call result", out, err);
    cJSON_Delete(res);
    return st;
}

pc_status node_send_raw(rpc_client *c, const uint8_t *raw, size_t len, uint8_t hash[32],
                        pc_error *err)
{
    cJSON *params = cJSON_CreateArray();
    cJSON *h = hex_string(raw, len);
    if (!params || !h) {
        cJSON_Delete(params);
        cJSON_Delete(h);
        return pc_fail(err, PC_ENOMEM, "out of memory");
    }
    cJSON_AddItemToArray(params, h);
    cJSON *res;
    pc_status st = rpc_call(c, "eth_sendRawTransaction", params, false, &res, err);
    if (st == PC_OK)
        st = node_parse_hash(res, "transaction hash", hash, err);
    cJSON_Delete(res);
    return st;
}

pc_status node_tx_known(rpc_client *c, const uint8_t hash[32], bool *known, pc_error *err)
{
    cJSON *params = node_params_hash(hash);
    if (!params)
        return pc_fail(err, PC_ENOMEM, "out of memory");
    cJSON *res = NULL;
    pc_status st = rpc_call(c, "eth_getTransactionByHash", params, true, &res, err);
    if (st == PC_OK && !cJSON_IsObject(res) && !cJSON_IsNull(res))
        st = pc_fail(err, PC_ENODE, "%s: malformed answer to eth_getTransactionByHash",
                     rpc_client_url(c));
    *known = st == PC_OK && cJSON_IsObject(res);
    cJSON_Delete(res);
    return st;
}

pc_status node_get_receipt(rpc_client *c, const uint8_t hash[32], node_receipt *out, bool *found,
                           pc_error *err)
{
    cJSON *params = node_params_hash(hash);
    if (!params)
        return pc_fail(err, PC_ENOMEM, "out of memory");
    cJSON *res;
    pc_status st = rpc_call(c, "eth_getTransactionReceipt", params, true, &res, err);
    if (st == PC_OK)
        st = node_parse_receipt(res, out, found, err);
    cJSON_Delete(res);
    if (st == PC_OK && *found && memcmp(out->tx_hash, hash, 32) != 0) {
        node_receipt_free(out);
        *found = false;
        st = pc_fail(err, PC_ENODE, "node at %s answered with the receipt of another transaction",
                     rpc_client_url(c));
    }
    return st;
}
