/* 3 Network info: the banker, eEuro in circulation, the five parameters
 * with their meaning and units, the node and the contract; every
 * configured node's health side by side, as `powerchain nodes` shows it
 * (the worker probes them while this page is shown); then the
 * configuration's named networks, of which `n` switches to the chosen one
 * (the panel starts again on it). */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "eth/hex.h"
#include "rpcclient/units.h"
#include "screens/common.h"
#include "tui/table_draw.h"
#include "tui/ui.h"
#include "wallet/nodes.h"

static const struct {
    const char *name;
    pc_unit unit;
    const char *meaning;
} PARAMS[WALLET_NPARAMS] = {
    { "M", PC_UNIT_COST, "highest minting cost" },
    { "B", PC_UNIT_COST, "highest burning cost" },
    { "C", PC_UNIT_FRACTION, "cost per unit of ENT-energy gap" },
    { "H", PC_UNIT_SECONDS, "lifetime of a consumption session" },
    { "F", PC_UNIT_FRACTION, "unit owner's share of minted ENT" },
};

/* The networks list; it starts on the one in use. */
typedef struct network_page {
    screen_list list;
    bool placed;
} network_page;

/* The configuration's networks from row y to the page's bottom, scrolled
 * to the chosen one, with "n of m" under them when they do not all fit. */
static void draw_networks(const tui_app *app, network_page *pg, WINDOW *win, int y)
{
    size_t n = tui_app_network_count(app);
    const char *now = tui_app_network(app);
    screen_heading(win, y++, "Networks");
    if (n == 0) {
        tui_print(win, y, 2, 0, TUI_DIM, "none: [network NAME] sections of the config file");
        return;
    }
    for (size_t i = 0; !pg->placed && now && i < n; i++)
        if (strcmp(now, tui_app_network_at(app, i)) == 0)
            pg->list.cursor = i;
    pg->placed = true;
    int rows = getmaxy(win) - y;
    bool all = n <= (size_t)rows;
    if (!all)
        rows--; /* the line that says which of how many */
    size_t first = screen_list_begin(&pg->list, n, (size_t)rows);
    for (size_t i = first; i < n && i < first + (size_t)rows; i++, y++) {
        const char *name = tui_app_network_at(app, i);
        bool in_use = now && strcmp(now, name) == 0, chosen = i == pg->list.cursor;
        screen_list_mark(&pg->list, y, i);
        tui_print(win, y, 0, 1, chosen ? TUI_SELECTED : TUI_NORMAL, "%c", chosen ? '>' : ' ');
        tui_print(win, y, 2, 0, in_use ? TUI_GOOD : TUI_NORMAL, "%s%s", name,
                  in_use ? "  (in use)" : "");
    }
    if (!all)
        screen_list_footer(win, y, &pg->list, "network", n, n, NULL, NULL);
}

/* For the caps M and B, when the node charges more now (getEnergyCosts)
 * than the voted figure: a line saying so, since that deployment does not
 * hold to it (the thesis's contract caps the burning cost with M); false
 * when the node holds to it or the costs are unknown. */
static bool cap_broken(const wallet_state *s, int p, char *out, size_t cap)
{
    const u256 *charged = p == WALLET_PARAM_M ? &s->mint_cost
                          : p == WALLET_PARAM_B ? &s->burn_cost
                                                : NULL;
    if (!charged || (s->missing & WALLET_SEC_COSTS) || u256_cmp(charged, &s->params[p]) <= 0)
        return false;
    char c[PC_UNIT_TEXT_MAX], v[PC_UNIT_TEXT_MAX];
    pc_format_unit(charged, PC_UNIT_COST, c, sizeof c);
    pc_format_unit(&s->params[p], PC_UNIT_COST, v, sizeof v);
    snprintf(out, cap, "%s: the node charges %s now, more than the voted %s: this deployment "
             "does not cap with %s", PARAMS[p].name, c, v, PARAMS[p].name);
    return true;
}

/* ---- the nodes ---- */

enum { N_NODE, N_UP, N_HEAD, N_LAG, N_LATENCY, N_CHAIN, N_SYNCING, N_PEERS, N_GENESIS, N_CLIENT,
       N_COLS };

/* One node's cells ("-" for what it did not say). */
typedef struct node_cells {
    char up[8], head[24], lag[24], latency[24], chain[24], syncing[8], peers[24];
    char genesis[TABLE_FORMS][68];  /* whole, then "0xb0f6..89a0" */
    const char *texts[N_COLS];      /* form 0's; genesis_short: the other */
} node_cells;

static void node_row(const node_health *h, node_cells *c)
{
    snprintf(c->up, sizeof c->up, "%s", h->up ? "up" : "down");
    snprintf(c->head, sizeof c->head, "-");
    snprintf(c->lag, sizeof c->lag, "-");
    snprintf(c->latency, sizeof c->latency, "-");
    snprintf(c->chain, sizeof c->chain, "-");
    snprintf(c->genesis[0], sizeof c->genesis[0], "-");
    snprintf(c->genesis[1], sizeof c->genesis[1], "-");
    snprintf(c->peers, sizeof c->peers, "-");
    snprintf(c->syncing, sizeof c->syncing, "%s",
             !h->has_syncing ? "-" : h->syncing ? "yes" : "no");
    if (h->up) {
        snprintf(c->head, sizeof c->head, "#%" PRIu64, h->head);
        if (h->other_chain)
            snprintf(c->lag, sizeof c->lag, "other chain");
        else
            snprintf(c->lag, sizeof c->lag, "%" PRIu64, h->lag);
        snprintf(c->latency, sizeof c->latency, "%" PRIu64 ".%" PRIu64 " ms",
                 h->latency_us / 1000, h->latency_us / 100 % 10);
        snprintf(c->chain, sizeof c->chain, "%" PRIu64, h->chain_id);
    }
    if (h->up && h->has_genesis) {
        char hex[65];
        hex_encode(h->genesis, 32, hex);
        snprintf(c->genesis[0], sizeof c->genesis[0], "0x%s", hex);
        snprintf(c->genesis[1], sizeof c->genesis[1], "0x%.4s..%s", hex, hex + 60);
    }
    if (h->has_peers)
        snprintf(c->peers, sizeof c->peers, "%" PRIu64, h->peers);
    const char *texts[N_COLS] = {
        [N_NODE] = h->shown, [N_UP] = c->up, [N_HEAD] = c->head, [N_LAG] = c->lag,
        [N_LATENCY] = c->latency, [N_CHAIN] = c->chain, [N_SYNCING] = c->syncing,
        [N_PEERS] = c->peers, [N_GENESIS] = c->genesis[0],
        [N_CLIENT] = h->has_client ? h->client : "-",
    };
    memcpy(c->texts, texts, sizeof texts);
}

/* The texts of the forms the layout chose. */
static void cells_form(node_cells *c, const table_layout *l)
{
    if (l->form[N_GENESIS] == 1)
        c->texts[N_GENESIS] = c->genesis[1];
}

/* Where why a node is down starts, under its row. */
#define WHY_X 4

/* The table's columns, measured over every node; the layout in l. */
static void nodes_layout(const nodes_report *r, int width, table_col cols[N_COLS],
                         table_layout *l)
{
    static const struct { const char *heading; table_align align; int priority; bool keep; }
        COLS[N_COLS] = {
            [N_NODE] = { "node", TABLE_LEFT, 9, true },
            [N_UP] = { "", TABLE_LEFT, 9, true },
            [N_HEAD] = { "head", TABLE_RIGHT, 8, true },
            [N_LAG] = { "lag", TABLE_RIGHT, 7, false },
            [N_LATENCY] = { "latency", TABLE_RIGHT, 6, false },
            [N_CHAIN] = { "chain id", TABLE_RIGHT, 5, false },
            [N_SYNCING] = { "syncing", TABLE_LEFT, 4, false },
            [N_PEERS] = { "peers", TABLE_RIGHT, 3, false },
            [N_GENESIS] = { "genesis", TABLE_LEFT, 1, false },
            [N_CLIENT] = { "client", TABLE_LEFT, 2, false },
        };
    for (int i = 0; i < N_COLS; i++) {
        cols[i] = (table_col){ .heading = COLS[i].heading, .align = COLS[i].align,
                               .priority = COLS[i].priority, .keep = COLS[i].keep,
                               .nforms = i == N_GENESIS ? 2 : 1 };
        for (int f = 0; f < cols[i].nforms; f++)
            table_col_see(&cols[i], f, COLS[i].heading);
    }
    for (size_t n = 0; n < r->count; n++) {
        node_cells c;
        node_row(&r->node[n], &c);
        for (int i = 0; i < N_COLS; i++)
            table_col_see(&cols[i], 0, c.texts[i]);
        table_col_see(&cols[N_GENESIS], 1, c.genesis[1]);
    }
    table_fit(cols, N_COLS, width, 2, 4, l);
}

/* The rows the nodes take: headings, then each node and, under one that
 * is down, why. */
static int nodes_rows(const nodes_report *r, const table_layout *l, int width)
{
    int rows = 1;
    for (size_t n = 0; r && n < r->count; n++) {
        node_cells c;
        node_row(&r->node[n], &c);
        cells_form(&c, l);
        rows += tui_table_rows(l, c.texts);
        if (!r->node[n].up)
            rows += tui_text_rows(width - WHY_X, 0, NULL, r->node[n].why);
    }
    return r ? rows : 1;
}

static void draw_nodes(WINDOW *win, const nodes_report *r, int y, const table_col *cols,
                       const table_layout *l, int bottom)
{
    if (!r) {
        tui_print(win, y, 2, 0, TUI_DIM, "probing the nodes...");
        return;
    }
    tui_table_heading(win, y++, 2, cols, l, TUI_DIM);
    for (size_t n = 0; n < r->count && y < bottom; n++) {
        const node_health *h = &r->node[n];
        node_cells c;
        node_row(h, &c);
        cells_form(&c, l);
        tui_style st = !h->up ? TUI_BAD : h->other_chain || h->lag ? TUI_WARN : TUI_NORMAL;
        tui_style styles[N_COLS];
        for (int i = 0; i < N_COLS; i++)
            styles[i] = i == N_UP ? (h->up ? TUI_GOOD : TUI_BAD) : st;
        y += tui_table_row(win, y, 2, bottom, l, c.texts, styles);
        if (!h->up)
            y += tui_text(win, y, WHY_X, getmaxx(win) - WHY_X, 0, bottom, TUI_DIM, NULL, h->why);
    }
}

/* The parameters: name, value (right-aligned) and meaning in columns when
 * they fit on one line each, else the meaning under the value; then what
 * the node charges where it is more than a voted cap. */
static int draw_params(WINDOW *win, const wallet_state *s, int y, bool draw)
{
    table_col cols[3] = {
        { .priority = 9, .keep = true, .width = { 1 } },
        { .align = TABLE_RIGHT, .priority = 8, .keep = true },
        { .priority = 2, .keep = true },
    };
    char v[WALLET_NPARAMS][PC_UNIT_TEXT_MAX];
    for (int p = 0; p < WALLET_NPARAMS; p++) {
        pc_format_unit(&s->params[p], PARAMS[p].unit, v[p], sizeof v[p]);
        table_col_see(&cols[1], 0, v[p]);
        table_col_see(&cols[2], 0, PARAMS[p].meaning);
    }
    table_layout l;
    table_fit(cols, 3, getmaxx(win) - 2, 2, 3, &l);
    int rows = 0;
    if (l.nlines == 1) {
        static const tui_style STYLES[] = { TUI_ACCENT, TUI_NORMAL, TUI_DIM };
        for (int p = 0; draw && p < WALLET_NPARAMS; p++) {
            const char *texts[] = { PARAMS[p].name, v[p], PARAMS[p].meaning };
            tui_table_row(win, y + p, 2, 0, &l, texts, STYLES);
        }
        rows = WALLET_NPARAMS;
    } else {
        for (int p = 0; p < WALLET_NPARAMS; p++) {
            tui_field f = { PARAMS[p].name, v[p], TUI_NORMAL };
            rows += draw ? tui_fields(win, y + rows, 2, getmaxx(win) - 2, 0, TUI_ACCENT, &f, 1)
                         : tui_fields_rows(getmaxx(win) - 2, &f, 1);
            if (draw)
                tui_text(win, y + rows, 4, 0, 2, 0, TUI_DIM, NULL, PARAMS[p].meaning);
            rows += tui_text_rows(getmaxx(win) - 4, 2, NULL, PARAMS[p].meaning);
        }
    }
    char broken[3 * PC_UNIT_TEXT_MAX + 100];
    for (int p = 0; p < WALLET_NPARAMS; p++)
        if (cap_broken(s, p, broken, sizeof broken))
            rows += draw ? tui_text(win, y + rows, 2, getmaxx(win) - 2, 2, 0, TUI_WARN, NULL, broken)
                         : tui_text_rows(getmaxx(win) - 2, 2, NULL, broken);
    return rows;
}

static void draw(const tui_app *app, void *state, WINDOW *win)
{
    const wallet_state *s = tui_app_snapshot(app);
    if (!s) { /* offline: the configuration's networks are known all the same */
        draw_networks(app, state, win, 0);
        return;
    }
    char banker[ETH_ADDRESS_TEXT_LEN + 80], eeuro[PC_UNIT_TEXT_MAX], a[ETH_ADDRESS_TEXT_LEN];
    int W = getmaxx(win);
    static const char *const LABELS[] = { "Banker", "In circulation" };
    tui_field top[2];
    size_t ntop = 0;
    if (!(s->missing & WALLET_SEC_BANKER)) {
        if (eth_address_is_zero(&s->banker))
            snprintf(banker, sizeof banker, "none (zero address)");
        else
            screen_address_fitted(app, &s->banker, W - (int)strlen(LABELS[1]) - 1, banker,
                                  sizeof banker);
        top[ntop++] = (tui_field){ LABELS[0], banker, TUI_NORMAL };
    }
    if (!(s->missing & WALLET_SEC_TOTALS)) {
        pc_format_unit(&s->total_eeuro, PC_UNIT_EEURO, eeuro, sizeof eeuro);
        top[ntop++] = (tui_field){ LABELS[1], eeuro, TUI_ACCENT };
    }
    char chain[64], contract[ETH_ADDRESS_TEXT_LEN + 80];
    snprintf(chain, sizeof chain, "%llu, block #%llu", (unsigned long long)tui_app_chain_id(app),
             (unsigned long long)s->block);
    eth_address_to_checksum(pc_contract_address(tui_app_contract(app)), a);
    snprintf(contract, sizeof contract, "%s %s", a, pc_contract_name(tui_app_contract(app)));
    const tui_field node[] = {
        { "node", tui_app_node(app), TUI_NORMAL },
        { "chain id", chain, TUI_NORMAL },
        { "contract", contract, TUI_NORMAL },
    };
    bool params = !(s->missing & WALLET_SEC_PARAMS);
    int top_rows = tui_fields_rows(W, top, ntop) + ((s->missing & WALLET_SEC_BANKER) != 0);
    int param_rows = 1 + (params ? draw_params(win, s, 0, false) : 1);
    int node_rows = 1 + tui_fields_rows(W - 2, node, 3);
    const nodes_report *nodes = tui_app_nodes(app);
    table_col ncols[N_COLS];
    table_layout nl;
    nodes_layout(nodes ? nodes : &(nodes_report){ 0 }, W - 2, ncols, &nl);
    int nodes_h = 1 + nodes_rows(nodes, &nl, W);
    size_t nets = tui_app_network_count(app);
    int net_rows = 1 + (nets ? (int)nets : 1);
    /* A blank line between the sections when everything fits with them. */
    int gap = top_rows + param_rows + node_rows + nodes_h + net_rows + 4 <= getmaxy(win) ? 1 : 0;

    screen_flow f = screen_flow_start(win, 0);
    if (s->missing & WALLET_SEC_BANKER)
        screen_missing(win, f.y++, s, WALLET_SEC_BANKER, "banker");
    f.y += tui_fields(win, f.y, 0, W, 0, TUI_TITLE, top, ntop);
    if (screen_flow_fits(&f, gap + param_rows, false, "the parameters")) {
        f.y += gap;
        screen_heading(win, f.y++, "Parameters");
        if (!params)
            screen_missing(win, f.y++, s, WALLET_SEC_PARAMS, "parameters");
        else
            f.y += draw_params(win, s, f.y, true);
    }
    if (screen_flow_fits(&f, gap + node_rows, false, "the node")) {
        f.y += gap;
        screen_heading(win, f.y++, "Node and contract");
        f.y += tui_fields(win, f.y, 2, W - 2, 0, TUI_DIM, node, 3);
    }
    if (screen_flow_fits(&f, gap + nodes_h, false, "every node's health")) {
        f.y += gap;
        screen_heading(win, f.y++, "Nodes");
        draw_nodes(win, nodes, f.y, ncols, &nl, f.bottom);
        f.y += nodes_h - 1;
    }
    if (screen_flow_fits(&f, gap + 2, true, "the networks"))
        draw_networks(app, state, win, f.y + gap);
}

static bool key(tui_app *app, void *state, int ch)
{
    network_page *pg = state;
    size_t n = tui_app_network_count(app);
    if (screen_cursor_key(ch, &pg->list.cursor, n, pg->list.page))
        return true;
    if (ch != 'n')
        return false;
    if (pg->list.cursor >= n)
        tui_app_message(app, true, "no networks to switch to: see [network NAME] in the "
                                   "config file");
    else if (tui_app_network(app) && strcmp(tui_app_network(app),
                                            tui_app_network_at(app, pg->list.cursor)) == 0)
        tui_app_message(app, true, "%s is the network in use", tui_app_network(app));
    else
        tui_app_switch_network(app, pg->list.cursor);
    return true;
}

const tui_page screen_network = {
    .title = "Network info",
    .hints = "n switch to the chosen network",
    .state_size = sizeof(network_page),
    .offline = true,
    .draw = draw,
    .key = key,
};
