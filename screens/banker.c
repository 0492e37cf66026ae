/* 6 Banker (banker only): eEuro in circulation, withdrawal requests (eEuro
 * that accounts locked to be paid out and the banker has not settled yet,
 * replayed from the history index: buy orders' locks are not requests)
 * with their count and total, mint, burn, unlock, and the requests'
 * export as CSV (the same as `withdrawals --csv`). */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "keystore/safefile.h"
#include "rpcclient/units.h"
#include "screens/common.h"
#include "tui/ui.h"

typedef struct banker_state {
    screen_list list; /* the withdrawal requests */
} banker_state;

/* The requests, or none before the index was read. */
static const view_withdrawals *requests(const tui_app *app)
{
    const wallet_past *p = tui_app_past(app);
    return p ? &p->withdrawals : NULL;
}

/* The requests that pass the filter, as positions in w; false when out of
 * memory. */
static bool filter_requests(const tui_app *app, const screen_list *l, const view_withdrawals *w,
                            size_t **at, size_t *n)
{
    *n = 0;
    *at = NULL;
    if (!w || w->count == 0)
        return true;
    if (!(*at = malloc(w->count * sizeof **at)))
        return false;
    for (size_t i = 0; i < w->count; i++) {
        char a[ETH_ADDRESS_TEXT_LEN], amount[PC_UNIT_TEXT_MAX], when[24], text[256];
        const char *name = names_lookup(tui_app_names(app), &w->items[i].account);
        eth_address_to_checksum(&w->items[i].account, a);
        pc_format_unit(&w->items[i].amount, PC_UNIT_EEURO, amount, sizeof amount);
        screen_time(w->items[i].time, when);
        snprintf(text, sizeof text, "%s %s %s %s", a, name ? name : "", amount, when);
        if (screen_list_match(l, text))
            (*at)[(*n)++] = i;
    }
    return true;
}

static void draw(const tui_app *app, void *state, WINDOW *win)
{
    banker_state *st = state;
    const wallet_state *s = tui_app_snapshot(app);
    int W = getmaxx(win), H = getmaxy(win);
    screen_heading(win, 0, "Banker");
    if (!(tui_app_roles(app) & WALLET_ROLE_BANKER)) {
        char b[ETH_ADDRESS_TEXT_LEN];
        const char *name = names_lookup(tui_app_names(app), &s->banker);
        eth_address_to_checksum(&s->banker, b);
        tui_print(win, 1, 2, 0, TUI_WARN, "This account is not the banker.");
        int x = 2 + tui_print(win, 2, 2, 0, TUI_DIM, "The banker is %s",
                              eth_address_is_zero(&s->banker) ? "nobody yet (voters choose one)"
                                                              : b);
        /* The name beside the address, or under it on narrow pages. */
        if (name && !eth_address_is_zero(&s->banker)) {
            bool beside = x + 1 + (int)strlen(name) <= getmaxx(win);
            tui_print(win, beside ? 2 : 3, beside ? x + 1 : 16, 0, TUI_ACCENT, "%s", name);
        }
        return;
    }
    tui_print(win, 1, 2, 22, TUI_NORMAL, "eEuro in circulation");
    tui_print_amount(win, 1, 24, 26, TUI_ACCENT, &s->total_eeuro, PC_UNIT_EEURO);
    screen_heading(win, 3, "Withdrawal requests (eEuro locked to withdraw)");
    int y = 4;
    if (screen_past_missing(win, &y, app))
        return;
    const view_withdrawals *w = requests(app);
    u256 total;
    if (w && w->count && view_withdrawals_total(w, &total)) {
        char amount[PC_UNIT_TEXT_MAX];
        pc_format_unit(&total, PC_UNIT_EEURO, amount, sizeof amount);
        tui_print(win, y++, 2, 0, TUI_NORMAL, "%zu request%s, %s in all", w->count,
                  w->count == 1 ? "" : "s", amount);
    }
    size_t *at, n;
    if (!filter_requests(app, &st->list, w, &at, &n)) {
        tui_print(win, y, 2, 0, TUI_BAD, "out of memory for the requests");
        return;
    }
    if (n == 0)
        tui_print(win, y, 2, 0, TUI_DIM, w->count ? "none matches the filter" : "none");
    int rows = H - y - 1;
    screen_list_filter_line(win, H - 1, &st->list, n, w->count);
    size_t first = screen_list_begin(&st->list, n, rows > 1 ? (size_t)rows : 1);
    /* Full addresses where they fit beside the figure, the name and the time. */
    bool wide = W >= 76;
    for (size_t i = first; i < n && y < H - 1; i++, y++) {
        const view_withdrawal *r = &w->items[at[i]];
        char a[ETH_ADDRESS_TEXT_LEN], amount[PC_UNIT_TEXT_MAX], when[24];
        const char *name = names_lookup(tui_app_names(app), &r->account);
        if (wide)
            eth_address_to_checksum(&r->account, a);
        else
            screen_short_address(&r->account, a);
        pc_format_unit(&r->amount, PC_UNIT_EEURO, amount, sizeof amount);
        screen_time(r->time, when);
        screen_list_mark(&st->list, y, i);
        tui_print(win, y, 0, 1, i == st->list.cursor ? TUI_SELECTED : TUI_NORMAL, "%c",
                  i == st->list.cursor ? '>' : ' ');
        int x = 2 + tui_print(win, y, 2, 0, TUI_NORMAL, "%s", a) + 1;
        if (name)
            x += tui_print(win, y, x, 0, TUI_ACCENT, "%s", name) + 1;
        x += 1 + tui_print(win, y, x + 1, 0, TUI_WARN, "%s", amount);
        tui_print(win, y, x + 2, 0, TUI_DIM, "%s", W >= 96 ? when : when + 5);
    }
    free(at);
}

/* The requests as CSV in the working folder, named after the chain and
 * the block they are from; an existing file is left alone. */
static void export_requests(tui_app *app)
{
    const wallet_state *s = tui_app_snapshot(app);
    const view_withdrawals *w = requests(app);
    pc_error err = { 0 };
    char *text = NULL, name[96];
    if (!w || !s) {
        tui_app_message(app, true, "the requests are not read yet");
        return;
    }
    snprintf(name, sizeof name, "withdrawals-%" PRIu64 "-%" PRIu64 ".csv", s->chain_id,
             s->block);
    if (view_withdrawals_csv(w, &text, &err) == PC_OK &&
        safefile_write_atomic(".", name, text, strlen(text), false, &err) == PC_OK)
        tui_app_message(app, false, "%zu request%s written to %s", w->count,
                        w->count == 1 ? "" : "s", name);
    else
        tui_app_message(app, true, "%s", err.msg);
    free(text);
}

static bool key(tui_app *app, void *state, int ch)
{
    banker_state *st = state;
    const wallet_state *s = tui_app_snapshot(app);
    /* Presets outlive the forms that point at them. */
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
    size_t *at, n;
    if (!filter_requests(app, &st->list, w, &at, &n)) {
        tui_app_message(app, true, "out of memory for the requests");
        return true;
    }
    who[0] = amount[0] = '\0';
    if (st->list.cursor < n) {
        eth_address_to_checksum(&w->items[at[st->list.cursor]].account, who);
        u256_format_fixed(&w->items[at[st->list.cursor]].amount, 18, amount);
    }
    free(at);
    if (screen_list_key(&st->list, ch, n))
        return true;
    switch (ch) {
    case 'm': tui_app_open_form(app, &mint); return true;
    case 'x': tui_app_open_form(app, &burn); return true;
    case 'u': tui_app_open_form(app, &unlock); return true;
    case 'e': export_requests(app); return true;
    default: return false;
    }
}

static bool click(tui_app *app, void *state, int y, int x)
{
    (void)app, (void)x;
    banker_state *st = state;
    return screen_list_click(&st->list, y) != 0;
}

const tui_page screen_banker = {
    .title = "Banker",
    .hints = "m mint  x burn  u unlock (the chosen request)  e export CSV  " SCREEN_LIST_HINTS,
    .state_size = sizeof(banker_state),
    .draw = draw,
    .key = key,
    .click = click,
};
