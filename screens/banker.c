/* 6 Banker (banker only): eEuro in circulation, withdrawal requests (eEuro
 * that accounts locked to be paid out and the banker has not settled yet,
 * replayed from the history index: buy orders' locks are not requests),
 * mint, burn, unlock. */
#include <stdio.h>

#include "rpcclient/units.h"
#include "screens/common.h"
#include "tui/ui.h"

static size_t g_cursor;

/* The requests, or none before the index was read. */
static const view_withdrawals *requests(const tui_app *app)
{
    const wallet_past *p = tui_app_past(app);
    return p ? &p->withdrawals : NULL;
}

static void draw(tui_app *app, void *state, WINDOW *win)
{
    (void)state;
    const wallet_state *s = tui_app_snapshot(app);
    screen_heading(win, 0, "Banker");
    if (!(tui_app_roles(app) & WALLET_ROLE_BANKER)) {
        char b[ETH_ADDRESS_TEXT_LEN];
        eth_address_to_checksum(&s->banker, b);
        tui_print(win, 1, 2, 0, TUI_WARN, "This account is not the banker.");
        tui_print(win, 2, 2, 0, TUI_DIM, "The banker is %s",
                  eth_address_is_zero(&s->banker) ? "nobody yet (voters choose one)" : b);
        return;
    }
    tui_print(win, 1, 2, 22, TUI_NORMAL, "eEuro in circulation");
    tui_print_amount(win, 1, 24, 26, TUI_ACCENT, &s->total_eeuro, PC_UNIT_EEURO);
    screen_heading(win, 3, "Withdrawal requests (eEuro locked to withdraw)");
    int y = 4;
    if (screen_past_missing(win, &y, app))
        return;
    const view_withdrawals *w = requests(app);
    if (w->count == 0)
        tui_print(win, y, 2, 0, TUI_DIM, "none");
    g_cursor = screen_cursor_clamp(g_cursor, w->count);
    for (size_t i = 0; i < w->count && y < getmaxy(win); i++, y++) {
        char a[ETH_ADDRESS_TEXT_LEN], when[24];
        eth_address_to_checksum(&w->items[i].account, a);
        screen_time(w->items[i].time, when);
        tui_print(win, y, 0, 1, i == g_cursor ? TUI_SELECTED : TUI_NORMAL, "%c",
                  i == g_cursor ? '>' : ' ');
        tui_print(win, y, 2, 43, TUI_NORMAL, "%s", a);
        tui_print_amount(win, y, 45, 18, TUI_WARN, &w->items[i].amount, PC_UNIT_EEURO);
        tui_print(win, y, 65, 0, TUI_DIM, "%s", when);
    }
}

static bool key(tui_app *app, void *state, int ch)
{
    (void)state;
    const wallet_state *s = tui_app_snapshot(app);
    static char who[ETH_ADDRESS_TEXT_LEN], amount[U256_DEC_MAX];
    static const tui_form_spec mint = {
        .title = "Mint eEuro (euros received)", .method = "minteEuro", .nfields = 2,
        .fields = { { .label = "To", .kind = PC_ARG_ADDRESS },
                    { .label = "Amount (eEuro)", .kind = PC_ARG_EEURO,
                      .limit = TUI_LIMIT_POSITIVE } },
    };
    static const tui_form_spec burn = {
        .title = "Burn locked eEuro (withdrawal paid out)", .method = "burneEuro", .nfields = 2,
        .fields = { { .label = "From", .kind = PC_ARG_ADDRESS, .preset = who },
                    { .label = "Amount (eEuro)", .kind = PC_ARG_EEURO, .preset = amount,
                      .limit = TUI_LIMIT_POSITIVE } },
    };
    static const tui_form_spec unlock = {
        .title = "Unlock eEuro (withdrawal refused)", .method = "unlockeEuro", .nfields = 2,
        .fields = { { .label = "For", .kind = PC_ARG_ADDRESS, .preset = who },
                    { .label = "Amount (eEuro)", .kind = PC_ARG_EEURO, .preset = amount,
                      .limit = TUI_LIMIT_POSITIVE } },
    };
    if (!s || !(tui_app_roles(app) & WALLET_ROLE_BANKER)) {
        if (ch == 'm' || ch == 'x' || ch == 'u') {
            tui_app_message(app, true, "only the banker can do this");
            return true;
        }
        return false;
    }
    const view_withdrawals *w = requests(app);
    size_t count = w ? w->count : 0;
    if (screen_cursor_key(ch, &g_cursor, count))
        return true;
    who[0] = amount[0] = '\0';
    if (g_cursor < count) {
        eth_address_to_checksum(&w->items[g_cursor].account, who);
        u256_format_fixed(&w->items[g_cursor].amount, 18, amount);
    }
    switch (ch) {
    case 'm': tui_app_open_form(app, &mint); return true;
    case 'x': tui_app_open_form(app, &burn); return true;
    case 'u': tui_app_open_form(app, &unlock); return true;
    default: return false;
    }
}

const tui_page screen_banker = {
    .title = "Banker",
    .hints = "m mint  x burn  u unlock  Up/Down request",
    .draw = draw,
    .key = key,
};
