/* 9 Activity: one list, newest first, of this session's transactions
 * (signing, pending, mined, failed) and then every transaction to the
 * contract since its deployment, from the history index: block, time,
 * signer with its name, call with its arguments, outcome, and the
 * Info/Error texts it left (shown as they are, never read for meaning).
 * Enter opens the record under the cursor whole: hash, sender, block,
 * time, call, status and every text, wrapped. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "eth/hex.h"
#include "screens/common.h"
#include "tui/ui.h"

typedef struct activity_state {
    screen_list list;
    bool detail; /* the record under the cursor is open */
} activity_state;

/* An entry of the list: a transaction of this session or a record of the
 * history, by position (newest first within each). */
typedef struct entry {
    const tui_action *session;
    const history_tx *record;
} entry;

typedef struct entries {
    entry *at;
    size_t n, total;
} entries;

static const char *const TX_STATES[] = { "signing", "pending", "mined", "failed" };
static const tui_style TX_STYLES[] = { TUI_WARN, TUI_WARN, TUI_GOOD, TUI_BAD };
static const char *const OUTCOMES[] = { "ok", "Error", "reverted" };

/* Everything the list shows of an entry, for the filter. */
static bool entry_matches(const tui_app *app, const screen_list *l, const entry *e)
{
    if (!l->filter[0]) /* nothing to format */
        return true;
    char text[1536], hash[65];
    if (e->session) {
        hex_encode(e->session->hash, 32, hash);
        snprintf(text, sizeof text, "%s %s 0x%s %s", TX_STATES[tui_action_tx_state(e->session)],
                 e->session->call.description, e->session->has_hash ? hash : "",
                 e->session->outcome);
        return screen_list_match(l, text);
    }
    char from[64], call[512];
    screen_named_address(app, &e->record->from, from, sizeof from);
    screen_call_text(app, e->record, false, call, sizeof call);
    snprintf(text, sizeof text, "#%llu %s %s %s %.900s", (unsigned long long)e->record->block,
             from, OUTCOMES[e->record->outcome], call, e->record->text);
    return screen_list_match(l, text);
}

/* This session's transactions and the history's records that pass the
 * filter, newest first; false when out of memory. */
static bool build_entries(const tui_app *app, const screen_list *l, entries *out)
{
    const wallet_past *p = tui_app_past(app);
    size_t ntx = tui_app_tx_count(app), nrec = p ? p->ntxs : 0;
    *out = (entries){ .total = ntx + nrec };
    if (out->total == 0)
        return true;
    if (!(out->at = malloc(out->total * sizeof *out->at)))
        return false;
    for (size_t i = ntx; i > 0; i--) {
        entry e = { .session = tui_app_tx_at(app, i - 1) };
        if (entry_matches(app, l, &e))
            out->at[out->n++] = e;
    }
    for (size_t i = nrec; i > 0; i--) {
        entry e = { .record = &p->txs[i - 1] };
        if (entry_matches(app, l, &e))
            out->at[out->n++] = e;
    }
    return true;
}

/* A transaction of this session: its state and what it does, then its
 * outcome, above row `bottom`. Returns the rows used. */
static int draw_session(const tui_app *app, WINDOW *win, int y, int bottom, const tui_action *r,
                        bool chosen)
{
    int W = getmaxx(win);
    char h[65] = "";
    if (r->has_hash)
        hex_encode(r->hash, 32, h);
    tui_tx_state state = tui_action_tx_state(r);
    const char *spin = state == TUI_TX_PENDING ? tui_spinner(tui_app_clock_ms(app)) : "";
    tui_print(win, y, 0, 1, chosen ? TUI_SELECTED : TUI_NORMAL, "%c", chosen ? '>' : ' ');
    tui_print(win, y, 2, 9, TX_STYLES[state], "%s%s", spin, TX_STATES[state]);
    tui_print(win, y, 11, W - 11, TUI_NORMAL, "%s  0x%.10s", r->call.description, h);
    if (!r->outcome[0] || y + 1 >= bottom)
        return 1;
    tui_print(win, y + 1, 11, W - 11, TUI_DIM, "%s", r->outcome);
    return 2;
}

/* A record of the history above row `bottom`: a line with its facts and
 * call (the call on the next line when it does not fit beside them), and
 * one with its texts if it left any. Returns the rows used (at most 3). */
static int draw_record(const tui_app *app, WINDOW *win, int y, int bottom, const history_tx *t,
                       bool chosen)
{
    int W = getmaxx(win), y0 = y;
    char when[24], from[64], call[512], text[512];
    screen_time(t->time, when);
    screen_list_address(app, win, &t->from, from, sizeof from);
    screen_call_text(app, t, false, call, sizeof call);
    tui_print(win, y, 0, 1, chosen ? TUI_SELECTED : TUI_NORMAL, "%c", chosen ? '>' : ' ');
    /* Narrow pages show the time of day only. */
    int x = 2 + tui_print(win, y, 2, 0, TUI_DIM, "#%llu %s", (unsigned long long)t->block,
                          W >= 100 ? when : when + 11);
    x += 1 + tui_print(win, y, x + 1, 0, t->outcome == HISTORY_OK ? TUI_GOOD : TUI_BAD, "%s",
                       OUTCOMES[t->outcome]);
    x += 1 + tui_print(win, y, x + 1, 0, TUI_NORMAL, "%s", from);
    if (x + 2 + (int)strlen(call) <= W) {
        tui_print(win, y++, x + 2, 0, TUI_ACCENT, "%s", call);
    } else if (++y < bottom) {
        tui_print(win, y++, 4, W - 4, TUI_ACCENT, "%s", call);
    }
    if (!t->text[0] || y >= bottom)
        return y - y0;
    /* Several texts on one line; Enter shows them whole. */
    snprintf(text, sizeof text, "%s", t->text);
    for (char *p = strchr(text, '\n'); p; p = strchr(p, '\n'))
        *p = '|';
    tui_print(win, y++, 4, W - 4, TUI_NORMAL, "%s", text);
    return y - y0;
}

/* A label at the left and its value wrapped to the page's width. */
static void field(WINDOW *win, int *y, const char *label, tui_style st, const char *value)
{
    if (*y >= getmaxy(win))
        return;
    tui_print(win, *y, 0, 9, TUI_DIM, "%s", label);
    screen_wrapped(win, y, 9, st, value[0] ? value : "-", getmaxy(win));
}

static void draw_detail(const tui_app *app, WINDOW *win, const entry *e, size_t pos, size_t n)
{
    int y = 0;
    char hash[67] = "0x", text[640];
    tui_print(win, y++, 0, 0, TUI_TITLE, "Transaction %zu of %zu  (Esc or Enter closes)", pos + 1,
              n);
    if (e->session) {
        const tui_action *r = e->session;
        hex_encode(r->hash, 32, hash + 2);
        field(win, &y, "call", TUI_ACCENT, r->call.description);
        field(win, &y, "status", TX_STYLES[tui_action_tx_state(r)],
              TX_STATES[tui_action_tx_state(r)]);
        field(win, &y, "hash", TUI_NORMAL, r->has_hash ? hash : "");
        snprintf(text, sizeof text, "#%llu", (unsigned long long)r->block);
        field(win, &y, "block", TUI_NORMAL, tui_action_tx_state(r) == TUI_TX_MINED ? text : "");
        field(win, &y, "texts", TUI_NORMAL, r->outcome);
        return;
    }
    const history_tx *t = e->record;
    char from[ETH_ADDRESS_TEXT_LEN], when[24], call[512];
    const char *name = names_lookup(tui_app_names(app), &t->from);
    hex_encode(t->hash, 32, hash + 2);
    eth_address_to_checksum(&t->from, from);
    screen_time(t->time, when);
    screen_call_text(app, t, true, call, sizeof call);
    field(win, &y, "call", TUI_ACCENT, call);
    field(win, &y, "status", t->outcome == HISTORY_OK ? TUI_GOOD : TUI_BAD,
          OUTCOMES[t->outcome]);
    field(win, &y, "hash", TUI_NORMAL, hash);
    snprintf(text, sizeof text, "%s%s%s", from, name ? " " : "", name ? name : "");
    field(win, &y, "sender", TUI_NORMAL, text);
    snprintf(text, sizeof text, "#%llu (position %u), %s UTC", (unsigned long long)t->block,
             (unsigned)t->index, when);
    field(win, &y, "block", TUI_NORMAL, text);
    /* Each text on its own rows. */
    const char *s = t->text;
    field(win, &y, "texts", TUI_NORMAL, "");
    y -= 1;
    while (*s && y < getmaxy(win)) {
        size_t len = strcspn(s, "\n");
        snprintf(text, sizeof text, "%.*s", (int)len, s);
        screen_wrapped(win, &y, 9, TUI_NORMAL, text, getmaxy(win));
        s += len + (s[len] == '\n');
    }
}

static void draw(const tui_app *app, void *state, WINDOW *win)
{
    activity_state *st = state;
    int H = getmaxy(win), y = 0;
    const wallet_past *p = tui_app_past(app);
    entries es;
    if (!build_entries(app, &st->list, &es)) {
        tui_print(win, 0, 2, 0, TUI_BAD, "out of memory for the history");
        return;
    }
    if (st->detail && st->list.cursor < es.n) {
        draw_detail(app, win, &es.at[st->list.cursor], st->list.cursor, es.n);
        free(es.at);
        return;
    }
    st->detail = false;
    if (p)
        tui_print(win, y++, 0, 0, TUI_TITLE, "Contract history, newest first (%zu transaction%s)",
                  p->ntxs, p->ntxs == 1 ? "" : "s");
    else
        screen_heading(win, y++, "Contract history");
    size_t nsession = tui_app_tx_count(app);
    if (nsession)
        tui_print(win, y++, 2, 0, TUI_DIM, "this session's %zu transaction%s first", nsession,
                  nsession == 1 ? "" : "s");
    screen_past_missing(win, &y, app);
    /* An entry takes at most three rows: a page of entries always fits. */
    int rows = H - y - 1;
    bool filtered = screen_list_filter_line(win, H - 1, &st->list, es.n, es.total);
    if (!filtered && es.n > 0)
        tui_print(win, H - 1, 0, 0, TUI_DIM, "%zu of %zu  Enter opens it", st->list.cursor + 1,
                  es.n);
    size_t first = screen_list_begin(&st->list, es.n, rows >= 6 ? (size_t)rows / 3 : 1);
    if (es.n == 0 && es.total > 0)
        tui_print(win, y, 2, 0, TUI_DIM, "nothing matches the filter");
    for (size_t i = first; i < es.n && y < H - 1; i++) {
        const entry *e = &es.at[i];
        bool chosen = i == st->list.cursor;
        screen_list_mark(&st->list, y, i);
        y += e->session ? draw_session(app, win, y, H - 1, e->session, chosen)
                        : draw_record(app, win, y, H - 1, e->record, chosen);
    }
    free(es.at);
}

static bool key(tui_app *app, void *state, int ch)
{
    activity_state *st = state;
    bool enter = ch == '\n' || ch == '\r' || ch == KEY_ENTER;
    if (st->detail && (enter || ch == 27)) {
        st->detail = false;
        return true;
    }
    entries es;
    if (!build_entries(app, &st->list, &es)) {
        tui_app_message(app, true, "out of memory for the history");
        return true;
    }
    size_t n = es.n;
    free(es.at);
    if (screen_list_key(&st->list, ch, n)) {
        return true;
    }
    if (enter && st->list.cursor < n) {
        st->detail = true;
        return true;
    }
    return false;
}

static bool click(tui_app *app, void *state, int y, int x)
{
    (void)x;
    activity_state *st = state;
    if (st->detail)
        return key(app, state, '\n');
    int hit = screen_list_click(&st->list, y);
    return hit == 2 ? key(app, state, '\n') : hit != 0;
}

const tui_page screen_activity = {
    .title = "Activity",
    .hints = "Enter opens the record (Esc closes)  " SCREEN_LIST_HINTS,
    .state_size = sizeof(activity_state),
    .draw = draw,
    .key = key,
    .click = click,
};
