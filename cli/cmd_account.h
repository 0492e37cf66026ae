/* `powerchain account ...`: the local keystore from the command line.
 *
 *   account new [--name NAME]
 *   account import FILE [--name NAME]
 *   account import-key [--file FILE] [--name NAME]   key from stdin or FILE
 *   account export ADDRESS|NAME [--out FILE] [--reveal]
 *   account list [--csv]
 *   account rename ADDRESS|NAME NEWNAME
 *   account passwd ADDRESS|NAME [--new-password-file FILE]
 *   account delete ADDRESS|NAME [--no-backup]
 *
 * Global options used: --keystore (ctx->keystore_dir, else the default
 * folder), --password-file (the password of new/imported keys, the current
 * one for passwd, the one to unlock for export --reveal), --json (new,
 * import, import-key, list), --yes (delete without asking).
 * POWERCHAIN_SCRYPT_N (a power of two) lowers scrypt's n for new key files;
 * it exists for tests and is read only here. Key file names and account
 * names reach the terminal through the sanitizer (eth/text.h). */
#ifndef PC_CMD_ACCOUNT_H
#define PC_CMD_ACCOUNT_H

#include <stdbool.h>

#include "cli/cli.h"

/* The subcommands' options, one struct for all (the command table says
 * which subcommand takes which). */
typedef struct account_options {
    const char *name, *file, *out, *new_password_file;
    bool reveal, no_backup, csv;
} account_options;

/* Each: argv[0] is the subcommand's word, global options are already taken
 * out. Prints errors as "powerchain: <message>" and returns the exit code
 * (pc_exit_code): 2 for bad input, the keystore's codes otherwise
 * (keystore/keystore.h). */
int cmd_account_new(const cli_ctx *ctx, int argc, char **argv);
int cmd_account_import(const cli_ctx *ctx, int argc, char **argv);
int cmd_account_import_key(const cli_ctx *ctx, int argc, char **argv);
int cmd_account_export(const cli_ctx *ctx, int argc, char **argv);
int cmd_account_list(const cli_ctx *ctx, int argc, char **argv);
int cmd_account_rename(const cli_ctx *ctx, int argc, char **argv);
int cmd_account_passwd(const cli_ctx *ctx, int argc, char **argv);
int cmd_account_delete(const cli_ctx *ctx, int argc, char **argv);

#endif
