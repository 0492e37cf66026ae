#include "cli/cmd_networks.h"

#include <stdio.h>
#include <string.h>

#include "cli/command.h"
#include "cli/config.h"
#include "cli/fail.h"
#include "cli/print.h"
#include "eth/text.h"
#include "rpcclient/rpc.h"

/* The network's settings as they apply: a key the network leaves out is
 * the common one. */
typedef struct network_view {
    const char *contract; /* an address, a deployment file, or NULL */
    bool has_chain_id;
    uint64_t chain_id;
    const cli_network *nodes;
} network_view;

static network_view view_of(const cli_config *c, const cli_network *n)
{
    const cli_network *k = n->contract || n->contract_json ? n : &c->common;
    const cli_network *id_from = n->has_chain_id ? n : &c->common;
    return (network_view){ .contract = k->contract ? k->contract : k->contract_json,
                           .has_chain_id = id_from->has_chain_id,
                           .chain_id = id_from->chain_id,
                           .nodes = n->nrpc ? n : &c->common };
}

static void print_line(const cli_network *n, const network_view *v, bool chosen)
{
    char id[24] = "-", line[1024];
    if (v->has_chain_id)
        snprintf(id, sizeof id, "%llu", (unsigned long long)v->chain_id);
    size_t used = (size_t)snprintf(line, sizeof line, "%c %-16s %-10s %-44s", chosen ? '*' : ' ',
                                   n->name, id, v->contract ? v->contract : "-");
    for (size_t r = 0; r < v->nodes->nrpc && used < sizeof line; r++) {
        char url[256];
        rpc_url_shown(v->nodes->rpc[r], url, sizeof url);
        used += (size_t)snprintf(line + used, sizeof line - used, " %s", url);
    }
    text_print(stdout, line);
    fputc('\n', stdout);
}

/* {"name", "in_use", "chain_id" (a decimal string, as every integer of
 * --json output, or null), "contract" (or null), "nodes": [shown URLs]};
 * NULL when out of memory. */
#define NETWORK_JSON_KEYS 5
static cJSON *network_json(const cli_network *n, const network_view *v, bool chosen)
{
    cJSON *o = cJSON_CreateObject(), *nodes = cJSON_CreateArray();
    char id[24];
    snprintf(id, sizeof id, "%llu", (unsigned long long)v->chain_id);
    bool ok = o && nodes && cJSON_AddStringToObject(o, "name", n->name) &&
              cJSON_AddBoolToObject(o, "in_use", chosen) &&
              (v->has_chain_id ? cJSON_AddStringToObject(o, "chain_id", id)
                               : cJSON_AddNullToObject(o, "chain_id")) &&
              (v->contract ? cJSON_AddStringToObject(o, "contract", v->contract)
                           : cJSON_AddNullToObject(o, "contract"));
    for (size_t r = 0; ok && r < v->nodes->nrpc; r++) {
        char url[256];
        rpc_url_shown(v->nodes->rpc[r], url, sizeof url);
        cJSON *u = cJSON_CreateString(url);
        ok = u && cJSON_AddItemToArray(nodes, u);
        if (!ok)
            cJSON_Delete(u);
    }
    if (ok && cJSON_AddItemToObject(o, "nodes", nodes))
        return o;
    cJSON_Delete(nodes);
    cJSON_Delete(o);
    return NULL;
}

int cmd_networks(const cli_ctx *ctx, int argc, char **argv)
{
    pc_error err = { 0 };
    if (cli_command_args(ctx, argc, argv, NULL, NULL, &err) != PC_OK)
        return cli_fail_usage(ctx, &err);
    const cli_config *c = ctx->config;
    size_t count = c ? c->nnetworks : 0;
    if (ctx->json) {
        /* print_json_records counts every object's keys: a failed
         * allocation anywhere is caught there. */
        cJSON *arr = cJSON_CreateArray();
        for (size_t i = 0; arr && i < count; i++) {
            const cli_network *n = &c->networks[i];
            network_view v = view_of(c, n);
            cJSON_AddItemToArray(arr, network_json(n, &v, ctx->network &&
                                                             strcmp(ctx->network, n->name) == 0));
        }
        return print_json_records(arr, NETWORK_JSON_KEYS, &err) == PC_OK ? 0 : cli_fail(&err);
    }
    if (count == 0) {
        printf("no networks: add [network NAME] sections to the configuration file\n");
        return 0;
    }
    printf("  %-16s %-10s %-44s %s\n", "NAME", "CHAIN ID", "CONTRACT", "NODES");
    for (size_t i = 0; i < count; i++) {
        const cli_network *n = &c->networks[i];
        network_view v = view_of(c, n);
        print_line(n, &v, ctx->network && strcmp(ctx->network, n->name) == 0);
    }
    return 0;
}
