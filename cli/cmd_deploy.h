/* powerchain deploy --bytecode FILE --abi FILE [--name NAME] [--out FILE]:
 * deploys a compiled contract from the selected account and writes the
 * {"name","address","abi","block","chain_id"} deployment file that
 * --contract-json reads; the block tells the history index where to start. */
#ifndef PC_CMD_DEPLOY_H
#define PC_CMD_DEPLOY_H

#include "cli/cli.h"
#include "cli/fees.h"

/* deploy's own options (the command table describes them). */
typedef struct deploy_options {
    const char *bytecode, *abi, *name, *out, *wait;
    cli_fee_opts fees;
} deploy_options;

/* Handlers of the command table (cli/cli.h's cli_handler): each returns
 * the exit code, its errors printed. */
int cmd_deploy(const cli_ctx *ctx, int argc, char **argv);

#endif
