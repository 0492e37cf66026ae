/* One transaction from the command line through the transaction engine
 * (wallet/engine.h), stepped in a blocking loop. The command line's part:
 * the account and its key (unlocked first: a password prompt never holds
 * the nonce lock), the confirmation, the hash printed as soon as the node
 * has it, a spinner on a terminal while waiting, and the outcome's
 * printing.
 *
 * The confirmation, without --yes, asks on the controlling terminal (even
 * when standard input is a pipe; with no terminal nothing is signed) and
 * shows what the panel's dialog shows: what the call does and its warnings
 * (wallet/effect.h, a predicted figure marked "(estimate)" unless the node
 * simulated it), the node's simulation (the contract's Info/Error texts,
 * the figures it changes, what could not be simulated), then the
 * transaction's fields. A simulated Error or revert turns the question
 * into a warning quoting the contract, answered No by default; under
 * --yes such a transaction is not signed unless --force: PC_ETX, cause
 * PC_CAUSE_ERROR_EVENT or PC_CAUSE_REVERTED (exit 1, as a failed send). */
#ifndef PC_TRANSACT_H
#define PC_TRANSACT_H

#include <stdbool.h>

#include "cli/book.h"
#include "cli/cli.h"
#include "eth/bytes.h"
#include "rpcclient/node.h"
#include "rpcclient/powerchain.h"
#include "rpcclient/rpc.h"
#include "wallet/engine.h"

#define CLI_DEFAULT_WAIT_S WALLET_DEFAULT_WAIT_S

typedef struct cli_tx {
    const char *description;   /* "transferENT 0x... 1.5" for the confirmation */
    const pc_method *method;   /* the contract function called, or NULL (a creation) */
    int argc;                  /* its arguments as pc_encode_call took them (names */
    char *const *argv;         /* resolved to addresses), for what it does in words */
    bool has_to;               /* false: contract creation (not simulated) */
    eth_address to;
    const uint8_t *data;
    size_t data_len;
    unsigned wait_s;           /* receipt deadline */
    sender_fees fees;          /* the gas limit and fees given (cli/fees.h), else the node's */
    bool force;                /* --force: under --yes, sign what the simulation says fails */
} cli_tx;

/* On PC_OK, *receipt holds the receipt (free with node_receipt_free) and
 * *outcome its decoded events (free with pc_outcome_free), whatever the
 * transaction's own success. Errors: PC_EINPUT (no account, cancelled --
 * cause PC_CAUSE_CANCELLED --, the fee cap), PC_ETX (refused by the
 * simulation as above, or a call that reverts has no gas limit), PC_EKEY,
 * PC_ENODE, PC_ETIMEOUT (no receipt in time: the message names the hash),
 * PC_EIO, PC_ENOMEM. */
pc_status cli_transact(const cli_ctx *ctx, rpc_client *c, const pc_contract *k,
                       const cli_tx *t, node_receipt *receipt, pc_outcome *outcome,
                       pc_error *err);

/* --dry-run: prepares and simulates t as the selected account (its
 * address only: no key is unlocked, no password asked, unless a key file
 * of unknown address must tell it), prints the simulation and signs
 * nothing. On a terminal: what it does, the contract's texts, the figures
 * before and after, what could not be simulated. With --json exactly one
 * object: {"outcome": "ok"|"error"|"reverted", "texts": ["Info: ...",
 * "Error: ...", "reverted: ..."], "changes": [{"account", "what",
 * "before", "after"}], "via": "eth_simulateV1"|"debug_traceCall"|
 * "eth_call"}, amounts as integer strings in the figure's own units; the
 * changes are the sender's every figure and any other figure that
 * changed, with "after" null where it could not be simulated. Returns the
 * exit code: 0 ok, 1 an Error or a revert, else the failure's. */
int cli_dry_run(const cli_ctx *ctx, rpc_client *c, const pc_contract *k, const cli_tx *t);

/* How `send METHOD ARGS` and a meter's reading are sent. */
typedef struct cli_send_opts {
    unsigned wait_s;           /* receipt deadline */
    sender_fees fees;
    bool dry_run;              /* --dry-run: cli_dry_run, nothing signed */
    bool force;                /* --force (cli_tx) */
} cli_send_opts;

/* The call of m with its arguments as typed: names among them resolved
 * (cli/book.h; argv is rewritten to the addresses, names->label keeps
 * what the confirmation shows), the calldata appended to *calldata, the
 * deployment loaded into *k (the caller frees both). PC_EINPUT naming the
 * argument, PC_EIO, PC_ENOMEM. */
pc_status cli_encode_method(const cli_ctx *ctx, const pc_method *m, int argc, char **argv,
                            book_args *names, bytebuf *calldata, pc_contract **k,
                            pc_error *err);

/* cli_encode_method, then (online) cli_transact and cli_report_outcome,
 * or cli_dry_run. Returns the exit code. */
int cli_send_method(const cli_ctx *ctx, const pc_method *m, int argc, char **argv,
                    const cli_send_opts *o);

/* Prints the outcome (text or --json) and returns the exit code: 0 only for
 * status 1 without an Error event. `extra` (may be NULL) adds one member to
 * the JSON object, e.g. the address of a deployed contract. */
int cli_report_outcome(const cli_ctx *ctx, const pc_outcome *o, const char *extra_key,
                       const char *extra_value);

#endif
