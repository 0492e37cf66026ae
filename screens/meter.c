/* 8 Meter (a storage unit's own account): report production, consumption
 * and the energy really in the battery; look up the energy left in a
 * session. */
#include "screens/common.h"
#include "tui/ui.h"

static void draw(tui_app *app, void *state, WINDOW *win)
{
    (void)state;
    const wallet_state *s = tui_app_snapshot(app);
    screen_heading(win, 0, "Smart meter");
    if (!(tui_app_roles(app) & WALLET_ROLE_UNIT)) {
        tui_print(win, 1, 2, 0, TUI_WARN, "This account is not an active storage unit.");
        tui_print(win, 2, 2, 0, TUI_DIM, "Voters register units (Voting page, u); then sign "
                                         "in as the unit's key.");
        tui_print(win, 4, 2, 0, TUI_DIM, "e  looks up the energy left in a session with you.");
        return;
    }
    for (size_t i = 0; i < s->nunits; i++) {
        if (!eth_address_equal(&s->units[i].addr, &s->account))
            continue;
        tui_print(win, 1, 2, 24, TUI_NORMAL, "available energy");
        tui_print_amount(win, 1, 26, 20, TUI_ACCENT, &s->units[i].wh, PC_UNIT_WH);
    }
    tui_print(win, 3, 2, 0, TUI_NORMAL, "p  energy produced: mints ENT for the producer");
    tui_print(win, 4, 2, 0, TUI_NORMAL, "c  energy consumed: burns a consumer's locked ENT");
    tui_print(win, 5, 2, 0, TUI_NORMAL, "a  actual energy: the Wh really in the battery");
    tui_print(win, 6, 2, 0, TUI_NORMAL, "e  energy left in a session with an address");
}

static pc_status read_session(tui_app *app, char *const texts[], secret *const secrets[],
                              pc_error *err)
{
    (void)secrets, (void)err;
    tui_app_read(app, "getConsumptionSessionEnergy", 1, texts);
    return PC_OK;
}

static bool key(tui_app *app, void *state, int ch)
{
    (void)state;
    static const tui_form_spec produced = {
        .title = "Report energy produced", .method = "energyProduced", .nfields = 2,
        .fields = { { .label = "Producer", .kind = PC_ARG_ADDRESS },
                    { .label = "Energy (Wh)", .kind = PC_ARG_WH, .limit = TUI_LIMIT_POSITIVE } },
    };
    static const tui_form_spec consumed = {
        .title = "Report energy consumed", .method = "energyConsumed", .nfields = 2,
        .fields = { { .label = "Consumer", .kind = PC_ARG_ADDRESS },
                    { .label = "Energy (Wh)", .kind = PC_ARG_WH, .limit = TUI_LIMIT_POSITIVE } },
    };
    static const tui_form_spec actual = {
        .title = "Report the actual energy stored", .method = "reportActualEnergy",
        .nfields = 1, .fields = { { .label = "Energy (Wh)", .kind = PC_ARG_WH } },
    };
    static const tui_form_spec session = {
        .title = "Energy left in a session", .nfields = 1,
        .fields = { { .label = "Other side", .kind = PC_ARG_ADDRESS } },
        .submit = read_session,
    };
    switch (ch) {
    case 'p': tui_app_open_form(app, &produced); return true;
    case 'c': tui_app_open_form(app, &consumed); return true;
    case 'a': tui_app_open_form(app, &actual); return true;
    case 'e': tui_app_open_form(app, &session); return true;
    default: return false;
    }
}

const tui_page screen_meter = {
    .title = "Meter",
    .hints = "p produced  c consumed  a actual  e session energy",
    .draw = draw,
    .key = key,
};
