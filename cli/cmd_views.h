/* powerchain units | proposals | withdrawals | trades: views of the
 * deployment's past. Each brings the history index up to the node's newest
 * block, replays it (wallet/views.h) and prints a table, with --json an
 * array of objects (amounts as decimal strings of the raw integers, as
 * `--json call` prints them), or with --csv one record per row (amounts as
 * decimals in the unit the column's name says). */
#ifndef PC_CMD_VIEWS_H
#define PC_CMD_VIEWS_H

#include <stdbool.h>

#include "cli/cli.h"

/* The options every view takes (the command table describes them). */
typedef struct views_options {
    bool csv;
} views_options;

/* Handlers of the command table (cli/cli.h's cli_handler): each returns
 * the exit code, its errors printed. */
int cmd_units(const cli_ctx *ctx, int argc, char **argv);
int cmd_proposals(const cli_ctx *ctx, int argc, char **argv);
int cmd_withdrawals(const cli_ctx *ctx, int argc, char **argv);
int cmd_trades(const cli_ctx *ctx, int argc, char **argv);

#endif
