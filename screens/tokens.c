/* 1 Tokens: the account's ENT and eEuro, available and locked, the totals in
 * circulation; transfers and withdrawals. */
#include <string.h>

#include "rpcclient/units.h"
#include "screens/common.h"
#include "tui/ui.h"

#define LABEL_W 9 /* "  eEuro  " */

/* The columns' width: the widest figure or heading, so none is cut. */
static int amount_width(const u256 *const v[], const pc_unit u[], size_t n, const char *heading)
{
    int w = (int)strlen(heading);
    for (size_t i = 0; i < n; i++) {
        char t[PC_UNIT_TEXT_MAX];
        pc_format_unit(v[i], u[i], t, sizeof t);
        if ((int)strlen(t) > w)
            w = (int)strlen(t);
    }
    return w;
}

/* The account's balances: available and locked side by side when both
 * columns fit, else each token's figures on rows of their own. Returns
 * the row after them. */
static int draw_balances(WINDOW *win, const wallet_state *s, int y)
{
    const u256 *avail[] = { &s->ent_available, &s->eeuro_available };
    const u256 *locked[] = { &s->ent_locked, &s->eeuro_locked };
    static const pc_unit UNITS[] = { PC_UNIT_ENT, PC_UNIT_EEURO };
    static const char *const NAMES[] = { "ENT", "eEuro" };
    int aw = amount_width(avail, UNITS, 2, "available");
    int lw = amount_width(locked, UNITS, 2, "locked");
    if (LABEL_W + aw + 3 + lw <= getmaxx(win)) {
        tui_print(win, y, LABEL_W, aw, TUI_DIM, "%*s", aw, "available");
        tui_print(win, y++, LABEL_W + aw + 3, lw, TUI_DIM, "%*s", lw, "locked");
        for (int i = 0; i < 2; i++, y++) {
            tui_print(win, y, 2, 0, TUI_NORMAL, "%s", NAMES[i]);
            tui_print_amount(win, y, LABEL_W, aw, TUI_ACCENT, avail[i], UNITS[i]);
            tui_print_amount(win, y, LABEL_W + aw + 3, lw, TUI_WARN, locked[i], UNITS[i]);
        }
        return y;
    }
    int w = aw > lw ? aw : lw;
    for (int i = 0; i < 2; i++, y += 2) {
        tui_print(win, y, 2, 0, TUI_NORMAL, "%s", NAMES[i]);
        tui_print(win, y, LABEL_W, 0, TUI_DIM, "available");
        tui_print_amount(win, y, LABEL_W + 10, w, TUI_ACCENT, avail[i], UNITS[i]);
        tui_print(win, y + 1, LABEL_W, 0, TUI_DIM, "locked");
        tui_print_amount(win, y + 1, LABEL_W + 10, w, TUI_WARN, locked[i], UNITS[i]);
    }
    return y;
}

static void draw(const tui_app *app, void *state, WINDOW *win)
{
    (void)state;
    const wallet_state *s = tui_app_snapshot(app);
    screen_heading(win, 0, "Your tokens");
    int y = 1;
    if (!screen_missing(win, y, s, WALLET_SEC_BALANCES, "balances"))
        y = draw_balances(win, s, y);
    else
        y++;
    screen_heading(win, ++y, "In circulation");
    y++;
    if (!screen_missing(win, y, s, WALLET_SEC_TOTALS, "totals")) {
        const u256 *totals[] = { &s->total_ent, &s->total_eeuro };
        static const pc_unit UNITS[] = { PC_UNIT_ENT, PC_UNIT_EEURO };
        int w = amount_width(totals, UNITS, 2, "");
        tui_print(win, y, 2, 0, TUI_NORMAL, "ENT");
        tui_print_amount(win, y++, LABEL_W, w, TUI_NORMAL, &s->total_ent, PC_UNIT_ENT);
        tui_print(win, y, 2, 0, TUI_NORMAL, "eEuro");
        tui_print_amount(win, y++, LABEL_W, w, TUI_NORMAL, &s->total_eeuro, PC_UNIT_EEURO);
    }
    y++;
    tui_print(win, y++, 0, 0, TUI_DIM, "Locked ENT backs open sessions and sell orders;");
    tui_print(win, y++, 0, 0, TUI_DIM, "locked eEuro backs buy orders and withdrawals");
    tui_print(win, y, 0, 0, TUI_DIM, "the banker pays out.");
}

static bool key(tui_app *app, void *state, int ch)
{
    (void)state;
    static const tui_form_spec ent = {
        .title = "Transfer ENT", .method = "transferENT", .nfields = 2,
        .fields = { { .label = "To", .kind = PC_ARG_ADDRESS },
                    { .label = "Amount (ENT)", .kind = PC_ARG_ENT, .limit = TUI_LIMIT_ENT } },
    };
    static const tui_form_spec eur = {
        .title = "Transfer eEuro", .method = "transfereEuro", .nfields = 2,
        .fields = { { .label = "To", .kind = PC_ARG_ADDRESS },
                    { .label = "Amount (eEuro)", .kind = PC_ARG_EEURO,
                      .limit = TUI_LIMIT_EEURO } },
    };
    static const tui_form_spec withdraw = {
        .title = "Withdraw eEuro (lock it for the banker to pay out)", .method = "lockeEuro",
        .nfields = 1,
        .fields = { { .label = "Amount (eEuro)", .kind = PC_ARG_EEURO,
                      .limit = TUI_LIMIT_EEURO } },
    };
    switch (ch) {
    case 't': tui_app_open_form(app, &ent); return true;
    case 'e': tui_app_open_form(app, &eur); return true;
    case 'w': tui_app_open_form(app, &withdraw); return true;
    default: return false;
    }
}

const tui_page screen_tokens = {
    .title = "Tokens",
    .hints = "t transfer ENT  e transfer eEuro  w withdraw",
    .draw = draw,
    .key = key,
};
