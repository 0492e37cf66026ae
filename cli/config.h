/* The configuration file: $POWERCHAIN_CONFIG, else
 * $XDG_CONFIG_HOME/powerchain/config, else ~/.config/powerchain/config.
 * Lines of `key = value`; `#` starts a comment line; blank lines are
 * ignored. Keys: rpc, contract (an address, or a deployment file like
 * POWERCHAIN_CONTRACT), contract-json, keystore, account.
 *
 * Precedence: options, then environment, then this file, then defaults:
 * config_apply fills only the fields of ctx that are still NULL. A missing
 * file is not an error; an unknown key or a line without `=` is PC_EINPUT
 * naming the file and line. */
#ifndef PC_CONFIG_H
#define PC_CONFIG_H

#include "cli/cli.h"
#include "eth/error.h"

/* Holds the texts ctx points to after config_apply; keep it as long as ctx. */
typedef struct cli_config {
    char *rpc;
    char *contract;
    char *contract_json;
    char *keystore;
    char *account;
} cli_config;

pc_status config_apply(cli_ctx *ctx, cli_config *store, pc_error *err);
void config_free(cli_config *store);

#endif
