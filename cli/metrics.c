#include "cli/metrics.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct page {
    char *text;
    size_t len, cap;
    bool failed;
} page;

static void put(page *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void put(page *p, const char *fmt, ...)
{
    if (p->failed)
        return;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0 || (size_t)n >= SIZE_MAX / 2 - p->len) {
        p->failed = true;
        return;
    }
    if (p->len + (size_t)n + 1 > p->cap) {
        size_t cap = p->cap ? p->cap : 4096;
        while (cap < p->len + (size_t)n + 1)
            cap *= 2;
        char *t = realloc(p->text, cap);
        if (!t) {
            p->failed = true;
            return;
        }
        p->text = t;
        p->cap = cap;
    }
    va_start(ap, fmt);
    vsnprintf(p->text + p->len, p->cap - p->len, fmt, ap);
    va_end(ap);
    p->len += (size_t)n;
}

static void family(page *p, const char *name, const char *type, const char *help)
{
    put(p, "# HELP %s %s\n# TYPE %s %s\n", name, help, name, type);
}

/* A label value as the format wants it: backslash, quote and newline
 * escaped. Node labels are shown URLs (scheme, host, port) or socket
 * paths, which may hold any of them. */
static void put_label_value(page *p, const char *v)
{
    put(p, "\"");
    for (; *v; v++) {
        if (*v == '\\')
            put(p, "\\\\");
        else if (*v == '"')
            put(p, "\\\"");
        else if (*v == '\n')
            put(p, "\\n");
        else
            put(p, "%c", *v);
    }
    put(p, "\"");
}

/* An 18-decimal amount in its unit, as exact decimal text. */
static void put_amount(page *p, const char *name, const u256 *v)
{
    char dec[U256_DEC_MAX];
    u256_format_fixed(v, 18, dec);
    put(p, "%s %s\n", name, dec);
}

static void put_integer(page *p, const char *name, const u256 *v)
{
    char dec[U256_DEC_MAX];
    u256_to_dec(v, dec);
    put(p, "%s %s\n", name, dec);
}

static void put_u64(page *p, const char *name, uint64_t v)
{
    put(p, "%s %" PRIu64 "\n", name, v);
}

/* ENT in circulation minus the stored energy in kWh, signed. */
static void put_peg_gap(page *p, const wallet_state *s)
{
    u256 gap;
    bool below = wallet_peg_gap(s, &gap);
    char dec[U256_DEC_MAX];
    u256_format_fixed(&gap, 18, dec);
    put(p, "powerchain_peg_gap_ent %s%s\n", below && !u256_is_zero(&gap) ? "-" : "", dec);
}

static void put_state(page *p, const wallet_state *s)
{
    family(p, "powerchain_head_block", "gauge", "The newest block the node reported.");
    put_u64(p, "powerchain_head_block", s->block);
    family(p, "powerchain_head_timestamp_seconds", "gauge",
           "The newest block's timestamp, unix seconds.");
    put_u64(p, "powerchain_head_timestamp_seconds", s->block_time);
    if (!(s->missing & WALLET_SEC_TOTALS)) {
        family(p, "powerchain_energy_stored_wh", "gauge",
               "Energy stored in all active storage units, Wh (getTotalEnergy).");
        put_integer(p, "powerchain_energy_stored_wh", &s->total_wh);
        family(p, "powerchain_ent_supply", "gauge", "ENT in circulation, ENT (getTotalENT).");
        put_amount(p, "powerchain_ent_supply", &s->total_ent);
        family(p, "powerchain_eeuro_supply", "gauge",
               "eEuro in circulation, eEuro (getTotalEeuro).");
        put_amount(p, "powerchain_eeuro_supply", &s->total_eeuro);
        family(p, "powerchain_peg_gap_ent", "gauge",
               "ENT in circulation minus the stored energy in kWh, ENT.");
        put_peg_gap(p, s);
    }
    if (!(s->missing & WALLET_SEC_UNITS)) {
        family(p, "powerchain_unit_energy_wh", "gauge",
               "Available energy of each active storage unit, Wh.");
        for (size_t i = 0; i < s->nunits; i++) {
            char addr[ETH_ADDRESS_TEXT_LEN], dec[U256_DEC_MAX];
            eth_address_to_checksum(&s->units[i].addr, addr);
            u256_to_dec(&s->units[i].wh, dec);
            put(p, "powerchain_unit_energy_wh{unit=\"%s\"} %s\n", addr, dec);
        }
    }
    if (!(s->missing & WALLET_SEC_COSTS)) {
        family(p, "powerchain_mint_cost", "gauge", "The minting cost, ENT per kWh.");
        put_amount(p, "powerchain_mint_cost", &s->mint_cost);
        family(p, "powerchain_burn_cost", "gauge", "The burning cost, ENT per kWh.");
        put_amount(p, "powerchain_burn_cost", &s->burn_cost);
    }
    if (!(s->missing & WALLET_SEC_ORDERS)) {
        family(p, "powerchain_orders", "gauge", "Open orders in the market's book.");
        put(p, "powerchain_orders{side=\"buy\"} %zu\npowerchain_orders{side=\"sell\"} %zu\n",
            s->nbuys, s->nsells);
        /* The head's book, read as a replayed one is. */
        view_market book = { .buys = s->buys, .nbuys = s->nbuys, .sells = s->sells,
                             .nsells = s->nsells };
        u256 bid, ask;
        bool has_bid = view_market_best_bid(&book, &bid);
        bool has_ask = view_market_best_ask(&book, &ask);
        family(p, "powerchain_best_price", "gauge",
               "The best open price of each side, eEuro per ENT (absent when the side is empty).");
        if (has_bid)
            put_amount(p, "powerchain_best_price{side=\"buy\"}", &bid);
        if (has_ask)
            put_amount(p, "powerchain_best_price{side=\"sell\"}", &ask);
    }
}

static void put_past(page *p, const wallet_past *past)
{
    u256 price, total;
    if (view_market_last_price(&past->market, &price)) {
        family(p, "powerchain_last_trade_price", "gauge",
               "The price of the market's last fill, eEuro per ENT.");
        put_amount(p, "powerchain_last_trade_price", &price);
    }
    family(p, "powerchain_trades_total", "counter", "Fills since the deployment.");
    put(p, "powerchain_trades_total %zu\n", past->market.nfills);
    family(p, "powerchain_voters", "gauge", "Voters, by the history's passed votes.");
    put(p, "powerchain_voters %zu\n", past->governance.nvoters);
    if (!view_withdrawals_total(&past->withdrawals, &total))
        return; /* not a history the contract wrote: leave the figures out */
    family(p, "powerchain_withdrawals_pending", "gauge",
           "Accounts with eEuro locked for withdrawal that the banker has not settled.");
    put(p, "powerchain_withdrawals_pending %zu\n", past->withdrawals.count);
    family(p, "powerchain_withdrawals_pending_eeuro", "gauge",
           "eEuro locked for withdrawal and not yet settled, in all, eEuro.");
    put_amount(p, "powerchain_withdrawals_pending_eeuro", &total);
}

static void put_nodes(page *p, const nodes_report *r)
{
    family(p, "powerchain_node_up", "gauge",
           "1 when the node answers from the network's chain, else 0.");
    for (size_t i = 0; i < r->count; i++) {
        put(p, "powerchain_node_up{node=");
        put_label_value(p, r->node[i].shown);
        put(p, "} %d\n", r->node[i].up && !r->node[i].other_chain);
    }
    family(p, "powerchain_node_head_block", "gauge", "Each answering node's newest block.");
    for (size_t i = 0; i < r->count; i++) {
        if (!r->node[i].up)
            continue;
        put(p, "powerchain_node_head_block{node=");
        put_label_value(p, r->node[i].shown);
        put(p, "} %" PRIu64 "\n", r->node[i].head);
    }
    family(p, "powerchain_node_latency_seconds", "gauge",
           "Each answering node's round trip for one batched probe, seconds.");
    for (size_t i = 0; i < r->count; i++) {
        if (!r->node[i].up)
            continue;
        put(p, "powerchain_node_latency_seconds{node=");
        put_label_value(p, r->node[i].shown);
        put(p, "} %" PRIu64 ".%06" PRIu64 "\n", r->node[i].latency_us / 1000000,
            r->node[i].latency_us % 1000000);
    }
}

pc_status metrics_render(const metrics_input *in, char **out, pc_error *err)
{
    page p = { 0 };
    family(&p, "powerchain_up", "gauge",
           "1 when this snapshot read the contract's state from a node, else 0.");
    put(&p, "powerchain_up %d\n", in->state != NULL);
    if (in->state)
        put_state(&p, in->state);
    if (in->past)
        put_past(&p, in->past);
    put_nodes(&p, in->nodes);
    family(&p, "powerchain_failovers_total", "counter",
           "Times the exporter moved on to another node.");
    put(&p, "powerchain_failovers_total %lu\n", in->failovers);
    if (in->has_index_head) {
        family(&p, "powerchain_index_head_block", "gauge",
               "The last block the history index holds.");
        put_u64(&p, "powerchain_index_head_block", in->index_head);
    }
    if (p.failed || !p.text) {
        free(p.text);
        *out = NULL;
        return pc_fail(err, PC_ENOMEM, "out of memory");
    }
    *out = p.text;
    return PC_OK;
}
