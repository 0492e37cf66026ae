/* powerchain nodes: every node of the network (--rpc, given up to 8 times,
 * or the configuration's rpc line) side by side, as wallet/nodes.h probes
 * them: whether it answers, its client, chain, head, lag behind the best
 * head, latency, peers and whether it is syncing. Exit 0 when every node
 * answers from the same chain, 1 when one is down or on another chain, 3
 * when none answers. status --json and the commands that follow the chain
 * (cli/follow.h) use its probe set and its JSON too. */
#ifndef PC_CMD_NODES_H
#define PC_CMD_NODES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <cjson/cJSON.h>

#include "cli/cli.h"
#include "eth/error.h"
#include "wallet/nodes.h"

/* Handler of the command table (cli/cli.h's cli_handler): returns the exit
 * code, its errors printed. */
int cmd_nodes(const cli_ctx *ctx, int argc, char **argv);

/* A probe set of the network's nodes (--rpc and its fallbacks), each probe
 * waiting at most timeout_s: nodes_open's codes (PC_EINPUT for a malformed
 * node, PC_ENOMEM). The caller closes *out with nodes_close. */
pc_status cli_nodes_open(const cli_ctx *ctx, long timeout_s, nodes_set **out, pc_error *err);

/* One probed node as nodes --json prints it (NULL when out of memory; the
 * caller owns it). */
cJSON *cli_node_json(const node_health *h);

/* A genesis hash as 0x and 64 hex digits, or its first 8 when !whole. */
void cli_genesis_text(const uint8_t genesis[32], bool whole, char *out, size_t cap);

#endif
