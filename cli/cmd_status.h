/* powerchain status: the node, the deployment and the selected account's
 * roles and balances, read in one batched request (the web panel's first
 * page), with unit owners from the history index brought up to date. */
#ifndef PC_CMD_STATUS_H
#define PC_CMD_STATUS_H

#include "cli/cli.h"

/* Handlers of the command table (cli/cli.h's cli_handler): each returns
 * the exit code, its errors printed. */
int cmd_status(const cli_ctx *ctx, int argc, char **argv);

#endif
