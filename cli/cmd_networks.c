/* powerchain networks: the configuration file's named networks, one a
 * line, the one in use (--network) marked with '*'; a key a network leaves
 * out shows the common one it takes. Nodes are shown by scheme, host and
 * port only: their addresses may carry credentials and API keys. */
#include <stdio.h>
#include <string.h>

#include "cli/commands.h"
#include "cli/config.h"
#include "eth/text.h"
#include "rpcclient/rpc.h"

int cmd_networks(const cli_ctx *ctx, int argc, char **argv)
{
    (void)argv;
    if (argc > 1) {
        cli_error("networks takes no arguments");
        return 2;
    }
    const cli_config *c = ctx->config;
    if (!c || c->nnetworks == 0) {
        printf("no networks: add [network NAME] sections to the configuration file\n");
        return 0;
    }
    printf("  %-16s %-10s %-44s %s\n", "NAME", "CHAIN ID", "CONTRACT", "NODES");
    for (size_t i = 0; i < c->nnetworks; i++) {
        const cli_network *n = &c->networks[i];
        bool chosen = ctx->network && strcmp(ctx->network, n->name) == 0;
        const cli_network *k = n->contract || n->contract_json ? n : &c->common;
        const cli_network *id_from = n->has_chain_id ? n : &c->common;
        const cli_network *nodes = n->nrpc ? n : &c->common;
        const char *contract = k->contract ? k->contract
                               : k->contract_json ? k->contract_json : "-";
        char id[24] = "-", line[1024];
        if (id_from->has_chain_id)
            snprintf(id, sizeof id, "%llu", (unsigned long long)id_from->chain_id);
        size_t used = (size_t)snprintf(line, sizeof line, "%c %-16s %-10s %-44s", chosen ? '*' : ' ',
                                       n->name, id, contract);
        for (size_t r = 0; r < nodes->nrpc && used < sizeof line; r++) {
            char url[256];
            rpc_url_shown(nodes->rpc[r], url, sizeof url);
            used += (size_t)snprintf(line + used, sizeof line - used, " %s", url);
        }
        text_print(stdout, line);
        fputc('\n', stdout);
    }
    return 0;
}
