/* The subcommands. Each gets argv with argv[0] its own name and the global
 * options already taken out, and returns the process exit code. */
#ifndef PC_COMMANDS_H
#define PC_COMMANDS_H

#include <cjson/cJSON.h>

#include "cli/cli.h"
#include "eth/address.h"
#include "eth/error.h"
#include "rpcclient/powerchain.h"
#include "rpcclient/rpc.h"
#include "wallet/history.h"
#include "wallet/nodes.h"

int cmd_call(const cli_ctx *ctx, int argc, char **argv);
int cmd_send(const cli_ctx *ctx, int argc, char **argv);
int cmd_deploy(const cli_ctx *ctx, int argc, char **argv);
int cmd_methods(const cli_ctx *ctx, int argc, char **argv);
int cmd_status(const cli_ctx *ctx, int argc, char **argv);
int cmd_meter(const cli_ctx *ctx, int argc, char **argv);
int cmd_sync(const cli_ctx *ctx, int argc, char **argv);
int cmd_history(const cli_ctx *ctx, int argc, char **argv);
/* The history index of deployment k on c's chain, opened and brought up to
 * the node's head with a progress bar on a terminal (cmd_history.c).
 * `stats` may be NULL. On failure the caller closes *h when not NULL. */
pc_status cli_index_sync(rpc_client *c, const pc_contract *k, history **h,
                         history_sync_stats *stats, pc_error *err);
/* The same for the selected deployment and node, loaded and connected
 * here. On failure the caller frees whatever is not NULL. */
pc_status open_and_sync(const cli_ctx *ctx, pc_contract **k, rpc_client **c, history **h,
                        history_sync_stats *stats, pc_error *err);
/* Views of the deployment's past, from the history index (cmd_views.c). */
int cmd_units(const cli_ctx *ctx, int argc, char **argv);
int cmd_proposals(const cli_ctx *ctx, int argc, char **argv);
int cmd_withdrawals(const cli_ctx *ctx, int argc, char **argv);
int cmd_trades(const cli_ctx *ctx, int argc, char **argv);
/* The configuration's named networks (cmd_networks.c). */
int cmd_networks(const cli_ctx *ctx, int argc, char **argv);
/* Every change of an account's ENT and eEuro, checked against the chain
 * (cmd_statement.c). */
int cmd_statement(const cli_ctx *ctx, int argc, char **argv);
/* What happens on the network, one event a line (cmd_watch.c). */
int cmd_watch(const cli_ctx *ctx, int argc, char **argv);
/* Prometheus metrics over HTTP (cmd_exporter.c). */
int cmd_exporter(const cli_ctx *ctx, int argc, char **argv);
/* Every node of the network side by side (cmd_nodes.c). */
int cmd_nodes(const cli_ctx *ctx, int argc, char **argv);
/* A probe set of the network's nodes (--rpc and its fallbacks), each
 * probe waiting at most timeout_s (cmd_nodes.c). */
pc_status cli_nodes_open(const cli_ctx *ctx, long timeout_s, nodes_set **out, pc_error *err);
/* One probed node as nodes --json prints it (NULL when out of memory). */
cJSON *cli_node_json(const node_health *h);
/* A genesis hash as 0x and 64 hex digits, or its first 8 when !whole. */
void cli_genesis_text(const uint8_t genesis[32], bool whole, char *out, size_t cap);

/* Shared by the commands: the deployment named by --contract or
 * --contract-json, and a client for --rpc. */
pc_status cli_load_contract(const cli_ctx *ctx, pc_contract **out, pc_error *err);
pc_status cli_connect(const cli_ctx *ctx, rpc_client **out, pc_error *err);

/* The three things most commands start from: the deployment, the selected
 * account's address (*has_from false when none) and a client. On failure
 * nothing is left to free. */
pc_status cli_open(const cli_ctx *ctx, pc_contract **k, eth_address *from, bool *has_from,
                   rpc_client **c, pc_error *err);

/* Prints err as "powerchain: <message>" and returns its exit code. */
int cli_fail(const pc_error *err);

#endif
