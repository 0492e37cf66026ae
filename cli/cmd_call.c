/* powerchain call METHOD [ARGS...] and powerchain methods. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/commands.h"
#include "cli/print.h"
#include "cli/readcall.h"
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

static const pc_method *find_method(const char *name, pc_error *err)
{
    const pc_method *m = pc_method_find(name);
    if (!m)
        pc_fail(err, PC_EINPUT, "unknown method \"%s\" (see powerchain methods)", name);
    return m;
}

int cmd_call(const cli_ctx *ctx, int argc, char **argv)
{
    pc_error err = { 0 };
    if (argc < 2) {
        cli_error("usage: powerchain call METHOD [ARGS...] (see powerchain methods)");
        return 2;
    }
    const pc_method *m = find_method(argv[1], &err);
    if (!m)
        return cli_fail(&err);
    if (m->kind != PC_READ) {
        cli_error("%s changes the chain: use powerchain send %s", m->name, m->name);
        return 2;
    }
    return cli_read_method(ctx, m, argc - 2, argv + 2);
}

static const char *kind_word(pc_method_kind k)
{
    switch (k) {
    case PC_READ: return "call";
    case PC_TX: return "send";
    case PC_VOTE: return "vote";
    }
    return "";
}

int cmd_methods(const cli_ctx *ctx, int argc, char **argv)
{
    (void)argv;
    if (argc > 1) {
        cli_error("usage: powerchain methods");
        return 2;
    }
    size_t n;
    const pc_method *all = pc_methods(&n);
    if (ctx->json) {
        cJSON *arr = cJSON_CreateArray();
        for (size_t i = 0; arr && i < n; i++) {
            cJSON *o = cJSON_CreateObject();
            cJSON_AddStringToObject(o, "name", all[i].name);
            cJSON_AddStringToObject(o, "kind", kind_word(all[i].kind));
            cJSON_AddStringToObject(o, "arguments", all[i].usage);
            cJSON_AddStringToObject(o, "summary", all[i].summary);
            cJSON_AddItemToArray(arr, o);
        }
        char *text = arr ? cJSON_PrintUnformatted(arr) : NULL;
        if (text)
            puts(text);
        free(text);
        cJSON_Delete(arr);
        return text ? 0 : 4;
    }
    for (size_t i = 0; i < n; i++) {
        char head[80];
        snprintf(head, sizeof head, "%s %s %s", kind_word(all[i].kind), all[i].name,
                 all[i].usage);
        printf("%-52s %s\n", head, all[i].summary);
    }
    puts("\n(\"vote\" methods are sent with powerchain send; they act once more than half "
         "of the voters agree)");
    return 0;
}
