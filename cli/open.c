#include "cli/open.h"

#include "cli/signer.h"

pc_status cli_load_contract(const cli_ctx *ctx, pc_contract **out, pc_error *err)
{
    if (ctx->contract_address)
        return pc_contract_from_address(ctx->contract_address, out, err);
    if (ctx->deployment)
        return pc_contract_copy(ctx->deployment, out, err);
    if (ctx->contract_json)
        return pc_contract_load_json(ctx->contract_json, out, err);
    return pc_fail(err, PC_EINPUT, "no contract: give --contract ADDRESS or --contract-json "
                                   "FILE, or set POWERCHAIN_CONTRACT");
}

pc_status cli_connect(const cli_ctx *ctx, rpc_client **out, pc_error *err)
{
    pc_status st = rpc_client_new(ctx->rpc_url, ctx->timeout_s, out, err);
    for (size_t i = 0; st == PC_OK && i < ctx->n_rpc_fallbacks; i++)
        st = rpc_client_add_node(*out, ctx->rpc_fallbacks[i], err);
    if (st == PC_OK && ctx->cacert)
        st = rpc_client_set_cacert(*out, ctx->cacert, err);
    if (st != PC_OK) {
        rpc_client_free(*out);
        *out = NULL;
    }
    return st;
}

pc_status cli_open(const cli_ctx *ctx, pc_contract **k, eth_address *from, bool *has_from,
                   rpc_client **c, pc_error *err)
{
    *k = NULL;
    *c = NULL;
    pc_status st = cli_load_contract(ctx, k, err);
    if (st == PC_OK)
        st = signer_address(ctx, from, has_from, err);
    if (st == PC_OK)
        st = cli_connect(ctx, c, err);
    if (st != PC_OK) {
        pc_contract_free(*k);
        *k = NULL;
    }
    return st;
}

