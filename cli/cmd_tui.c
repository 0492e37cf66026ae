#include "cli/cmd_tui.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "cli/book.h"
#include "cli/command.h"
#include "cli/config.h"
#include "cli/fail.h"
#include "cli/open.h"
#include "screens/screens.h"
#include "tui/run.h"

/* One run of the panel with ctx's node, deployment and account. */
static pc_status run_panel(const cli_ctx *ctx, int page, tui_switch *sw, pc_error *err)
{
    pc_contract *k = NULL;
    names *book = NULL;
    /* A contacts file that cannot be trusted stops the panel as a loose
     * keystore does: a name typed later must not go to a planted address. */
    if (cli_load_contract(ctx, &k, err) != PC_OK || book_open(ctx, &book, err) != PC_OK) {
        pc_contract_free(k);
        return err->status;
    }
    const cli_config *config = ctx->config;
    const char *networks[16];
    size_t npages, nnetworks = 0;
    for (size_t i = 0; config && i < config->nnetworks && nnetworks < 16; i++)
        networks[nnetworks++] = config->networks[i].name;
    tui_config cfg = {
        .rpc_urls = { ctx->rpc_url },
        .nrpc_urls = 1,
        .timeout_s = ctx->timeout_s,
        .cacert = ctx->cacert,
        .contract = k,
        .has_chain_id = ctx->has_chain_id,
        .chain_id = ctx->chain_id,
        .fee_cap = ctx->fee_cap,
        .wallet = { ctx->private_key_file, ctx->keystore_dir, ctx->account, ctx->password_file },
        .pages = screens_all(&npages),
        .first_page = page,
        .names = book,
        .networks = networks,
        .nnetworks = nnetworks,
        .network = ctx->network,
        .switch_to = sw,
        .notify = ctx->has_notify ? ctx->notify : TUI_NOTIFY_OFF,
        .has_peg_gap = ctx->has_peg_gap,
        .peg_gap = ctx->peg_gap,
    };
    cfg.npages = npages;
    /* Further --rpc nodes: the worker fails over to them in this order. */
    for (size_t i = 0; i < ctx->n_rpc_fallbacks && cfg.nrpc_urls < RPC_MAX_NODES; i++)
        cfg.rpc_urls[cfg.nrpc_urls++] = ctx->rpc_fallbacks[i];
    pc_status st = tui_run(&cfg, err);
    names_free(book);
    pc_contract_free(k);
    return st;
}

/* The deployment file config_apply read for a network picked in the panel
 * is the panel's to free; the one for the command line is main's. */
static void forget_deployment(cli_ctx *now, const cli_ctx *ctx)
{
    if (now->deployment != ctx->deployment)
        pc_contract_free(now->deployment);
    now->deployment = NULL;
}

int cmd_tui(const cli_ctx *ctx, int argc, char **argv)
{
    tui_options o = { 0 };
    pc_error err = { 0 };
    if (cli_command_args(ctx, argc, argv, &o, NULL, &err) != PC_OK)
        return cli_fail_usage(ctx, &err);
    unsigned long long first = 1;
    if (o.page && cli_parse_u64("page", o.page, 9, &first, &err) != PC_OK)
        return cli_fail(&err);
    if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
        cli_error("the panel needs a terminal; use call and send in scripts");
        return 2;
    }
    /* Wide characters for bars and spinners when the locale is UTF-8. */
    setlocale(LC_ALL, "");

    int open_page = first ? (int)first - 1 : 0;
    cli_ctx now = *ctx;
    tui_switch sw = { "", 0 };
    char network[TUI_NETWORK_MAX]; /* the panel clears sw at each start */
    pc_status st;
    while ((st = run_panel(&now, open_page, &sw, &err)) == PC_OK && sw.network[0]) {
        /* The picked network's settings; only the signer's key and password
         * and the timeout given on the command line go along. */
        forget_deployment(&now, ctx);
        now = (cli_ctx){ .private_key_file = ctx->private_key_file,
                         .password_file = ctx->password_file, .timeout_s = ctx->timeout_s };
        snprintf(network, sizeof network, "%s", sw.network);
        if ((st = config_apply(&now, ctx->config, network, &err)) != PC_OK)
            break;
        if (!now.rpc_url)
            now.rpc_url = CLI_DEFAULT_RPC;
        open_page = sw.page;
    }
    forget_deployment(&now, ctx);
    return st == PC_OK ? 0 : cli_fail(&err);
}
