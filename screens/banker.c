/* 6 Banker (banker only): eEuro in circulation, withdrawal requests (eEuro
 * that accounts locked for payout), mint, burn, unlock. The contract has no
 * list of requests: the panel reads the locked eEuro of every address seen
 * in recent eEuro events and open orders. */
#include <stdio.h>

#include "rpcclient/units.h"
#include "screens/common.h"
#include "tui/ui.h"

static size_t g_cursor;

static void draw(tui_app *app, WINDOW *win)
{
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
    screen_heading(win, 3, "Withdrawal requests (locked eEuro, buy orders included)");
    if (screen_missing(win, 4, s, WALLET_SEC_WITHDRAWALS, "withdrawals"))
        return;
    if (s->nwithdrawals == 0)
        tui_print(win, 4, 2, 0, TUI_DIM, "none");
    g_cursor = screen_cursor_clamp(g_cursor, s->nwithdrawals);
    for (size_t i = 0; i < s->nwithdrawals && (int)i < getmaxy(win) - 5; i++) {
        char a[ETH_ADDRESS_TEXT_LEN];
        eth_address_to_checksum(&s->withdrawals[i].addr, a);
        tui_print(win, 4 + (int)i, 0, 1, i == g_cursor ? TUI_SELECTED : TUI_NORMAL, "%c",
                  i == g_cursor ? '>' : ' ');
        tui_print(win, 4 + (int)i, 2, 43, TUI_NORMAL, "%s", a);
        tui_print_amount(win, 4 + (int)i, 45, 18, TUI_WARN, &s->withdrawals[i].locked,
                         PC_UNIT_EEURO);
    }
}

static bool key(tui_app *app, int ch)
{
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
    if (screen_cursor_key(ch, &g_cursor, s->nwithdrawals))
        return true;
    who[0] = amount[0] = '\0';
    if (g_cursor < s->nwithdrawals) {
        eth_address_to_checksum(&s->withdrawals[g_cursor].addr, who);
        u256_format_fixed(&s->withdrawals[g_cursor].locked, 18, amount);
    }
    switch (ch) {
    case 'm': tui_app_open_form(app, &mint); return true;
    case 'x': tui_app_open_form(app, &burn); return true;
    case 'u': tui_app_open_form(app, &unlock); return true;
    default: return false;
    }
}

const tui_page screen_banker = { "Banker", "m mint  x burn  u unlock  Up/Down request", draw,
                                 key };
