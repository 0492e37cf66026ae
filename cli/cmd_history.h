/* powerchain sync and powerchain history: the local history index
 * (wallet/history.h) brought up to the node's head, and its transactions
 * printed as a table, JSON (--json) or CSV (--csv). */
#ifndef PC_CMD_HISTORY_H
#define PC_CMD_HISTORY_H

#include <stdbool.h>

#include "cli/cli.h"
#include "eth/error.h"
#include "rpcclient/powerchain.h"
#include "rpcclient/rpc.h"
#include "wallet/history.h"

/* history's own options (the command table describes them). */
typedef struct history_options {
    const char *method, *from_block, *to_block;
    bool csv;
} history_options;

/* sync's own options. */
typedef struct sync_options {
    bool reset; /* index the node's chain afresh, beside another chain's index */
} sync_options;

/* Handlers of the command table (cli/cli.h's cli_handler): each returns
 * the exit code, its errors printed. */
int cmd_sync(const cli_ctx *ctx, int argc, char **argv);
int cmd_history(const cli_ctx *ctx, int argc, char **argv);

/* The history index of deployment k on c's chain, opened and brought up to
 * the node's head with a progress bar on a terminal. `stats` may be NULL.
 * Codes: history_open's and history_sync's (wallet/history.h: PC_ENODE,
 * PC_EDATA, PC_EIO, PC_EINPUT, PC_ENOMEM). On failure the caller closes *h
 * when not NULL. */
pc_status cli_index_sync(rpc_client *c, const pc_contract *k, history **h,
                         history_sync_stats *stats, pc_error *err);
/* The same for the selected deployment and node, loaded and connected
 * here: cli_load_contract's and cli_connect's codes too. On failure the
 * caller frees whatever is not NULL. */
pc_status open_and_sync(const cli_ctx *ctx, pc_contract **k, rpc_client **c, history **h,
                        history_sync_stats *stats, pc_error *err);

#endif
