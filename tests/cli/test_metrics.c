/* The exporter's page (cli/metrics.h) from hand-made snapshots: amounts as
 * exact decimal text (one wei, a supply past what a double holds exactly),
 * a negative peg gap, node labels escaped, a snapshot without the
 * contract's state or the index, and HELP and TYPE once per family. */
#include <stdlib.h>
#include <string.h>

#include "../check.h"
#include "cli/metrics.h"

static u256 dec(const char *text)
{
    u256 v;
    if (u256_parse_fixed(text, 18, &v, NULL) != PC_OK)
        abort();
    return v;
}

static bool has_line(const char *page, const char *line)
{
    size_t n = strlen(line);
    for (const char *p = page; (p = strstr(p, line)) != NULL; p += n)
        if ((p == page || p[-1] == '\n') && p[n] == '\n')
            return true;
    return false;
}

static size_t count(const char *page, const char *what)
{
    size_t k = 0;
    for (const char *p = page; (p = strstr(p, what)) != NULL; p += strlen(what))
        k++;
    return k;
}

static nodes_report two_nodes(void)
{
    nodes_report r;
    memset(&r, 0, sizeof r);
    r.count = 2;
    snprintf(r.node[0].shown, sizeof r.node[0].shown, "http://127.0.0.1:8545");
    r.node[0].up = true;
    r.node[0].head = 35;
    r.node[0].latency_us = 1234567;
    snprintf(r.node[1].shown, sizeof r.node[1].shown, "/run/a \"b\"\\c");
    return r;
}

static void test_amounts_exact(void)
{
    wallet_state s;
    memset(&s, 0, sizeof s);
    s.block = 35;
    s.block_time = 1700000000;
    s.total_wh = u256_from_u64(2143);
    /* 2^53 + 1 wei-ENT units: a double would say ...992 or ...994. */
    s.total_ent = dec("9007199254.740993000000000001");
    s.total_eeuro = dec("0.000000000000000001");
    s.mint_cost = dec("0.05");
    nodes_report r = two_nodes();
    metrics_input in = { .state = &s, .nodes = &r, .failovers = 3, .has_index_head = true,
                         .index_head = 34 };
    char *page = NULL;
    CHECK(metrics_render(&in, &page, NULL) == PC_OK);
    CHECK(page && has_line(page, "powerchain_up 1"));
    CHECK(page && has_line(page, "powerchain_energy_stored_wh 2143"));
    CHECK(page && has_line(page, "powerchain_ent_supply 9007199254.740993000000000001"));
    CHECK(page && has_line(page, "powerchain_eeuro_supply 0.000000000000000001"));
    CHECK(page && has_line(page, "powerchain_mint_cost 0.05"));
    /* 9007199254.74... ENT against 2.143 kWh stored */
    CHECK(page && has_line(page, "powerchain_peg_gap_ent 9007199252.597993000000000001"));
    CHECK(page && has_line(page, "powerchain_node_latency_seconds{node=\"http://127.0.0.1:8545\"} "
                                 "1.234567"));
    CHECK(page && has_line(page, "powerchain_node_up{node=\"/run/a \\\"b\\\"\\\\c\"} 0"));
    CHECK(page && has_line(page, "powerchain_failovers_total 3"));
    CHECK(page && has_line(page, "powerchain_index_head_block 34"));
    CHECK(page && has_line(page, "powerchain_orders{side=\"buy\"} 0"));
    CHECK(page && count(page, "# TYPE powerchain_node_up gauge\n") == 1);
    CHECK(page && count(page, "# HELP ") == count(page, "# TYPE "));
    free(page);
}

static void test_gap_below(void)
{
    wallet_state s;
    memset(&s, 0, sizeof s);
    s.total_wh = u256_from_u64(10000);
    s.total_ent = dec("9.5");
    nodes_report r = two_nodes();
    metrics_input in = { .state = &s, .nodes = &r };
    char *page = NULL;
    CHECK(metrics_render(&in, &page, NULL) == PC_OK);
    CHECK(page && has_line(page, "powerchain_peg_gap_ent -0.5"));
    free(page);
}

static void test_nothing_read(void)
{
    nodes_report r = two_nodes();
    r.node[0].up = false;
    metrics_input in = { .nodes = &r };
    char *page = NULL;
    CHECK(metrics_render(&in, &page, NULL) == PC_OK);
    CHECK(page && has_line(page, "powerchain_up 0"));
    CHECK(page && !strstr(page, "powerchain_ent_supply"));
    CHECK(page && !strstr(page, "powerchain_index_head_block"));
    CHECK(page && !strstr(page, "powerchain_node_head_block{"));
    CHECK(page && has_line(page, "powerchain_node_up{node=\"http://127.0.0.1:8545\"} 0"));
    free(page);
}

int main(void)
{
    test_amounts_exact();
    test_gap_below();
    test_nothing_read();
    return check_summary();
}
