/* 8 Meter (a storage unit's own account): report production, consumption
 * and the energy really in the battery; look up the energy left in a
 * session. Under them the unit's owner and its readings and sessions from
 * the history index, newest first, in a list that scrolls and filters. */
#include <stdio.h>
#include <stdlib.h>

#include "screens/common.h"
#include "tui/ui.h"

typedef struct meter_state {
    screen_list list; /* the unit's readings and sessions */
} meter_state;

/* The unit's events that pass the filter, newest first; false when out of
 * memory. */
static bool filter_events(const tui_app *app, const screen_list *l, const wallet_past *p,
                          const eth_address *unit, const history_tx ***out, size_t *n,
                          size_t *total)
{
    *n = 0;
    *out = NULL;
    *total = screen_unit_events(p, unit, NULL, 0);
    if (*total == 0)
        return true;
    if (!(*out = malloc(*total * sizeof **out)))
        return false;
    screen_unit_events(p, unit, *out, *total);
    for (size_t i = 0; i < *total; i++) {
        if (!l->filter[0]) {
            (*out)[(*n)++] = (*out)[i];
            continue;
        }
        char call[512], when[24], text[560];
        screen_call_text(app, (*out)[i], false, call, sizeof call);
        screen_time((*out)[i]->time, when);
        snprintf(text, sizeof text, "%s %s", when, call);
        if (screen_list_match(l, text))
            (*out)[(*n)++] = (*out)[i];
    }
    return true;
}

static void draw_events(const tui_app *app, meter_state *st, WINDOW *win, const wallet_state *s, int y)
{
    int H = getmaxy(win), W = getmaxx(win);
    screen_heading(win, y++, "Readings and sessions, newest first");
    if (screen_past_missing(win, &y, app))
        return;
    const history_tx **ev;
    size_t n, total;
    if (!filter_events(app, &st->list, tui_app_past(app), &s->account, &ev, &n, &total)) {
        tui_print(win, y, 2, 0, TUI_BAD, "out of memory for the readings");
        return;
    }
    if (n == 0)
        tui_print(win, y, 2, 0, TUI_DIM, total ? "none matches the filter" : "none yet");
    int rows = H - y - 1;
    screen_list_filter_line(win, H - 1, &st->list, n, total);
    size_t first = screen_list_begin(&st->list, n, rows > 1 ? (size_t)rows : 1);
    for (size_t i = first; i < n && y < H - 1; i++, y++) {
        char when[24], call[512];
        bool chosen = i == st->list.cursor;
        screen_time(ev[i]->time, when);
        screen_call_text(app, ev[i], false, call, sizeof call);
        screen_list_mark(&st->list, y, i);
        tui_print(win, y, 0, 1, chosen ? TUI_SELECTED : TUI_NORMAL, "%c", chosen ? '>' : ' ');
        tui_print(win, y, 2, W - 2, TUI_NORMAL, "%s  %s", W >= 100 ? when : when + 11, call);
    }
    free(ev);
}

static void draw(const tui_app *app, void *state, WINDOW *win)
{
    meter_state *st = state;
    const wallet_state *s = tui_app_snapshot(app);
    screen_heading(win, 0, "Smart meter");
    if (!(tui_app_roles(app) & WALLET_ROLE_UNIT)) {
        tui_print(win, 1, 2, 0, TUI_WARN, "This account is not an active storage unit.");
        tui_print(win, 2, 2, 0, TUI_DIM, "Voters register units (Voting page, u);");
        tui_print(win, 3, 2, 0, TUI_DIM, "then sign in as the unit's key.");
        tui_print(win, 5, 2, 0, TUI_DIM, "e  looks up the energy left in a session with you.");
        return;
    }
    for (size_t i = 0; i < s->nunits; i++) {
        if (!eth_address_equal(&s->units[i].addr, &s->account))
            continue;
        tui_print(win, 1, 2, 0, TUI_NORMAL, "available energy");
        tui_print_amount(win, 1, 19, 0, TUI_ACCENT, &s->units[i].wh, PC_UNIT_WH);
    }
    eth_address owner;
    char o[64];
    if (screen_unit_owner(app, &s->account, &owner)) {
        screen_named_address(app, &owner, o, sizeof o);
        tui_print(win, 2, 2, 0, TUI_NORMAL, "owner %s", o);
    }
    tui_print(win, 3, 2, 0, TUI_NORMAL, "p  energy produced: mints ENT for the producer");
    tui_print(win, 4, 2, 0, TUI_NORMAL, "c  energy consumed: burns a consumer's locked ENT");
    tui_print(win, 5, 2, 0, TUI_NORMAL, "a  actual energy: the Wh really in the battery");
    tui_print(win, 6, 2, 0, TUI_NORMAL, "e  energy left in a session with an address");
    draw_events(app, st, win, s, 8);
}

static pc_status read_session(tui_app *app, char *const texts[], secret *const secrets[],
                              pc_error *err)
{
    (void)secrets, (void)err;
    tui_app_read(app, "getConsumptionSessionEnergy", 1, texts);
    return PC_OK;
}

/* How many of the unit's events pass the filter (0 without the index). */
static size_t event_count(const tui_app *app, const screen_list *l)
{
    const wallet_state *s = tui_app_snapshot(app);
    const wallet_past *p = tui_app_past(app);
    const history_tx **ev;
    size_t n = 0, total;
    if (s && p && s->has_account && filter_events(app, l, p, &s->account, &ev, &n, &total))
        free(ev);
    return n;
}

static bool key(tui_app *app, void *state, int ch)
{
    meter_state *st = state;
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
    if ((tui_app_roles(app) & WALLET_ROLE_UNIT) &&
        screen_list_key(&st->list, ch, event_count(app, &st->list)))
        return true;
    switch (ch) {
    case 'p': tui_app_open_form(app, &produced); return true;
    case 'c': tui_app_open_form(app, &consumed); return true;
    case 'a': tui_app_open_form(app, &actual); return true;
    case 'e': tui_app_open_form(app, &session); return true;
    default: return false;
    }
}

static bool click(tui_app *app, void *state, int y, int x)
{
    (void)app, (void)x;
    meter_state *st = state;
    return screen_list_click(&st->list, y) != 0;
}

const tui_page screen_meter = {
    .title = "Meter",
    .hints = "p produced  c consumed  a actual  e session energy  " SCREEN_LIST_HINTS,
    .state_size = sizeof(meter_state),
    .draw = draw,
    .key = key,
    .click = click,
};
