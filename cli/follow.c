#include "cli/follow.h"

#include <string.h>

#include "cli/cmd_nodes.h"
#include "cli/open.h"

pc_status cli_follow_open(const cli_ctx *ctx, cli_follow *f, pc_error *err)
{
    memset(f, 0, sizeof *f);
    pc_status st = cli_load_contract(ctx, &f->k, err);
    if (st == PC_OK)
        st = cli_connect(ctx, &f->c, err);
    if (st == PC_OK)
        st = cli_nodes_open(ctx, ctx->timeout_s, &f->nodes, err);
    if (st != PC_OK)
        cli_follow_close(f);
    return st;
}

bool cli_follow_sync(cli_follow *f, uint64_t *rolled_back)
{
    pc_error e = { 0 };
    history_sync_stats stats = { 0 };
    if (rolled_back)
        *rolled_back = 0;
    if (!f->h && history_open(f->c, f->k, &f->h, &e) != PC_OK)
        return false;
    bool ok = history_sync(f->h, f->c, NULL, NULL, &stats, &e) == PC_OK;
    if (stats.rolled_back)
        wallet_past_reader_reset(&f->reader);
    if (rolled_back)
        *rolled_back = stats.rolled_back;
    return ok;
}

void cli_follow_forget_index(cli_follow *f)
{
    history_close(f->h);
    f->h = NULL;
    wallet_past_reader_reset(&f->reader);
}

void cli_follow_close(cli_follow *f)
{
    cli_follow_forget_index(f);
    nodes_close(f->nodes);
    rpc_client_free(f->c);
    pc_contract_free(f->k);
    memset(f, 0, sizeof *f);
}
