/* What most commands start from: the deployment named by --contract or
 * --contract-json, a client for the nodes of --rpc, and the selected
 * account's address (cli/signer.h). Each undoes its own work on failure:
 * nothing is left to free then. */
#ifndef PC_CLI_OPEN_H
#define PC_CLI_OPEN_H

#include <stdbool.h>

#include "cli/cli.h"
#include "eth/address.h"
#include "eth/error.h"
#include "rpcclient/powerchain.h"
#include "rpcclient/rpc.h"

/* The deployment (caller frees with pc_contract_free): --contract's
 * address, else the deployment file main read (ctx->deployment, copied),
 * else --contract-json's file. PC_EINPUT when none is given, for a
 * malformed address and for a file that is not a deployment file; PC_EIO
 * for one that cannot be read (safefile_read); PC_ENOMEM. */
pc_status cli_load_contract(const cli_ctx *ctx, pc_contract **out, pc_error *err);

/* A client for ctx->rpc_url, failing over to ctx->rpc_fallbacks, trusting
 * ctx->cacert (caller frees with rpc_client_free). Contacts no node.
 * PC_EINPUT for a malformed node URL or socket path, too many nodes, and a
 * CA file that cannot be read; PC_ENOMEM. */
pc_status cli_connect(const cli_ctx *ctx, rpc_client **out, pc_error *err);

/* The three above at once: the deployment, the selected account's address
 * (*has_from false when none is selected; signer_address's codes) and a
 * client. */
pc_status cli_open(const cli_ctx *ctx, pc_contract **k, eth_address *from, bool *has_from,
                   rpc_client **c, pc_error *err);

#endif
