/* `powerchain contacts ...`: the contacts file (wallet/names.h) from the
 * command line.
 *
 *   contacts add NAME ADDRESS   a new contact (the name must be new)
 *   contacts list [--csv]       name and address per line; --json an array
 *   contacts remove NAME
 *
 * Changes rewrite the file atomically, mode 0600, its folder made 0700 when
 * missing. A name that is also a keystore account of another address is
 * added with a warning: typing it is refused until one of them is renamed. */
#ifndef PC_CMD_CONTACTS_H
#define PC_CMD_CONTACTS_H

#include <stdbool.h>

#include "cli/cli.h"

/* The subcommands' options (the command table says which takes which). */
typedef struct contacts_options {
    bool csv;
} contacts_options;

/* Each: argv[0] is the subcommand's word; returns the exit code: 2 for bad
 * input (a malformed or taken name, an unknown contact), the contacts
 * file's codes otherwise (wallet/names.h: PC_EIO, PC_EDATA). */
int cmd_contacts_add(const cli_ctx *ctx, int argc, char **argv);
int cmd_contacts_list(const cli_ctx *ctx, int argc, char **argv);
int cmd_contacts_remove(const cli_ctx *ctx, int argc, char **argv);

#endif
