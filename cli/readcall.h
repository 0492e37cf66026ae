/* One read of the contract from the command line, as `call METHOD ARGS`
 * and `meter session` make it: names among the arguments resolved
 * (cli/book.h), eth_call as the selected account (wallet/read.h), the
 * result printed with its units, or as JSON with --json. */
#ifndef PC_READCALL_H
#define PC_READCALL_H

#include "cli/cli.h"
#include "rpcclient/powerchain.h"

/* m must be a PC_READ method; argv is rewritten where names resolve.
 * Returns the exit code (the failure printed as cli_fail prints it). */
int cli_read_method(const cli_ctx *ctx, const pc_method *m, int argc, char **argv);

#endif
