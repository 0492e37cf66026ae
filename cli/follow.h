/* What the commands that run until stopped (watch, exporter) keep open
 * between looks: the deployment, a client with failover, a probe set of
 * every node, and the history index with a reader of its past that loads
 * only new blocks. */
#ifndef PC_FOLLOW_H
#define PC_FOLLOW_H

#include <stdbool.h>
#include <stdint.h>

#include "cli/cli.h"
#include "eth/error.h"
#include "rpcclient/powerchain.h"
#include "wallet/history.h"
#include "wallet/nodes.h"
#include "wallet/past.h"

typedef struct cli_follow {
    pc_contract *k;
    rpc_client *c;
    nodes_set *nodes;
    history *h;                  /* NULL until the node has answered once */
    wallet_past_reader reader;
} cli_follow;

/* Loads the deployment and opens the clients (no node is asked yet).
 * On failure *f holds nothing. */
pc_status cli_follow_open(const cli_ctx *ctx, cli_follow *f, pc_error *err);
/* Opens the index when the node first answers and brings it up to the
 * node's head; a reorg it rolls back makes the reader load everything
 * again, and *rolled_back (may be NULL) says how many transactions it
 * undid. False when the index could not be opened or brought up to date
 * (what it holds is still there when it was open). */
bool cli_follow_sync(cli_follow *f, uint64_t *rolled_back);
/* Closes the index and drops the reader (the chain under the node is
 * another one now). */
void cli_follow_forget_index(cli_follow *f);
void cli_follow_close(cli_follow *f);

#endif
