/* powerchain help [COMMAND [SUBCOMMAND]]: the program's help, or one
 * command's, written from the command table (ctx->program). */
#ifndef PC_CMD_HELP_H
#define PC_CMD_HELP_H

#include "cli/cli.h"

/* Handlers of the command table (cli/cli.h's cli_handler): each returns
 * the exit code, its errors printed. */
int cmd_help(const cli_ctx *ctx, int argc, char **argv);

#endif
