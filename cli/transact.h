/* One transaction from the command line: prepare (nonce, fee, gas from the
 * node), show it and ask on a terminal unless --yes, unlock, sign, send
 * once, print the hash at once, wait for the receipt with a spinner on a
 * terminal, and decode the outcome. */
#ifndef PC_TRANSACT_H
#define PC_TRANSACT_H

#include <stdbool.h>

#include "cli/cli.h"
#include "cli/nonce_lock.h"
#include "eth/bytes.h"
#include "rpcclient/node.h"
#include "rpcclient/powerchain.h"
#include "rpcclient/rpc.h"

#define CLI_DEFAULT_WAIT_S 120

typedef struct cli_tx {
    const char *description;   /* "transferENT 0x... 1.5" for the confirmation */
    bool has_to;               /* false: contract creation */
    eth_address to;
    const uint8_t *data;
    size_t data_len;
    unsigned wait_s;           /* receipt deadline */
} cli_tx;

/* Takes the nonce lock of `from` on the node's chain (its chain id and
 * genesis block, in one request). *chain_id receives the chain id, which
 * must equal --chain-id when given; the caller signs for that chain only, so
 * a node that changes chains meanwhile gets nothing signed. */
pc_status cli_take_nonce_lock(const cli_ctx *ctx, rpc_client *c, const eth_address *from,
                              unsigned wait_s, nonce_lock *lock, uint64_t *chain_id,
                              pc_error *err);

/* On PC_OK, *receipt holds the receipt (free with node_receipt_free) and
 * *outcome its decoded events (free with pc_outcome_free), whatever the
 * transaction's own success. */
pc_status cli_transact(const cli_ctx *ctx, rpc_client *c, const pc_contract *k,
                       const cli_tx *t, node_receipt *receipt, pc_outcome *outcome,
                       pc_error *err);

/* Prints the outcome (text or --json) and returns the exit code: 0 only for
 * status 1 without an Error event. `extra` (may be NULL) adds one member to
 * the JSON object, e.g. the address of a deployed contract. */
int cli_report_outcome(const cli_ctx *ctx, const pc_outcome *o, const char *extra_key,
                       const char *extra_value);

#endif
