/* For tests/wallet/series.sh: brings the history index of a deployment up
 * to date, replays the charts' series (wallet/series.h) and prints the last
 * point of each, one "name value" line, values as raw decimal integers:
 *
 *   series_tail RPC_URL CONTRACT_JSON ACCOUNT
 *
 * Exit status 1 with the reason on standard error when the node or the
 * index cannot be read. */
#include <stdio.h>
#include <string.h>

#include "rpcclient/rpc.h"
#include "wallet/history.h"
#include "wallet/past.h"

static void print_last(const char *name, const series *s)
{
    char dec[U256_DEC_MAX] = "none";
    if (s->count)
        u256_to_dec(&s->points[s->count - 1].value, dec);
    printf("%s %s\n", name, dec);
}

static pc_status run(const char *url, const char *json, const char *account, pc_error *err)
{
    eth_address me;
    rpc_client *c = NULL;
    pc_contract *k = NULL;
    history *h = NULL;
    wallet_past p = { 0 };
    pc_status st = eth_address_parse(account, &me, err);
    if (st == PC_OK)
        st = rpc_client_new(url, 30, &c, err);
    if (st == PC_OK)
        st = pc_contract_load_json(json, &k, err);
    if (st == PC_OK)
        st = history_open(c, k, &h, err);
    if (st == PC_OK)
        st = history_sync(h, c, NULL, NULL, NULL, err);
    if (st == PC_OK)
        st = wallet_past_read(h, &p, err);
    if (st == PC_OK)
        st = wallet_past_series(&p, &me, err);
    if (st == PC_OK) {
        const series_set *r = &p.series;
        const series_energy *e = &r->energy;
        print_last("price", &r->prices);
        printf("fill_count %zu\n", r->prices.count);
        print_last("ent", &e->ent);
        print_last("wh", &e->wh);
        print_last("mint_cost", &e->mint_cost);
        print_last("burn_cost", &e->burn_cost);
        print_last("eeuro", &r->eeuro);
        print_last("my_ent", &e->account_ent);
        print_last("my_eeuro", &r->my_eeuro);
        for (size_t i = 0; i < e->nunits; i++) {
            char name[ETH_ADDRESS_TEXT_LEN + 8];
            eth_address_to_checksum(&e->units[i].unit, name + 5);
            memcpy(name, "unit_", 5);
            print_last(name, &e->units[i].wh);
        }
    }
    wallet_past_free(&p);
    history_close(h);
    pc_contract_free(k);
    rpc_client_free(c);
    return st;
}

int main(int argc, char **argv)
{
    pc_error err;
    if (argc != 4) {
        fprintf(stderr, "usage: series_tail RPC_URL CONTRACT_JSON ACCOUNT\n");
        return 2;
    }
    if (rpc_global_init(&err) != PC_OK || run(argv[1], argv[2], argv[3], &err) != PC_OK) {
        fprintf(stderr, "series_tail: %s\n", err.msg);
        return 1;
    }
    rpc_global_cleanup();
    return 0;
}
