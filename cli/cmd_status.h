/* powerchain status: the node, the deployment and the selected account's
 * roles and balances, read in one batched request (the web panel's first
 * page), with unit owners from the history index brought up to date.
 *
 * For monitoring: --json prints one object (the same figures, the head's
 * age in seconds and every configured node's state, as `nodes --json`
 * gives them), and --max-age SECONDS makes status exit 3 when the head is
 * older than that (a chain that stopped making blocks). */
#ifndef PC_CMD_STATUS_H
#define PC_CMD_STATUS_H

#include "cli/cli.h"

/* status's own options (the command table describes them). */
typedef struct status_options {
    const char *max_age;
} status_options;

/* Handlers of the command table (cli/cli.h's cli_handler): each returns
 * the exit code, its errors printed. */
int cmd_status(const cli_ctx *ctx, int argc, char **argv);

#endif
