#include "cli/cmd_networks.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/command.h"
#include "cli/config.h"
#include "cli/fail.h"
#include "cli/print.h"
#include "cli/table_out.h"
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

/* One network's row: its name after the mark of the one in use, chain id,
 * contract, and its nodes as shown (without credentials). */
static bool add_row(cli_table *t, const cli_network *n, const network_view *v, bool chosen)
{
    char id[24] = "-", nodes[1024] = "";
    size_t cap = strlen(n->name) + 3;
    char *name = malloc(cap);
    if (!name)
        return false;
    snprintf(name, cap, "%c %s", chosen ? '*' : ' ', n->name);
    if (v->has_chain_id)
        snprintf(id, sizeof id, "%llu", (unsigned long long)v->chain_id);
    size_t used = 0;
    for (size_t r = 0; r < v->nodes->nrpc && used < sizeof nodes; r++) {
        char url[256];
        rpc_url_shown(v->nodes->rpc[r], url, sizeof url);
        used += (size_t)snprintf(nodes + used, sizeof nodes - used, "%s%s", r ? " " : "", url);
    }
    const char *cells[] = { name, id, v->contract ? v->contract : "-", nodes };
    bool ok = cli_table_add(t, cells, NULL);
    free(name);
    return ok;
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
    static const table_col COLS[] = { { .heading = "  NAME" }, { .heading = "CHAIN ID" },
                                      { .heading = "CONTRACT" }, { .heading = "NODES" } };
    cli_table *table = cli_table_new(COLS, 4, 0);
    bool ok = table != NULL;
    for (size_t i = 0; ok && i < count; i++) {
        const cli_network *n = &c->networks[i];
        network_view v = view_of(c, n);
        ok = add_row(table, n, &v, ctx->network && strcmp(ctx->network, n->name) == 0);
    }
    if (ok)
        cli_table_print(table, stdout);
    cli_table_free(table);
    if (!ok) {
        pc_error err = { 0 };
        pc_fail(&err, PC_ENOMEM, "out of memory");
        return cli_fail(&err);
    }
    return 0;
}
