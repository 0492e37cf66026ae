/* powerchain watch [--from BLOCK] [--events a,b] [--peg-gap ENT]: what
 * happens on the network, as it happens, one line per event (wallet/
 * events.h): with --json one object a line for scripts ({"event", "block",
 * "time", "tx", and the event's own fields; amounts as integer strings,
 * addresses checksummed}), else a line for people.
 *
 * Every half second it probes every node (node_lost / node_back), brings
 * the history index up to the head and, for each new block, writes the
 * block's events: its header (block), what its transactions did (the
 * views' replays: trades, orders, proposals, withdrawal requests), then
 * what the state says now (peg_gap) and what the peg's replay holds
 * (session_expired). --from BLOCK first replays the index's events from
 * that block (block events there are the blocks with contract
 * transactions: the index keeps no others), then follows. It runs until
 * interrupted; exit 3 when no node has answered for --timeout seconds. */
#ifndef PC_CMD_WATCH_H
#define PC_CMD_WATCH_H

#include "cli/cli.h"

/* watch's own options (the command table describes them); peg_gap
 * defaults to "1" (ENT). */
typedef struct watch_options {
    const char *from, *events, *peg_gap;
} watch_options;

/* Handler of the command table (cli/cli.h's cli_handler): returns the exit
 * code, its errors printed. */
int cmd_watch(const cli_ctx *ctx, int argc, char **argv);

#endif
