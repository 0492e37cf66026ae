/* 3 Network info: the banker, eEuro in circulation, the five parameters
 * with their meaning and units, the node and the contract; then the
 * configuration's named networks, of which `n` switches to the chosen one
 * (the panel starts again on it). */
#include <string.h>

#include "rpcclient/units.h"
#include "screens/common.h"
#include "tui/ui.h"

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

/* The chosen line of the networks list; it starts on the one in use. */
typedef struct network_page {
    size_t cursor;
    bool placed;
} network_page;

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
            pg->cursor = i;
    pg->placed = true;
    if (pg->cursor >= n)
        pg->cursor = n - 1;
    for (size_t i = 0; i < n && y < getmaxy(win); i++, y++) {
        const char *name = tui_app_network_at(app, i);
        bool in_use = now && strcmp(now, name) == 0;
        tui_print(win, y, 0, 1, i == pg->cursor ? TUI_SELECTED : TUI_NORMAL, "%c",
                  i == pg->cursor ? '>' : ' ');
        tui_print(win, y, 2, 0, in_use ? TUI_GOOD : TUI_NORMAL, "%s%s", name,
                  in_use ? "  (in use)" : "");
    }
}

static void draw(const tui_app *app, void *state, WINDOW *win)
{
    const wallet_state *s = tui_app_snapshot(app);
    char a[ETH_ADDRESS_TEXT_LEN];
    screen_heading(win, 0, "Banker");
    if (!screen_missing(win, 1, s, WALLET_SEC_BANKER, "banker")) {
        eth_address_to_checksum(&s->banker, a);
        const char *name = names_lookup(tui_app_names(app), &s->banker);
        int x = 2 + tui_print(win, 1, 2, 0, TUI_NORMAL, "%s",
                              eth_address_is_zero(&s->banker) ? "none (zero address)" : a);
        if (name && !eth_address_is_zero(&s->banker))
            tui_print(win, 1, x + 1, 0, TUI_ACCENT, "%s", name);
    }
    tui_print(win, 2, 2, 22, TUI_NORMAL, "eEuro in circulation");
    if (!(s->missing & WALLET_SEC_TOTALS))
        tui_print_amount(win, 2, 24, 26, TUI_ACCENT, &s->total_eeuro, PC_UNIT_EEURO);

    screen_heading(win, 4, "Parameters");
    /* The meanings start after the widest value, so no value is cut. */
    char v[WALLET_NPARAMS][PC_UNIT_TEXT_MAX];
    int vw = 0;
    for (int p = 0; p < WALLET_NPARAMS; p++) {
        pc_format_unit(&s->params[p], PARAMS[p].unit, v[p], sizeof v[p]);
        if ((int)strlen(v[p]) > vw)
            vw = (int)strlen(v[p]);
    }
    for (int p = 0; p < WALLET_NPARAMS; p++) {
        if (p == 0 && screen_missing(win, 5, s, WALLET_SEC_PARAMS, "parameters"))
            break;
        tui_print(win, 5 + p, 2, 3, TUI_ACCENT, "%s", PARAMS[p].name);
        tui_print(win, 5 + p, 5, 0, TUI_NORMAL, "%s", v[p]);
        tui_print(win, 5 + p, 7 + vw, 0, TUI_DIM, "%s", PARAMS[p].meaning);
    }

    screen_heading(win, 11, "Node and contract");
    tui_print(win, 12, 2, 0, TUI_NORMAL, "node      %s", tui_app_node(app));
    tui_print(win, 13, 2, 0, TUI_NORMAL, "chain id  %llu   block #%llu",
              (unsigned long long)tui_app_chain_id(app), (unsigned long long)s->block);
    eth_address_to_checksum(pc_contract_address(tui_app_contract(app)), a);
    tui_print(win, 14, 2, 0, TUI_NORMAL, "contract  %s", a);
    tui_print(win, 15, 2, 0, TUI_DIM, "          %s", pc_contract_name(tui_app_contract(app)));
    draw_networks(app, state, win, 17);
}

static bool key(tui_app *app, void *state, int ch)
{
    network_page *pg = state;
    size_t n = tui_app_network_count(app);
    if (screen_cursor_key(ch, &pg->cursor, n, n))
        return true;
    if (ch != 'n')
        return false;
    if (pg->cursor >= n)
        tui_app_message(app, true, "no networks to switch to: see [network NAME] in the "
                                   "config file");
    else if (tui_app_network(app) && strcmp(tui_app_network(app),
                                            tui_app_network_at(app, pg->cursor)) == 0)
        tui_app_message(app, true, "%s is the network in use", tui_app_network(app));
    else
        tui_app_switch_network(app, pg->cursor);
    return true;
}

const tui_page screen_network = {
    .title = "Network info",
    .hints = "n switch to the chosen network",
    .state_size = sizeof(network_page),
    .draw = draw,
    .key = key,
};
