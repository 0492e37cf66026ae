/* What every command receives: the global options after the command line,
 * the environment and defaults have been merged, and the command's own
 * entry of the command table. Commands return an exit code (pc_exit_code
 * of their status) and print their own errors (cli/fail.h): one line on
 * stderr, "powerchain: <message>", and after a command line that is wrong
 * the command's usage line. */
#ifndef PC_CLI_H
#define PC_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "eth/u256.h"
#include "tui/term.h"

#include "cli/opts.h"

struct cli_config;
struct pc_contract;
struct cli_ctx;

#define CLI_DEFAULT_RPC "http://127.0.0.1:8545"

/* A command's handler: argv[0] is the command's own word (a subcommand's
 * word for a subcommand), the global options are already taken out.
 * Returns the exit code (pc_exit_code: 0 success, 1 the transaction failed,
 * 2 bad input, 3 node or network failure, 4 anything else), its errors
 * printed (cli/fail.h). */
typedef int (*cli_handler)(const struct cli_ctx *ctx, int argc, char **argv);

/* One entry of the command table (cli/commands.c), as redis's command
 * table: help, usage lines and the shell completions are written from it,
 * and main() looks commands up in it. */
typedef struct cli_command {
    const char *name;                  /* NULL ends a table */
    cli_handler run;                   /* NULL for a group: a subcommand runs */
    const char *synopsis;              /* the positional arguments ("METHOD [ARGS...]"), or "" */
    int min_args, max_args;            /* how many there may be (max -1: no limit) */
    const char *summary;               /* one line for the help and the completions */
    const cli_option *options;         /* its own options, or NULL */
    cli_complete complete;             /* what completes its first positional argument */
    const struct cli_command *subcommands; /* a group's, or NULL */
} cli_command;

/* The whole command line: what --help shows around the tables. */
typedef struct cli_program {
    const char *summary;               /* one sentence under the usage line */
    const cli_command *commands;       /* the command table */
    const cli_option *globals;         /* the global options, taken anywhere on the line */
    const char *notes;                 /* paragraphs after the options, one a line */
} cli_program;

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
    bool has_notify;              /* config notify: how the panel tells of new items */
    tui_notify notify;
    bool has_peg_gap;             /* config peg-gap: the panel's peg gap threshold, ENT */
    u256 peg_gap;
    const cli_program *program;   /* the command table and the global options, for help */
    const cli_command *group;     /* the group whose subcommand runs, or NULL */
    const cli_command *command;   /* the command that runs (its options, its usage) */
} cli_ctx;

#endif
