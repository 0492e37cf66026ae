/* One transaction from the command line through wallet/txpipe.h: the
 * command line's part is the account and its key, the confirmation (shown
 * and asked on a terminal unless --yes), the hash printed as soon as the
 * node has it, a spinner on a terminal while waiting, and the outcome's
 * printing. */
#ifndef PC_TRANSACT_H
#define PC_TRANSACT_H

#include <stdbool.h>

#include "cli/cli.h"
#include "eth/bytes.h"
#include "rpcclient/node.h"
#include "rpcclient/powerchain.h"
#include "rpcclient/rpc.h"
#include "wallet/txpipe.h"

#define CLI_DEFAULT_WAIT_S WALLET_DEFAULT_WAIT_S

typedef struct cli_tx {
    const char *description;   /* "transferENT 0x... 1.5" for the confirmation */
    bool has_to;               /* false: contract creation */
    eth_address to;
    const uint8_t *data;
    size_t data_len;
    unsigned wait_s;           /* receipt deadline */
    sender_fees fees;          /* the gas limit and fees given (cli/fees.h), else the node's */
} cli_tx;

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
