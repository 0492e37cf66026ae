/* The global options as given, and how they become the cli_ctx every
 * command receives: options, then the environment, then the configuration
 * file (cli/config.h), then defaults. */
#ifndef PC_CONTEXT_H
#define PC_CONTEXT_H

#include <stdbool.h>
#include <stddef.h>

#include "cli/cli.h"
#include "cli/config.h"
#include "eth/error.h"

#define CLI_RPC_MAX 8

/* What the global options gave (the command table describes them). */
typedef struct cli_global_options {
    const char *network;
    const char *rpc[CLI_RPC_MAX];
    size_t nrpc;
    const char *contract, *contract_json, *chain_id, *fee_cap, *private_key_file, *keystore,
        *account, *password_file, *timeout, *cacert;
    bool json, yes, help, version;
} cli_global_options;

/* Fills ctx from o, the environment (POWERCHAIN_NETWORK, _RPC, _CONTRACT,
 * _KEYSTORE, _ACCOUNT, _CHAIN_ID, _FEE_CAP) and the configuration file,
 * which it reads into *config (free with config_free, also on failure;
 * ctx points into it). PC_EINPUT for a chain id, fee cap or timeout that
 * does not parse and for a configuration that is wrong (an unknown network
 * or key, a bad line); PC_EIO for a configuration file that cannot be read
 * or that others may change; PC_ENOMEM. */
pc_status cli_context_setup(const cli_global_options *o, cli_config *config, cli_ctx *ctx,
                            pc_error *err);

#endif
