/* How a command says it failed: one line on stderr, "powerchain:
 * <message>", with every character a terminal could obey replaced
 * (eth/text.h), since messages quote the node and the person's input; after
 * a command line that is wrong, the running command's usage line from the
 * command table. */
#ifndef PC_FAIL_H
#define PC_FAIL_H

#include "cli/cli.h"
#include "eth/error.h"

/* Prints "powerchain: <message>" on stderr. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Prints err's message as cli_error does and returns its exit code
 * (pc_exit_code of err->status). */
int cli_fail(const pc_error *err);

/* As cli_fail; when err is bad input (PC_EINPUT), the usage line of the
 * command that runs (ctx->command, in ctx->group; the group's subcommands
 * when no subcommand was found; the program's when no command was) follows
 * on stderr. For errors in the words and options of the command line. */
int cli_fail_usage(const cli_ctx *ctx, const pc_error *err);

#endif
