/* The Ethereum JSON-RPC methods powerchain uses, with typed and checked
 * answers. Every field of a node's answer is validated (hex form, lengths,
 * ranges) before use; a malformed answer is PC_ENODE, cause
 * PC_CAUSE_MALFORMED, naming the field.
 *
 * The node_parse_* functions read one answer that came some other way (for
 * example from a batch). */
#ifndef PC_NODE_H
#define PC_NODE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <cjson/cJSON.h>

#include "eth/address.h"
#include "eth/bytes.h"
#include "eth/error.h"
#include "eth/u256.h"
#include "rpcclient/rpc.h"

typedef struct node_block {
    uint64_t number;
    uint64_t timestamp;
    bool has_base_fee;  /* London and later */
    u256 base_fee;
} node_block;

typedef struct node_log {
    eth_address address;
    uint8_t topics[4][32];
    size_t ntopics;
    uint8_t *data;      /* owned */
    size_t data_len;
    uint64_t block;
    uint8_t tx_hash[32];
} node_log;

typedef struct node_receipt {
    uint8_t tx_hash[32];
    uint64_t status;    /* 1 success, 0 reverted */
    uint64_t block;
    uint64_t gas_used;
    bool has_contract_address;
    eth_address contract_address;
    node_log *logs;     /* owned */
    size_t nlogs;
} node_receipt;

/* A transaction inside a block fetched with its transactions. */
typedef struct node_tx {
    uint8_t hash[32];
    uint64_t index;     /* position in its block */
    uint64_t nonce;
    eth_address from;
    bool has_to;        /* false: a contract creation */
    eth_address to;
    uint8_t *input;     /* owned; calldata, or init code for a creation */
    size_t input_len;
} node_tx;

/* eth_getBlockByNumber(n, true): the block's identity and its transactions
 * in block order. */
typedef struct node_full_block {
    uint64_t number;
    uint64_t timestamp;
    uint8_t hash[32];
    uint8_t parent_hash[32];
    node_tx *txs;       /* owned */
    size_t ntxs;
} node_full_block;

pc_status node_parse_u64(const cJSON *v, const char *what, uint64_t *out, pc_error *err);
pc_status node_parse_u256(const cJSON *v, const char *what, u256 *out, pc_error *err);
pc_status node_parse_data(const cJSON *v, const char *what, bytebuf *out, pc_error *err);
pc_status node_parse_hash(const cJSON *v, const char *what, uint8_t out[32], pc_error *err);
pc_status node_parse_address(const cJSON *v, const char *what, eth_address *out, pc_error *err);
pc_status node_parse_block(const cJSON *v, node_block *out, pc_error *err);
/* A block with full transactions. Every transaction must be an object with
 * hash, nonce, from, to (null for a creation), input, and a
 * transactionIndex equal to its place in the list; blockNumber and
 * blockHash, when given, must be the block's own. A null answer (no such
 * block) sets *found to false and is not an error. On error nothing is
 * left to free. */
pc_status node_parse_full_block(const cJSON *v, node_full_block *out, bool *found,
                                pc_error *err);
void node_full_block_free(node_full_block *b);
/* [n, full] for eth_getBlockByNumber. */
cJSON *node_params_block_number(uint64_t n, bool full);
/* A null answer (not mined yet) sets *found to false and is not an error. */
pc_status node_parse_receipt(const cJSON *v, node_receipt *out, bool *found, pc_error *err);
/* Parses one log object into *out (data owned by out). */
pc_status node_parse_log(const cJSON *v, node_log *out, pc_error *err);
void node_log_clear(node_log *l);
void node_receipt_free(node_receipt *r);

/* Params builders for batches (new cJSON arrays, NULL on allocation failure).
 * node_params_call: an eth_call / eth_estimateGas call object; `from` and
 * `to` may be NULL, and a NULL block_tag leaves the tag out. */
cJSON *node_params_call(const eth_address *from, const eth_address *to, const uint8_t *data,
                        size_t len, const char *block_tag);
cJSON *node_params_address_tag(const eth_address *a, const char *block_tag);
cJSON *node_params_hash(const uint8_t hash[32]);
/* ["latest", false]: the newest block without its transactions. */
cJSON *node_params_latest_block(void);

pc_status node_chain_id(rpc_client *c, uint64_t *out, pc_error *err);
/* PC_OK when got == want, else PC_ENODE saying that nothing is signed. */
pc_status node_check_chain(uint64_t got, uint64_t want, pc_error *err);
/* What tells one chain from another, in one batch: its chain id and the
 * hash of its block 0 (two local chains may share a chain id, never a
 * genesis block). */
pc_status node_chain_identity(rpc_client *c, uint64_t *chain_id, uint8_t genesis_hash[32],
                              pc_error *err);
pc_status node_block_number(rpc_client *c, uint64_t *out, pc_error *err);

/* eth_call. `from` may be NULL; block_tag NULL means "latest". A revert is
 * PC_ETX, cause PC_CAUSE_REVERTED, with the decoded reason (Error(string),
 * Panic(uint256) or none) in the message. */
pc_status node_call(rpc_client *c, const eth_address *from, const eth_address *to,
                    const uint8_t *data, size_t len, const char *block_tag, bytebuf *out,
                    pc_error *err);
/* node_call that also hands over the revert reason alone: on PC_ETX
 * *reason is a string the caller frees, else NULL. */
pc_status node_call_reason(rpc_client *c, const eth_address *from, const eth_address *to,
                           const uint8_t *data, size_t len, const char *block_tag, bytebuf *out,
                           char **reason, pc_error *err);

/* eth_sendRawTransaction, never retried. */
pc_status node_send_raw(rpc_client *c, const uint8_t *raw, size_t len, uint8_t hash[32],
                        pc_error *err);

/* Whether the node knows the transaction, pending or mined
 * (eth_getTransactionByHash, retried as a read). */
pc_status node_tx_known(rpc_client *c, const uint8_t hash[32], bool *known, pc_error *err);

pc_status node_get_receipt(rpc_client *c, const uint8_t hash[32], node_receipt *out, bool *found,
                           pc_error *err);

#endif
