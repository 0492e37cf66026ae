/* powerchain call METHOD [ARGS...] (a read of the contract, eth_call, as
 * the selected account) and powerchain methods (every function the binding
 * knows, with its arguments). */
#ifndef PC_CMD_CALL_H
#define PC_CMD_CALL_H

#include "cli/cli.h"

/* Handlers of the command table (cli/cli.h's cli_handler): each returns
 * the exit code, its errors printed. */
int cmd_call(const cli_ctx *ctx, int argc, char **argv);
int cmd_methods(const cli_ctx *ctx, int argc, char **argv);

#endif
