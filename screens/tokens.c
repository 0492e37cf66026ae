/* 1 Tokens: the account's ENT and eEuro, available and locked, the totals in
 * circulation; transfers and withdrawals. */
#include "screens/common.h"

#include "tui/ui.h"

#define LABEL_W 16
#define COL_W 26

static void draw(tui_app *app, void *state, WINDOW *win)
{
    (void)state;
    const wallet_state *s = tui_app_snapshot(app);
    screen_heading(win, 0, "Your tokens");
    tui_print(win, 1, LABEL_W, COL_W, TUI_DIM, "%*s", COL_W, "available");
    tui_print(win, 1, LABEL_W + COL_W + 1, COL_W, TUI_DIM, "%*s", COL_W, "locked");
    if (!screen_missing(win, 2, s, WALLET_SEC_BALANCES, "balances")) {
        tui_print(win, 2, 2, LABEL_W, TUI_NORMAL, "ENT");
        tui_print_amount(win, 2, LABEL_W, COL_W, TUI_ACCENT, &s->ent_available, PC_UNIT_ENT);
        tui_print_amount(win, 2, LABEL_W + COL_W + 1, COL_W, TUI_WARN, &s->ent_locked,
                         PC_UNIT_ENT);
        tui_print(win, 3, 2, LABEL_W, TUI_NORMAL, "eEuro");
        tui_print_amount(win, 3, LABEL_W, COL_W, TUI_ACCENT, &s->eeuro_available,
                         PC_UNIT_EEURO);
        tui_print_amount(win, 3, LABEL_W + COL_W + 1, COL_W, TUI_WARN, &s->eeuro_locked,
                         PC_UNIT_EEURO);
    }
    screen_heading(win, 5, "In circulation");
    if (!screen_missing(win, 6, s, WALLET_SEC_TOTALS, "totals")) {
        tui_print(win, 6, 2, LABEL_W, TUI_NORMAL, "ENT");
        tui_print_amount(win, 6, LABEL_W, COL_W, TUI_NORMAL, &s->total_ent, PC_UNIT_ENT);
        tui_print(win, 7, 2, LABEL_W, TUI_NORMAL, "eEuro");
        tui_print_amount(win, 7, LABEL_W, COL_W, TUI_NORMAL, &s->total_eeuro, PC_UNIT_EEURO);
    }
    tui_print(win, 9, 0, 0, TUI_DIM, "Locked ENT backs open sessions and sell orders; locked");
    tui_print(win, 10, 0, 0, TUI_DIM, "eEuro backs buy orders and withdrawals the banker pays out.");
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
