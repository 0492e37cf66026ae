/* powerchain statement [ACCOUNT] [--from BLOCK|DATE] [--to BLOCK|DATE]
 * [--csv]: every change of the account's ENT and eEuro, available and
 * locked, with its transaction and the running balances, from the history
 * index (wallet/statement.h), ending with the chain's own balances read at
 * the last block and whether they agree. ACCOUNT is an address or a name
 * (default: the selected account). DATE is YYYY-MM-DD or
 * YYYY-MM-DDTHH:MM:SS, UTC; a day alone means from its start (--from) or
 * to its end (--to). As a table, --csv (amounts as exact decimals in ENT
 * and eEuro) or --json (amounts as integer strings).
 * Exit 0 when the balances agree, 1 when they differ, 3 when the node
 * could not say them. */
#ifndef PC_CMD_STATEMENT_H
#define PC_CMD_STATEMENT_H

#include <stdbool.h>

#include "cli/cli.h"

/* statement's own options (the command table describes them). */
typedef struct statement_options {
    const char *from, *to;
    bool csv;
} statement_options;

/* Handler of the command table (cli/cli.h's cli_handler): returns the exit
 * code, its errors printed. */
int cmd_statement(const cli_ctx *ctx, int argc, char **argv);

#endif
