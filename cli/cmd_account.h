/* `powerchain account ...`: the local keystore from the command line.
 *
 *   account new [--name NAME]
 *   account import FILE [--name NAME]
 *   account import-key [--file FILE] [--name NAME]   key from stdin or FILE
 *   account export ADDRESS|NAME [--out FILE] [--reveal]
 *   account list
 *   account rename ADDRESS|NAME NEWNAME
 *   account passwd ADDRESS|NAME [--new-password-file FILE]
 *   account delete ADDRESS|NAME [--no-backup]
 *
 * Global options used: --keystore (ctx->keystore_dir, else the default
 * folder), --password-file (the password of new/imported keys, the current
 * one for passwd, the one to unlock for export --reveal), --json (new,
 * import, import-key, list), --yes (delete without asking).
 * POWERCHAIN_SCRYPT_N (a power of two) lowers scrypt's n for new key files;
 * it exists for tests and is read only here. */
#ifndef PC_CMD_ACCOUNT_H
#define PC_CMD_ACCOUNT_H

#include "cli/cli.h"

/* argv[0] is "account", argv[1] the subcommand; global options are already
 * taken out. Prints errors as "powerchain: <message>" and returns the exit
 * code (pc_exit_code). */
int cmd_account(const cli_ctx *ctx, int argc, char **argv);

#endif
