#include "cli/cmd_nodes.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "cli/command.h"
#include "cli/fail.h"
#include "cli/print.h"
#include "eth/hex.h"
#include "eth/text.h"
#include "wallet/nodes.h"

pc_status cli_nodes_open(const cli_ctx *ctx, long timeout_s, nodes_set **out, pc_error *err)
{
    const char *urls[NODES_MAX];
    size_t n = 0;
    urls[n++] = ctx->rpc_url;
    for (size_t i = 0; i < ctx->n_rpc_fallbacks && n < NODES_MAX; i++)
        urls[n++] = ctx->rpc_fallbacks[i];
    return nodes_open(urls, n, timeout_s, ctx->cacert, out, err);
}

void cli_genesis_text(const uint8_t genesis[32], bool whole, char *out, size_t cap)
{
    char hex[65];
    hex_encode(genesis, 32, hex);
    snprintf(out, cap, "0x%.*s", whole ? 64 : 8, hex);
}

/* One node as JSON: the keys nodes --json documents; NULL when out of
 * memory. Unknown figures are null. */
#define NODE_JSON_KEYS 11
cJSON *cli_node_json(const node_health *h)
{
    char id[24], genesis[80];
    cJSON *o = cJSON_CreateObject();
    if (!o)
        return NULL;
    snprintf(id, sizeof id, "%" PRIu64, h->chain_id);
    cli_genesis_text(h->genesis, true, genesis, sizeof genesis);
    cJSON_AddStringToObject(o, "node", h->shown);
    cJSON_AddBoolToObject(o, "up", h->up);
    cJSON_AddItemToObject(o, "client", h->has_client ? cJSON_CreateString(h->client)
                                                     : cJSON_CreateNull());
    cJSON_AddItemToObject(o, "chain_id", h->up ? cJSON_CreateString(id) : cJSON_CreateNull());
    cJSON_AddItemToObject(o, "genesis", h->up && h->has_genesis ? cJSON_CreateString(genesis)
                                                                : cJSON_CreateNull());
    cJSON_AddItemToObject(o, "head", h->up ? cJSON_CreateNumber((double)h->head)
                                           : cJSON_CreateNull());
    cJSON_AddItemToObject(o, "lag", h->up && !h->other_chain ? cJSON_CreateNumber((double)h->lag)
                                                             : cJSON_CreateNull());
    /* A duration, not an amount: a float is what it is. */
    cJSON_AddItemToObject(o, "latency_ms", h->up ? cJSON_CreateNumber((double)h->latency_us /
                                                                      1000.0)
                                                 : cJSON_CreateNull());
    cJSON_AddItemToObject(o, "peers", h->has_peers ? cJSON_CreateNumber((double)h->peers)
                                                   : cJSON_CreateNull());
    cJSON_AddItemToObject(o, "syncing", h->has_syncing ? cJSON_CreateBool(h->syncing)
                                                       : cJSON_CreateNull());
    cJSON_AddItemToObject(o, "error", h->up ? cJSON_CreateNull() : cJSON_CreateString(h->why));
    if (cJSON_GetArraySize(o) != NODE_JSON_KEYS) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

static void print_row(const node_health *h)
{
    char line[1024], genesis[24] = "-", lag[24] = "-", peers[24] = "-";
    if (!h->up) {
        snprintf(line, sizeof line, "%-28s  down  %s", h->shown, h->why);
        text_print(stdout, line);
        putchar('\n');
        return;
    }
    if (h->has_genesis)
        cli_genesis_text(h->genesis, false, genesis, sizeof genesis);
    if (h->other_chain)
        snprintf(lag, sizeof lag, "other chain");
    else
        snprintf(lag, sizeof lag, "%" PRIu64, h->lag);
    if (h->has_peers)
        snprintf(peers, sizeof peers, "%" PRIu64, h->peers);
    snprintf(line, sizeof line,
             "%-28s  up    %-20s %-8" PRIu64 " %-10s  %-9" PRIu64 " %-11s %5" PRIu64 ".%01" PRIu64
             " ms  %-5s  %s",
             h->shown, h->has_client ? h->client : "-", h->chain_id, genesis, h->head, lag,
             h->latency_us / 1000, h->latency_us / 100 % 10, peers,
             !h->has_syncing ? "-" : h->syncing ? "yes" : "no");
    text_print(stdout, line);
    putchar('\n');
}

int cmd_nodes(const cli_ctx *ctx, int argc, char **argv)
{
    pc_error err = { 0 };
    if (cli_command_args(ctx, argc, argv, NULL, NULL, &err) != PC_OK)
        return cli_fail_usage(ctx, &err);
    nodes_set *set = NULL;
    if (cli_nodes_open(ctx, ctx->timeout_s, &set, &err) != PC_OK)
        return cli_fail(&err);
    nodes_report r;
    nodes_probe(set, NODES_FULL, ctx->has_chain_id, ctx->chain_id, &r);
    nodes_close(set);
    if (ctx->json) {
        cJSON *arr = cJSON_CreateArray();
        for (size_t i = 0; arr && i < r.count; i++)
            cJSON_AddItemToArray(arr, cli_node_json(&r.node[i]));
        if (print_json_records(arr, NODE_JSON_KEYS, &err) != PC_OK)
            return cli_fail(&err);
    } else {
        printf("%-28s  %-5s %-20s %-8s %-10s  %-9s %-11s %8s  %-5s  %s\n", "NODE", "STATE",
               "CLIENT", "CHAIN", "GENESIS", "HEAD", "LAG", "LATENCY", "PEERS", "SYNCING");
        for (size_t i = 0; i < r.count; i++)
            print_row(&r.node[i]);
    }
    switch (nodes_judge(&r)) {
    case NODES_ALL_GOOD:
        return 0;
    case NODES_SOME_BAD:
        return 1;
    case NODES_NONE_UP:
        break;
    }
    return 3;
}
