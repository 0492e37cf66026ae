/* powerchain: the command line. Global options may stand anywhere; the
 * first other word is the subcommand. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/cmd_account.h"
#include "cli/cmd_contacts.h"
#include "cli/cmd_tui.h"
#include "cli/commands.h"
#include "cli/config.h"
#include "cli/fees.h"
#include "cli/opts.h"
#include "cli/print.h"
#include "eth/text.h"
#include "keystore/secret.h"
#include "rpcclient/rpc.h"

#ifndef PC_VERSION
#define PC_VERSION "unknown"
#endif

void cli_error(const char *fmt, ...)
{
    /* Messages may quote the node or the person's input: no control
     * character reaches the terminal. */
    char msg[2 * PC_ERROR_MSG_MAX];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    fputs("powerchain: ", stderr);
    text_print(stderr, msg);
    fputc('\n', stderr);
}

int cli_fail(const pc_error *err)
{
    cli_error("%s", err->msg);
    return pc_exit_code(err->status);
}

static void usage(FILE *out)
{
    fputs("usage: powerchain [OPTIONS] COMMAND [ARGS...]\n"
          "\n"
          "Wallet and control panel for PowerChain energy markets.\n"
          "\n"
          "Commands:\n"
          "  call METHOD [ARGS...]     read from the contract (eth_call)\n"
          "  send METHOD [ARGS...]     sign and send a transaction, wait for its outcome\n"
          "  deploy --bytecode F --abi F [--name N] [--out FILE]\n"
          "                            deploy a compiled PowerChain contract\n"
          "  account SUBCOMMAND        the local keystore: new, import, import-key,\n"
          "                            export, list, rename, passwd, delete\n"
          "  contacts add NAME ADDRESS | list | remove NAME\n"
          "                            names for addresses ($XDG_CONFIG_HOME/powerchain/\n"
          "                            contacts); a name works wherever an address does\n"
          "  status [--max-age SECONDS] node, contract, the account's roles and balances\n"
          "                            (exit 3 when the head is older than SECONDS)\n"
          "  meter produce|consume|report|session|run\n"
          "                            storage-unit readings (run: from standard input)\n"
          "  methods                   list the contract's functions and their arguments\n"
          "  sync                      bring the local history index up to the node's head\n"
          "  history [--account A] [--method M] [--from-block N] [--to-block N] [--csv]\n"
          "                            the contract's transactions, oldest first\n"
          "  units                     storage units: owner, state, energy\n"
          "  proposals                 every vote: what it does, who is for and against\n"
          "  withdrawals               eEuro locked for withdrawal, per account\n"
          "  trades [--csv]            the market's fills, checked against the open book\n"
          "  networks                  the configuration's named networks\n"
          "  nodes                     every node of the network: up, client, chain, head,\n"
          "                            lag, latency, peers, syncing (exit 1: one is down\n"
          "                            or on another chain; 3: none answers)\n"
          "  statement [ACCOUNT] [--from BLOCK|DATE] [--to BLOCK|DATE] [--csv]\n"
          "                            every change of the account's ENT and eEuro with\n"
          "                            running balances, checked against the chain's\n"
          "                            (exit 1: they differ)\n"
          "  watch [--from BLOCK] [--events a,b] [--peg-gap ENT]\n"
          "                            what happens, one event a line (--json: objects);\n"
          "                            exit 3 when no node answers for --timeout\n"
          "  exporter [--listen HOST:PORT] [--cache SECONDS]\n"
          "                            Prometheus metrics over HTTP (default\n"
          "                            127.0.0.1:9464, /metrics; a snapshot serves 2 s)\n"
          "  tui                       the control panel (also with no command)\n"
          "\n"
          "Options:\n"
          "  --network NAME            a [network NAME] section of the config file\n"
          "                            (env POWERCHAIN_NETWORK)\n"
          "  --rpc URL|SOCKET          node (env POWERCHAIN_RPC, default " CLI_DEFAULT_RPC "),\n"
          "                            or its IPC socket: /PATH, ./PATH or ipc:PATH;\n"
          "                            give it up to 8 times: reads fail over in order\n"
          "  --cacert FILE             trust the CA certificates in FILE (PEM) for\n"
          "                            https nodes, instead of the system's\n"
          "  --contract ADDRESS        the PowerChain deployment\n"
          "  --contract-json FILE      its {\"name\",\"address\",\"abi\"} file\n"
          "                            (env POWERCHAIN_CONTRACT: an address or a file)\n"
          "  --chain-id N              refuse to sign for any other chain\n"
          "  --fee-cap WEI             refuse a transaction whose fee can exceed WEI\n"
          "                            (gas limit x max fee per gas; env\n"
          "                            POWERCHAIN_FEE_CAP; default 0)\n"
          "  --account ADDRESS|NAME    keystore account (env POWERCHAIN_ACCOUNT)\n"
          "  --keystore DIR            keystore folder (env POWERCHAIN_KEYSTORE)\n"
          "  --password-file FILE      read the keystore password from FILE\n"
          "  --private-key-file FILE   sign with the hex key in FILE instead\n"
          "  --timeout SECONDS         per request to the node (default 30)\n"
          "  --json                    machine-readable output\n"
          "  -y, --yes                 do not ask for confirmation\n"
          "  -h, --help                this help\n"
          "  -V, --version             the version\n"
          "\n"
          "Defaults for --rpc, --contract(-json), --chain-id, --fee-cap, --keystore\n"
          "and --account may live in $XDG_CONFIG_HOME/powerchain/config (key = value lines;\n"
          "$POWERCHAIN_CONFIG names another file), for every network or in\n"
          "[network NAME] sections; options and the environment take precedence.\n"
          "\n"
          "send, deploy and meter options: --gas-limit N (no eth_estimateGas),\n"
          "  --gas-price WEI (chains before London), --max-fee WEI and --priority-fee WEI\n"
          "  (London on), --wait SECONDS (receipt deadline, default 120).\n"
          "send --raw signs offline and prints the raw transaction; it needs\n"
          "  --chain-id, --nonce, --gas-limit and --gas-price, or --max-fee with\n"
          "  --priority-fee.\n"
          "\n"
          "Addresses may be typed as 0x... or as a contact or keystore account name.\n"
          "Amounts are written as people read them: 1.5 means 1.5 ENT or eEuro,\n"
          "energy in whole Wh, addOrder PRICE ENT buy|sell, setParameter NAME VALUE\n"
          "(M, B, C, F as fractions such as 0.05; H in whole hours).\n"
          "\n"
          "Exit status: 0 success, 1 the transaction failed (Error event or revert),\n"
          "2 bad input, 3 node or network failure, 4 other failures.\n",
          out);
}

static const char *env_or(const char *name, const char *fallback)
{
    const char *v = getenv(name);
    return v && *v ? v : fallback;
}

int main(int argc, char **argv)
{
    cli_ctx ctx = { 0 };
    cli_config config = { 0 };
    const char *rpcs[8] = { NULL };
    size_t nrpc = 0;
    const char *contract = NULL, *contract_json = NULL, *chain_id = NULL, *network = NULL;
    const char *timeout = NULL, *fee_cap = NULL;
    bool help = false, version = false;
    const cli_opt globals[] = {
        CLI_OPT_VALUE("network", 0, &network),
        CLI_OPT_LIST("rpc", rpcs, &nrpc, 8),
        CLI_OPT_VALUE("contract", 0, &contract),
        CLI_OPT_VALUE("contract-json", 0, &contract_json),
        CLI_OPT_VALUE("chain-id", 0, &chain_id),
        CLI_OPT_VALUE("fee-cap", 0, &fee_cap),
        CLI_OPT_VALUE("private-key-file", 0, &ctx.private_key_file),
        CLI_OPT_VALUE("keystore", 0, &ctx.keystore_dir),
        CLI_OPT_VALUE("account", 0, &ctx.account),
        CLI_OPT_VALUE("password-file", 0, &ctx.password_file),
        CLI_OPT_VALUE("timeout", 0, &timeout),
        CLI_OPT_VALUE("cacert", 0, &ctx.cacert),
        CLI_OPT_FLAG("json", 0, &ctx.json),
        CLI_OPT_FLAG("yes", 'y', &ctx.yes),
        CLI_OPT_FLAG("help", 'h', &help),
        CLI_OPT_FLAG("version", 'V', &version),
        CLI_OPT_END,
    };
    char **rest = calloc((size_t)argc + 1, sizeof *rest);
    if (!rest)
        return 4;
    int nrest = 0;
    pc_error err = { 0 };
    int code;
    if (cli_parse_opts(argc - 1, argv + 1, globals, true, rest, &nrest, &err) != PC_OK) {
        code = cli_fail(&err);
        goto out;
    }
    if (version) {
        printf("powerchain %s\n", PC_VERSION);
        code = 0;
        goto out;
    }
    if (help) {
        usage(stdout);
        code = 0;
        goto out;
    }
    /* Options, then the environment, then the config file, then defaults. */
    if (!network)
        network = env_or("POWERCHAIN_NETWORK", NULL);
    ctx.rpc_url = nrpc ? rpcs[0] : env_or("POWERCHAIN_RPC", NULL);
    for (size_t i = 1; i < nrpc; i++)
        ctx.rpc_fallbacks[ctx.n_rpc_fallbacks++] = rpcs[i];
    if (!contract && !contract_json) {
        const char *env = env_or("POWERCHAIN_CONTRACT", NULL);
        if (env && strncmp(env, "0x", 2) == 0)
            contract = env;
        else
            contract_json = env;
    }
    ctx.contract_address = contract;
    ctx.contract_json = contract_json;
    ctx.account_given = ctx.account != NULL;
    if (!ctx.keystore_dir)
        ctx.keystore_dir = env_or("POWERCHAIN_KEYSTORE", NULL);
    if (!ctx.account)
        ctx.account = env_or("POWERCHAIN_ACCOUNT", NULL);
    unsigned long long n;
    if (!chain_id)
        chain_id = env_or("POWERCHAIN_CHAIN_ID", NULL);
    if (chain_id) {
        if (cli_parse_u64("chain-id", chain_id, UINT64_MAX, &n, &err) == PC_OK && n == 0)
            pc_fail(&err, PC_EINPUT, "--chain-id must be at least 1");
        if (err.status != PC_OK) {
            code = cli_fail(&err);
            goto out;
        }
        ctx.has_chain_id = true;
        ctx.chain_id = n;
    }
    if (!fee_cap)
        fee_cap = env_or("POWERCHAIN_FEE_CAP", NULL);
    if (fee_cap) {
        if (cli_parse_wei("fee-cap", fee_cap, &ctx.fee_cap, &err) != PC_OK) {
            code = cli_fail(&err);
            goto out;
        }
        ctx.has_fee_cap = true;
    }
    if (config_load(&config, &err) != PC_OK ||
        config_apply(&ctx, &config, network, &err) != PC_OK) {
        code = cli_fail(&err);
        goto out;
    }
    if (!ctx.rpc_url)
        ctx.rpc_url = CLI_DEFAULT_RPC;
    ctx.timeout_s = RPC_DEFAULT_TIMEOUT_S;
    if (timeout) {
        if (cli_parse_u64("timeout", timeout, 86400, &n, &err) == PC_OK && n == 0)
            pc_fail(&err, PC_EINPUT, "--timeout must be at least 1 second");
        if (err.status != PC_OK) {
            code = cli_fail(&err);
            goto out;
        }
        ctx.timeout_s = (long)n;
    }
    /* No command opens the panel; without a terminal there is none to
     * open, so say what there is instead. */
    if (nrest == 0 && !(isatty(STDIN_FILENO) && isatty(STDOUT_FILENO))) {
        usage(stderr);
        code = 2;
        goto out;
    }
    if (secret_init(&err) != PC_OK || rpc_global_init(&err) != PC_OK) {
        code = cli_fail(&err);
        goto out;
    }

    static char tui_word[] = "tui";
    if (nrest == 0)
        rest[nrest++] = tui_word;
    const char *command = rest[0];
    if (strcmp(command, "tui") == 0)
        code = cmd_tui(&ctx, nrest, rest);
    else if (strcmp(command, "call") == 0)
        code = cmd_call(&ctx, nrest, rest);
    else if (strcmp(command, "send") == 0)
        code = cmd_send(&ctx, nrest, rest);
    else if (strcmp(command, "deploy") == 0)
        code = cmd_deploy(&ctx, nrest, rest);
    else if (strcmp(command, "account") == 0)
        code = cmd_account(&ctx, nrest, rest);
    else if (strcmp(command, "contacts") == 0)
        code = cmd_contacts(&ctx, nrest, rest);
    else if (strcmp(command, "status") == 0)
        code = cmd_status(&ctx, nrest, rest);
    else if (strcmp(command, "meter") == 0)
        code = cmd_meter(&ctx, nrest, rest);
    else if (strcmp(command, "sync") == 0)
        code = cmd_sync(&ctx, nrest, rest);
    else if (strcmp(command, "history") == 0)
        code = cmd_history(&ctx, nrest, rest);
    else if (strcmp(command, "units") == 0)
        code = cmd_units(&ctx, nrest, rest);
    else if (strcmp(command, "proposals") == 0)
        code = cmd_proposals(&ctx, nrest, rest);
    else if (strcmp(command, "withdrawals") == 0)
        code = cmd_withdrawals(&ctx, nrest, rest);
    else if (strcmp(command, "trades") == 0)
        code = cmd_trades(&ctx, nrest, rest);
    else if (strcmp(command, "networks") == 0)
        code = cmd_networks(&ctx, nrest, rest);
    else if (strcmp(command, "nodes") == 0)
        code = cmd_nodes(&ctx, nrest, rest);
    else if (strcmp(command, "statement") == 0)
        code = cmd_statement(&ctx, nrest, rest);
    else if (strcmp(command, "watch") == 0)
        code = cmd_watch(&ctx, nrest, rest);
    else if (strcmp(command, "exporter") == 0)
        code = cmd_exporter(&ctx, nrest, rest);
    else if (strcmp(command, "methods") == 0)
        code = cmd_methods(&ctx, nrest, rest);
    else if (strcmp(command, "help") == 0) {
        usage(stdout);
        code = 0;
    } else {
        cli_error("unknown command \"%s\" (see powerchain --help)", command);
        code = 2;
    }
    rpc_global_cleanup();
out:
    pc_contract_free(ctx.deployment);
    config_free(&config);
    free(rest);
    return code;
}
