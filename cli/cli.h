/* What every subcommand receives: the global options after the command
 * line, the environment and defaults have been merged. Subcommands return
 * an exit code (pc_exit_code of their status) and print their own errors as
 * one line on stderr: "powerchain: <message>". */
#ifndef PC_CLI_H
#define PC_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "eth/u256.h"

struct cli_config;
struct pc_contract;

#define CLI_DEFAULT_RPC "http://127.0.0.1:8545"

typedef struct cli_ctx {
    const char *network;          /* --network: the configuration's network in use, or NULL */
    const struct cli_config *config; /* the configuration file (cli/config.h) */
    const char *rpc_url;          /* --rpc, POWERCHAIN_RPC, default CLI_DEFAULT_RPC */
    const char *rpc_fallbacks[7]; /* further --rpc nodes, for failover */
    size_t n_rpc_fallbacks;
    const char *contract_address; /* --contract */
    const char *contract_json;    /* --contract-json, POWERCHAIN_CONTRACT */
    struct pc_contract *deployment; /* contract_json as config_apply read it, or NULL (it
                                       could not be read): owned by main, read once */
    bool has_chain_id;            /* --chain-id given */
    uint64_t chain_id;
    bool has_fee_cap;             /* --fee-cap or POWERCHAIN_FEE_CAP given (else the
                                     config's, else 0) */
    u256 fee_cap;                 /* the most one transaction's fee may reach, in wei */
    const char *private_key_file; /* --private-key-file: a hex key, instead of the keystore */
    const char *keystore_dir;     /* --keystore, POWERCHAIN_KEYSTORE, default
                                     $XDG_DATA_HOME/powerchain/keystore */
    const char *account;          /* --account ADDRESS|NAME, POWERCHAIN_ACCOUNT */
    bool account_given;           /* --account was on the command line (history filters
                                     by it only then) */
    const char *password_file;    /* --password-file */
    bool json;                    /* --json */
    bool yes;                     /* --yes: no interactive confirmation */
    long timeout_s;               /* --timeout, default 30 */
    const char *cacert;           /* --cacert, config cacert: CA file trusted for https
                                     nodes instead of the system's, or NULL */
} cli_ctx;

/* Prints "powerchain: <message>" on stderr. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
