/* The command table. A new command is one entry here (and its options, if
 * any): help, usage lines, completions and the man page test follow. */
#include "cli/commands.h"

#include "cli/cmd_account.h"
#include "cli/cmd_call.h"
#include "cli/cmd_contacts.h"
#include "cli/cmd_deploy.h"
#include "cli/cmd_exporter.h"
#include "cli/cmd_help.h"
#include "cli/cmd_history.h"
#include "cli/cmd_meter.h"
#include "cli/cmd_networks.h"
#include "cli/cmd_nodes.h"
#include "cli/cmd_send.h"
#include "cli/cmd_statement.h"
#include "cli/cmd_status.h"
#include "cli/cmd_tui.h"
#include "cli/cmd_views.h"
#include "cli/cmd_watch.h"
#include "cli/context.h"

/* ---- the global options ------------------------------------------------ */

#define G cli_global_options
static const cli_option globals[] = {
    CLI_VALUE(G, network, "network", "NAME", CLI_COMPLETE_NETWORK,
              "a [network NAME] section of the config file (env POWERCHAIN_NETWORK)"),
    CLI_LIST(G, rpc, nrpc, CLI_RPC_MAX, "rpc", "URL|SOCKET", CLI_COMPLETE_NODE,
             "node (env POWERCHAIN_RPC, default " CLI_DEFAULT_RPC "), or its IPC socket: "
             "/PATH, ./PATH or ipc:PATH; give it up to 8 times: reads fail over in order"),
    CLI_VALUE(G, cacert, "cacert", "FILE", CLI_COMPLETE_FILE,
              "trust the CA certificates in FILE (PEM) for https nodes, instead of the "
              "system's"),
    CLI_VALUE(G, contract, "contract", "ADDRESS", CLI_COMPLETE_NONE, "the PowerChain deployment"),
    CLI_VALUE(G, contract_json, "contract-json", "FILE", CLI_COMPLETE_FILE,
              "its {\"name\",\"address\",\"abi\"} file (env POWERCHAIN_CONTRACT: an address or "
              "a file)"),
    CLI_VALUE(G, chain_id, "chain-id", "N", CLI_COMPLETE_NONE,
              "refuse to sign for any other chain (env POWERCHAIN_CHAIN_ID)"),
    CLI_VALUE(G, fee_cap, "fee-cap", "WEI", CLI_COMPLETE_NONE,
              "refuse a transaction whose fee can exceed WEI (gas limit x max fee per gas; env "
              "POWERCHAIN_FEE_CAP; default 0)"),
    CLI_VALUE(G, account, "account", "ADDRESS|NAME", CLI_COMPLETE_ACCOUNT,
              "keystore account (env POWERCHAIN_ACCOUNT); for history, whose transactions"),
    CLI_VALUE(G, keystore, "keystore", "DIR", CLI_COMPLETE_DIR,
              "keystore folder (env POWERCHAIN_KEYSTORE)"),
    CLI_VALUE(G, password_file, "password-file", "FILE", CLI_COMPLETE_FILE,
              "read the keystore password from FILE"),
    CLI_VALUE(G, private_key_file, "private-key-file", "FILE", CLI_COMPLETE_FILE,
              "sign with the hex key in FILE instead"),
    CLI_VALUE(G, timeout, "timeout", "SECONDS", CLI_COMPLETE_NONE,
              "per request to the node (default 30; the panel waits at most 5)"),
    CLI_FLAG(G, json, "json", 0, "machine-readable output"),
    CLI_FLAG(G, yes, "yes", 'y', "do not ask for confirmation"),
    CLI_FLAG(G, help, "help", 'h', "this help; after a command, the command's"),
    CLI_FLAG(G, version, "version", 'V', "the version"),
    CLI_OPTIONS_END,
};
#undef G

/* ---- each command's own options ---------------------------------------- */

#define WAIT_OPTION(type)                                                                     \
    CLI_VALUE(type, wait, "wait", "SECONDS", CLI_COMPLETE_NONE,                               \
              "receipt deadline (default 120)")

static const cli_option send_options_table[] = {
    CLI_FLAG(send_options, raw, "raw", 0,
             "sign offline and print the raw transaction; needs --chain-id, --nonce, "
             "--gas-limit and --gas-price, or --max-fee with --priority-fee"),
    CLI_FLAG(send_options, dry_run, "dry-run", 0,
             "simulate on the node and print the outcome; sign nothing"),
    CLI_FLAG(send_options, force, "force", 0,
             "with --yes, send even when the simulation shows an Error or a revert"),
    CLI_VALUE(send_options, nonce, "nonce", "N", CLI_COMPLETE_NONE, "the nonce (with --raw)"),
    CLI_FEE_OPTIONS(send_options, fees),
    WAIT_OPTION(send_options),
    CLI_OPTIONS_END,
};

static const cli_option deploy_options_table[] = {
    CLI_VALUE(deploy_options, bytecode, "bytecode", "FILE", CLI_COMPLETE_FILE,
              "the compiled bytecode, hex (needed)"),
    CLI_VALUE(deploy_options, abi, "abi", "FILE", CLI_COMPLETE_FILE,
              "the contract's JSON ABI (needed)"),
    CLI_VALUE(deploy_options, name, "name", "NAME", CLI_COMPLETE_NONE,
              "the contract's name (default PowerChain)"),
    CLI_VALUE(deploy_options, out, "out", "FILE", CLI_COMPLETE_FILE,
              "write the deployment file {\"name\",\"address\",\"abi\",\"block\",\"chain_id\"} "
              "there"),
    WAIT_OPTION(deploy_options),
    CLI_FEE_OPTIONS(deploy_options, fees),
    CLI_OPTIONS_END,
};

static const cli_option meter_options_table[] = {
    WAIT_OPTION(meter_options),
    CLI_FEE_OPTIONS(meter_options, fees),
    CLI_OPTIONS_END,
};

static const cli_option meter_reading_options_table[] = {
    WAIT_OPTION(meter_options),
    CLI_FEE_OPTIONS(meter_options, fees),
    CLI_FLAG(meter_options, dry_run, "dry-run", 0,
             "simulate the reading on the node and print the outcome; sign nothing"),
    CLI_FLAG(meter_options, force, "force", 0,
             "with --yes, send even when the simulation shows an Error or a revert"),
    CLI_OPTIONS_END,
};

static const cli_option history_options_table[] = {
    CLI_VALUE(history_options, method, "method", "M", CLI_COMPLETE_SEND_METHOD,
              "only calls of method M"),
    CLI_VALUE(history_options, from_block, "from-block", "N", CLI_COMPLETE_NONE,
              "from block N on"),
    CLI_VALUE(history_options, to_block, "to-block", "N", CLI_COMPLETE_NONE, "up to block N"),
    CLI_FLAG(history_options, csv, "csv", 0, "comma-separated values (RFC 4180)"),
    CLI_OPTIONS_END,
};

static const cli_option sync_options_table[] = {
    CLI_FLAG(sync_options, reset, "reset", 0,
             "index the node's chain afresh: after the node's chain was replaced (the index of "
             "another chain stays beside it) or to read everything again"),
    CLI_OPTIONS_END,
};

static const cli_option views_options_table[] = {
    CLI_FLAG(views_options, csv, "csv", 0, "comma-separated values (RFC 4180)"),
    CLI_OPTIONS_END,
};

static const cli_option status_options_table[] = {
    CLI_VALUE(status_options, max_age, "max-age", "SECONDS", CLI_COMPLETE_NONE,
              "exit 3 when the head is older than SECONDS (a chain that stopped)"),
    CLI_OPTIONS_END,
};

static const cli_option statement_options_table[] = {
    CLI_VALUE(statement_options, from, "from", "BLOCK|DATE", CLI_COMPLETE_NONE,
              "from this block, or date (YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS, UTC) on"),
    CLI_VALUE(statement_options, to, "to", "BLOCK|DATE", CLI_COMPLETE_NONE,
              "up to this block, or date (a day alone: to its end)"),
    CLI_FLAG(statement_options, csv, "csv", 0, "comma-separated values (RFC 4180)"),
    CLI_OPTIONS_END,
};

static const cli_option watch_options_table[] = {
    CLI_VALUE(watch_options, from, "from", "BLOCK", CLI_COMPLETE_NONE,
              "first replay the index's events from BLOCK on"),
    CLI_VALUE(watch_options, events, "events", "EVENTS", CLI_COMPLETE_NONE,
              "only these events, comma-separated"),
    CLI_VALUE(watch_options, peg_gap, "peg-gap", "ENT", CLI_COMPLETE_NONE,
              "peg_gap when the peg is off by more than ENT (default: the config's peg-gap, else 1)"),
    CLI_OPTIONS_END,
};

static const cli_option exporter_options_table[] = {
    CLI_VALUE(exporter_options, listen, "listen", "HOST:PORT", CLI_COMPLETE_NONE,
              "where to serve /metrics (default " EXPORTER_DEFAULT_LISTEN "; port 0: any "
              "free one)"),
    CLI_VALUE(exporter_options, cache, "cache", "SECONDS", CLI_COMPLETE_NONE,
              "how long one snapshot serves every scrape (default 2, at most 3600)"),
    CLI_OPTIONS_END,
};

static const cli_option tui_options_table[] = {
    CLI_CHOICE(tui_options, page, "page", "N", "1 2 3 4 5 6 7 8 9", "open page N (1-9) first"),
    CLI_OPTIONS_END,
};

#define ACCOUNT_NAME                                                                          \
    CLI_VALUE(account_options, name, "name", "NAME", CLI_COMPLETE_NONE, "the account's name")
static const cli_option account_name_options[] = { ACCOUNT_NAME, CLI_OPTIONS_END };
static const cli_option account_import_key_options[] = {
    CLI_VALUE(account_options, file, "file", "FILE", CLI_COMPLETE_FILE,
              "read the hex key from FILE, not standard input"),
    ACCOUNT_NAME,
    CLI_OPTIONS_END,
};
static const cli_option account_export_options[] = {
    CLI_VALUE(account_options, out, "out", "FILE", CLI_COMPLETE_FILE,
              "write the key file to FILE"),
    CLI_FLAG(account_options, reveal, "reveal", 0,
             "print the private key itself, on a terminal only"),
    CLI_OPTIONS_END,
};
static const cli_option account_list_options[] = {
    CLI_FLAG(account_options, csv, "csv", 0, "comma-separated values (RFC 4180)"),
    CLI_OPTIONS_END,
};
static const cli_option account_passwd_options[] = {
    CLI_VALUE(account_options, new_password_file, "new-password-file", "FILE",
              CLI_COMPLETE_FILE, "read the new password from FILE"),
    CLI_OPTIONS_END,
};
static const cli_option account_delete_options[] = {
    CLI_FLAG(account_options, no_backup, "no-backup", 0,
             "delete for good, without a copy in the trash"),
    CLI_OPTIONS_END,
};

static const cli_option contacts_list_options[] = {
    CLI_FLAG(contacts_options, csv, "csv", 0, "comma-separated values (RFC 4180)"),
    CLI_OPTIONS_END,
};

/* ---- the commands ------------------------------------------------------- */

/* name, handler, positional arguments (the text and how many), summary,
 * options, and what completes the first argument. */
#define COMMAND(word, handler, args, min, max, text, opts, how)                              \
    { .name = word, .run = handler, .synopsis = args, .min_args = min, .max_args = max,      \
      .summary = text, .options = opts, .complete = how }
/* A command of subcommands. */
#define GROUP(word, text, subs) { .name = word, .summary = text, .subcommands = subs }
#define END { .name = NULL }
#define NONE CLI_COMPLETE_NONE

static const cli_command account_subcommands[] = {
    COMMAND("new", cmd_account_new, "", 0, 0, "a new account with a fresh key",
            account_name_options, NONE),
    COMMAND("import", cmd_account_import, "FILE", 1, 1,
            "a V3 key file, decrypted with its password", account_name_options,
            CLI_COMPLETE_FILE),
    COMMAND("import-key", cmd_account_import_key, "", 0, 0,
            "a hex private key, typed or from a file", account_import_key_options, NONE),
    COMMAND("export", cmd_account_export, "ADDRESS|NAME", 1, 1,
            "the key file, or the key with --reveal", account_export_options,
            CLI_COMPLETE_ACCOUNT),
    COMMAND("list", cmd_account_list, "", 0, 0, "every account: address, name, key file",
            account_list_options, NONE),
    COMMAND("rename", cmd_account_rename, "ADDRESS|NAME NEWNAME", 2, 2,
            "give an account a name", NULL, CLI_COMPLETE_ACCOUNT),
    COMMAND("passwd", cmd_account_passwd, "ADDRESS|NAME", 1, 1, "change an account's password",
            account_passwd_options, CLI_COMPLETE_ACCOUNT),
    COMMAND("delete", cmd_account_delete, "ADDRESS|NAME", 1, 1,
            "move a key file to the keystore's trash", account_delete_options,
            CLI_COMPLETE_ACCOUNT),
    END,
};

static const cli_command contacts_subcommands[] = {
    COMMAND("add", cmd_contacts_add, "NAME ADDRESS", 2, 2, "name an address", NULL, NONE),
    COMMAND("list", cmd_contacts_list, "", 0, 0, "every contact", contacts_list_options, NONE),
    COMMAND("remove", cmd_contacts_remove, "NAME", 1, 1, "forget a name", NULL,
            CLI_COMPLETE_CONTACT),
    END,
};

static const cli_command meter_subcommands[] = {
    COMMAND("produce", cmd_meter_reading, "PRODUCER WH", 2, 2,
            "energy PRODUCER put into the unit", meter_reading_options_table, NONE),
    COMMAND("consume", cmd_meter_reading, "CONSUMER WH", 2, 2,
            "energy CONSUMER took out of its session", meter_reading_options_table, NONE),
    COMMAND("report", cmd_meter_reading, "WH", 1, 1, "the energy really in the unit's battery",
            meter_reading_options_table, NONE),
    COMMAND("session", cmd_meter_session, "ADDRESS", 1, 1,
            "Wh left in the session with a consumer", NULL, NONE),
    COMMAND("run", cmd_meter_run, "", 0, 0,
            "readings from standard input, one a line: produce ADDRESS WH, consume ADDRESS WH, "
            "report WH",
            meter_options_table, NONE),
    END,
};

static const cli_command commands[] = {
    COMMAND("call", cmd_call, "METHOD [ARGS...]", 1, -1, "read from the contract (eth_call)",
            NULL, CLI_COMPLETE_CALL_METHOD),
    COMMAND("send", cmd_send, "METHOD [ARGS...]", 1, -1,
            "sign and send a transaction, wait for its outcome", send_options_table,
            CLI_COMPLETE_SEND_METHOD),
    COMMAND("deploy", cmd_deploy, "", 0, 0, "deploy a compiled PowerChain contract",
            deploy_options_table, NONE),
    GROUP("account", "the local keystore", account_subcommands),
    GROUP("contacts", "names for addresses: a name works wherever an address does",
          contacts_subcommands),
    COMMAND("status", cmd_status, "", 0, 0, "node, contract, the account's roles and balances",
            status_options_table, NONE),
    GROUP("meter", "a storage unit's readings", meter_subcommands),
    COMMAND("methods", cmd_methods, "", 0, 0, "list the contract's functions and their arguments",
            NULL, NONE),
    COMMAND("sync", cmd_sync, "", 0, 0, "bring the local history index up to the node's head",
            sync_options_table, NONE),
    COMMAND("history", cmd_history, "", 0, 0,
            "the contract's transactions, oldest first (with --account, those it sent or "
            "names)",
            history_options_table, NONE),
    COMMAND("units", cmd_units, "", 0, 0, "storage units: owner, state, energy",
            views_options_table, NONE),
    COMMAND("proposals", cmd_proposals, "", 0, 0,
            "every vote: what it does, who is for and against", views_options_table, NONE),
    COMMAND("withdrawals", cmd_withdrawals, "", 0, 0, "eEuro locked for withdrawal, per account",
            views_options_table, NONE),
    COMMAND("trades", cmd_trades, "", 0, 0, "the market's fills, checked against the open book",
            views_options_table, NONE),
    COMMAND("networks", cmd_networks, "", 0, 0, "the configuration's named networks", NULL,
            NONE),
    COMMAND("nodes", cmd_nodes, "", 0, 0,
            "every node of the network: up, client, chain, head, lag, latency, peers, syncing "
            "(exit 1: one is down or on another chain; 3: none answers)",
            NULL, NONE),
    COMMAND("statement", cmd_statement, "[ACCOUNT]", 0, 1,
            "every change of the account's ENT and eEuro with running balances, checked "
            "against the chain's (exit 1: they differ)",
            statement_options_table, CLI_COMPLETE_ACCOUNT),
    COMMAND("watch", cmd_watch, "", 0, 0,
            "what happens, one event a line (--json: objects); exit 3 when no node answers "
            "for --timeout",
            watch_options_table, NONE),
    COMMAND("exporter", cmd_exporter, "", 0, 0,
            "Prometheus metrics over HTTP, at /metrics", exporter_options_table, NONE),
    COMMAND("tui", cmd_tui, "", 0, 0, "the control panel (also with no command)",
            tui_options_table, NONE),
    COMMAND("help", cmd_help, "[COMMAND [SUBCOMMAND]]", 0, 2, "this help, or a command's", NULL,
            CLI_COMPLETE_COMMAND),
    END,
};

const cli_program cli_powerchain = {
    .summary = "Wallet and control panel for PowerChain energy markets.",
    .commands = commands,
    .globals = globals,
    .notes =
        "Defaults for --rpc, --contract(-json), --chain-id, --fee-cap, --keystore, --account "
        "and --cacert may live in $XDG_CONFIG_HOME/powerchain/config (key = value lines; "
        "$POWERCHAIN_CONFIG names another file), for every network or in [network NAME] "
        "sections; options and the environment take precedence.\n"
        "Addresses may be typed as 0x... or as a contact or keystore account name. Amounts "
        "are written as people read them: 1.5 means 1.5 ENT or eEuro, energy in whole Wh, "
        "the parameters M, B, C, F as fractions such as 0.05 and H in whole hours; "
        "powerchain methods lists every function's arguments.\n"
        "Exit status: 0 success, 1 the transaction failed (Error event or revert), 2 bad "
        "input, 3 node or network failure, 4 other failures.",
};
