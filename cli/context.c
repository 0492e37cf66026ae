#include "cli/context.h"

#include <stdlib.h>
#include <string.h>

#include "cli/fees.h"
#include "rpcclient/rpc.h"

static const char *env_or(const char *name, const char *fallback)
{
    const char *v = getenv(name);
    return v && *v ? v : fallback;
}

/* A whole number from 1 to max, for an option (PC_EINPUT naming it). */
static pc_status positive(const char *option, const char *text, unsigned long long max,
                          const char *too_small, unsigned long long *out, pc_error *err)
{
    pc_status st = cli_parse_u64(option, text, max, out, err);
    return st == PC_OK && *out == 0 ? pc_fail(err, PC_EINPUT, "--%s %s", option, too_small) : st;
}

pc_status cli_context_setup(const cli_global_options *o, cli_config *config, cli_ctx *ctx,
                            pc_error *err)
{
    ctx->json = o->json;
    ctx->yes = o->yes;
    ctx->private_key_file = o->private_key_file;
    ctx->password_file = o->password_file;
    ctx->cacert = o->cacert;
    const char *network = o->network ? o->network : env_or("POWERCHAIN_NETWORK", NULL);
    ctx->rpc_url = o->nrpc ? o->rpc[0] : env_or("POWERCHAIN_RPC", NULL);
    for (size_t i = 1; i < o->nrpc; i++)
        ctx->rpc_fallbacks[ctx->n_rpc_fallbacks++] = o->rpc[i];
    ctx->contract_address = o->contract;
    ctx->contract_json = o->contract_json;
    if (!o->contract && !o->contract_json) {
        const char *env = env_or("POWERCHAIN_CONTRACT", NULL);
        if (env && strncmp(env, "0x", 2) == 0)
            ctx->contract_address = env;
        else
            ctx->contract_json = env;
    }
    ctx->account = o->account;
    ctx->account_given = o->account != NULL;
    ctx->keystore_dir = o->keystore ? o->keystore : env_or("POWERCHAIN_KEYSTORE", NULL);
    if (!ctx->account)
        ctx->account = env_or("POWERCHAIN_ACCOUNT", NULL);
    const char *chain_id = o->chain_id ? o->chain_id : env_or("POWERCHAIN_CHAIN_ID", NULL);
    const char *fee_cap = o->fee_cap ? o->fee_cap : env_or("POWERCHAIN_FEE_CAP", NULL);
    unsigned long long n;
    pc_status st = PC_OK;
    if (chain_id && (st = positive("chain-id", chain_id, UINT64_MAX, "must be at least 1", &n,
                                   err)) == PC_OK) {
        ctx->has_chain_id = true;
        ctx->chain_id = n;
    }
    if (st == PC_OK && fee_cap && (st = cli_parse_wei("fee-cap", fee_cap, &ctx->fee_cap, err)) ==
                                      PC_OK)
        ctx->has_fee_cap = true;
    if (st == PC_OK && (st = config_load(config, err)) == PC_OK)
        st = config_apply(ctx, config, network, err);
    if (st == PC_OK && !ctx->rpc_url)
        ctx->rpc_url = CLI_DEFAULT_RPC;
    ctx->timeout_s = RPC_DEFAULT_TIMEOUT_S;
    if (st == PC_OK && o->timeout &&
        (st = positive("timeout", o->timeout, 86400, "must be at least 1 second", &n, err)) ==
            PC_OK)
        ctx->timeout_s = (long)n;
    return st;
}
