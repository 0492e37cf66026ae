/* For tests/wallet/series.sh and thesis_series.sh: brings the history
 * index of a deployment up to date, replays the charts' series
 * (wallet/series.h) and reads the peg's points from the node as the
 * panel's worker does (wallet/series_node.h, a refresh's blocks at a time
 * until none is left), then prints the last point of each series, one
 * "name value" line, values as raw decimal integers; where the peg's
 * points came from ("origin BLOCKS FROM_NODE NOT_KEPT UNREAD"); and every
 * point of the peg's series, one "point NAME BLOCK VALUE" line:
 *
 *   series_tail RPC_URL CONTRACT_JSON ACCOUNT
 *
 * Exit status 1 with the reason on standard error when the node or the
 * index cannot be read. */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "rpcclient/rpc.h"
#include "wallet/history.h"
#include "wallet/past.h"
#include "wallet/series_node.h"

static void print_last(const char *name, const series *s)
{
    char dec[U256_DEC_MAX] = "none";
    if (s->count)
        u256_to_dec(&s->points[s->count - 1].value, dec);
    printf("%s %s\n", name, dec);
}

/* "unit_0x..." into name. */
static const char *unit_name(const eth_address *unit, char name[ETH_ADDRESS_TEXT_LEN + 8])
{
    memcpy(name, "unit_", 5);
    eth_address_to_checksum(unit, name + 5);
    return name;
}

static void print_points(const char *name, const series *s)
{
    for (size_t i = 0; i < s->count; i++) {
        char dec[U256_DEC_MAX];
        u256_to_dec(&s->points[i].value, dec);
        printf("point %s %" PRIu64 " %s\n", name, s->points[i].block, dec);
    }
}

/* Each of the peg's series by `print`: its name and itself. */
static void print_peg(const series_energy *e, void (*print)(const char *, const series *))
{
    print("ent", &e->ent);
    print("wh", &e->wh);
    print("mint_cost", &e->mint_cost);
    print("burn_cost", &e->burn_cost);
    print("my_ent", &e->account_ent);
    for (size_t i = 0; i < e->nunits; i++) {
        char name[ETH_ADDRESS_TEXT_LEN + 8];
        print(unit_name(&e->units[i].unit, name), &e->units[i].wh);
    }
}

/* The series replayed afresh and the node's figures read into them, a
 * refresh's calls at a time, as the panel's worker does on each refresh,
 * while that reads more. */
static pc_status from_node(rpc_client *c, const pc_contract *k, wallet_past *p,
                           const eth_address *me, pc_error *err)
{
    series_node n = { 0 };
    size_t left = SIZE_MAX;
    pc_status st = PC_OK;
    while (st == PC_OK && left > 0) {
        st = wallet_past_series(p, me, err);
        if (st == PC_OK)
            st = series_node_read(&n, c, k, &p->series, SERIES_NODE_REFRESH_CALLS, err);
        if (st == PC_OK && p->series.origin.unread >= left)
            st = pc_fail(err, PC_ENODE, "the node answered none of %zu blocks", left);
        left = st == PC_OK ? p->series.origin.unread : 0;
    }
    series_node_forget(&n);
    return st;
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
        st = from_node(c, k, &p, &me, err);
    if (st == PC_OK) {
        const series_set *r = &p.series;
        const series_energy *e = &r->energy;
        print_last("price", &r->prices);
        printf("fill_count %zu\n", r->prices.count);
        print_last("eeuro", &r->eeuro);
        print_last("my_eeuro", &r->my_eeuro);
        print_peg(e, print_last);
        const series_origin *o = &r->origin;
        printf("origin %zu %zu %zu %zu\n", o->blocks, o->from_node, o->not_kept, o->unread);
        print_peg(e, print_points);
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
