/* `powerchain contacts ...`: the contacts file (wallet/names.h) from the
 * command line.
 *
 *   contacts add NAME ADDRESS   a new contact (the name must be new)
 *   contacts list               name and address per line; --json an array
 *   contacts remove NAME
 *
 * Changes rewrite the file atomically, mode 0600, its folder made 0700 when
 * missing. A name that is also a keystore account of another address is
 * added with a warning: typing it is refused until one of them is renamed. */
#ifndef PC_CMD_CONTACTS_H
#define PC_CMD_CONTACTS_H

#include "cli/cli.h"

/* argv[0] is "contacts", argv[1] the subcommand; returns the exit code. */
int cmd_contacts(const cli_ctx *ctx, int argc, char **argv);

#endif
