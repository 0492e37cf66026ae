/* powerchain send METHOD [ARGS...]: online through the transaction engine
 * (cli/transact.h), --dry-run (simulated, nothing signed), or, with --raw,
 * offline signing that prints the raw transaction and contacts no node,
 * after the same check stage as every signature (the fee cap). */
#ifndef PC_CMD_SEND_H
#define PC_CMD_SEND_H

#include <stdbool.h>

#include "cli/cli.h"
#include "cli/fees.h"

/* send's own options (the command table describes them). */
typedef struct send_options {
    bool raw, dry_run, force;
    const char *nonce, *wait;
    cli_fee_opts fees;
} send_options;

/* Handlers of the command table (cli/cli.h's cli_handler): each returns
 * the exit code, its errors printed. */
int cmd_send(const cli_ctx *ctx, int argc, char **argv);

/* send's work once its words are parsed: words[0] the method, the rest its
 * arguments as typed. Returns the exit code, its errors printed. */
int cli_send(const cli_ctx *ctx, const send_options *o, int nwords, char **words);

#endif
