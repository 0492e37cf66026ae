/* 2 Energy: total energy, costs, the storage units as a bar chart, the peg
 * as a gauge, the account's sessions with their time left, and those that
 * expired with the ENT still locked in them until `c` clears them; starting
 * a session shows the Wh the ENT buys before anything is signed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rpcclient/units.h"
#include "screens/common.h"
#include "tui/ui.h"

typedef struct energy_state {
    screen_list list;      /* the storage units */
    size_t readings_first; /* the chosen unit's readings skipped from the newest (J/K) */
} energy_state;

/* The units that pass the filter, as positions in the snapshot; false when
 * out of memory. */
static bool filter_units(const tui_app *app, const screen_list *l, const wallet_state *s,
                         size_t **at, size_t *n)
{
    *n = 0;
    *at = NULL;
    if (s->nunits == 0)
        return true;
    if (!(*at = malloc(s->nunits * sizeof **at)))
        return false;
    for (size_t i = 0; i < s->nunits; i++) {
        char a[64], o[64] = "", wh[PC_UNIT_TEXT_MAX], text[320];
        eth_address owner;
        screen_named_address(app, &s->units[i].addr, a, sizeof a);
        if (screen_unit_owner(app, &s->units[i].addr, &owner))
            screen_named_address(app, &owner, o, sizeof o);
        pc_format_unit(&s->units[i].wh, PC_UNIT_WH, wh, sizeof wh);
        snprintf(text, sizeof text, "%s %s %s", a, wh, o);
        if (screen_list_match(l, text))
            (*at)[(*n)++] = i;
    }
    return true;
}

static void draw_units(const tui_app *app, energy_state *st, WINDOW *win, const wallet_state *s,
                       const size_t *at, size_t n, int y, int rows)
{
    int W = getmaxx(win);
    /* Wide pages show each unit's owner in a column of its own. */
    int owner_w = W >= 110 ? 34 : 0, bar_w = W - 36 - owner_w;
    u256 max = u256_zero();
    for (size_t i = 0; i < s->nunits; i++)
        if (u256_cmp(&s->units[i].wh, &max) > 0)
            max = s->units[i].wh;
    if (n == 0)
        tui_print(win, y, 2, 0, TUI_DIM, s->nunits ? "no unit matches the filter"
                                                   : "no storage unit registered");
    size_t first = screen_list_begin(&st->list, n, (size_t)rows);
    for (size_t i = first; i < n && (int)(i - first) < rows; i++) {
        const wallet_unit *u = &s->units[at[i]];
        int r = y + (int)(i - first);
        char a[16], o[64];
        eth_address owner;
        screen_short_address(&u->addr, a);
        screen_list_mark(&st->list, r, i);
        tui_print(win, r, 0, 16, i == st->list.cursor ? TUI_SELECTED : TUI_NORMAL, "%c %s",
                  i == st->list.cursor ? '>' : ' ', a);
        tui_bar(win, r, 17, tui_scale(&u->wh, &max, (unsigned)bar_w), (unsigned)bar_w, TUI_GOOD);
        tui_print_amount(win, r, 18 + bar_w, 17, TUI_NORMAL, &u->wh, PC_UNIT_WH);
        if (owner_w && screen_unit_owner(app, &u->addr, &owner)) {
            screen_named_address(app, &owner, o, sizeof o);
            tui_print(win, r, 36 + bar_w, owner_w, TUI_DIM, "owner %s", o);
        }
    }
}

/* The chosen unit's owner, sessions and readings, newest first, from
 * `skip` on (kept inside the list). */
static void draw_unit_detail(const tui_app *app, WINDOW *win, const wallet_unit *u, int y, int rows,
                             size_t *skip)
{
    const wallet_past *p = tui_app_past(app);
    int W = getmaxx(win);
    char a[64], o[64] = "unknown";
    eth_address owner;
    screen_named_address(app, &u->addr, a, sizeof a);
    if (screen_unit_owner(app, &u->addr, &owner))
        screen_named_address(app, &owner, o, sizeof o);
    if (!p) {
        tui_print(win, y, 2, W - 2, TUI_DIM, "unit %s: history not read yet", a);
        return;
    }
    size_t n = screen_unit_events(p, &u->addr, NULL, 0), shown = rows > 1 ? (size_t)rows - 1 : 0;
    const history_tx **ev = n ? malloc(n * sizeof *ev) : NULL;
    if (n && !ev) {
        tui_print(win, y, 2, W - 2, TUI_BAD, "out of memory for the readings");
        return;
    }
    screen_unit_events(p, &u->addr, ev, n);
    if (*skip + shown > n)
        *skip = n > shown ? n - shown : 0;
    tui_print(win, y, 2, W - 2, TUI_DIM, "owner %s, %zu reading%s and sessions%s", o, n,
              n == 1 ? "" : "s", n > shown ? " (J/K scroll)" : "");
    for (size_t i = *skip; i < n && i < *skip + shown; i++) {
        char when[24], call[400];
        screen_time(ev[i]->time, when);
        screen_call_text(app, ev[i], false, call, sizeof call);
        tui_print(win, y + 1 + (int)(i - *skip), 2, W - 2, TUI_NORMAL, "%s %s", when + 11, call);
    }
    free(ev);
}

static void draw_peg(WINDOW *win, const wallet_state *s, int y)
{
    u256 stored, ent, sum;
    char e[PC_UNIT_TEXT_MAX], t[PC_UNIT_TEXT_MAX];
    int W = getmaxx(win);
    wallet_peg(s, &stored, &ent);
    pc_format_unit(&s->total_wh, PC_UNIT_WH, e, sizeof e);
    pc_format_unit(&ent, PC_UNIT_ENT, t, sizeof t);
    tui_print(win, y, 0, 0, TUI_TITLE, "Peg");
    tui_print(win, y, 5, 0, TUI_NORMAL, "%s against %s stored", t, e);
    /* Room for "energy", the gauge, "ENT" and the longest verdict. */
    unsigned width = W - 27 > 40 ? 40 : W - 27 > 10 ? (unsigned)(W - 27) : 10, pos = width / 2;
    /* The marker sits at ENT / (stored + ENT): the centre when they match. */
    if (u256_add(&sum, &stored, &ent) && !u256_is_zero(&sum))
        pos = tui_scale(&ent, &sum, width);
    tui_print(win, y + 1, 2, 0, TUI_DIM, "energy");
    tui_gauge(win, y + 1, 9, pos, width);
    tui_print(win, y + 1, 11 + (int)width, 0, TUI_DIM, "ENT");
    int c = u256_cmp(&ent, &stored);
    tui_print(win, y + 1, 16 + (int)width, 0, c == 0 ? TUI_GOOD : TUI_WARN, "%s",
              c == 0 ? "balanced" : c > 0 ? "more ENT" : "more energy");
}

/* The account's sessions the node no longer lists (getConsumptionSessions
 * leaves expired ones out) but the history index has open: their ENT stays
 * locked until clearOldSessions (c). Their positions in the past's
 * sessions go to `at` (at most max); returns how many. */
static size_t expired_sessions(const tui_app *app, const wallet_state *s, size_t *at, size_t max)
{
    const wallet_past *p = tui_app_past(app);
    size_t n = 0;
    for (size_t i = 0; p && s->has_account && i < p->nsessions && n < max; i++) {
        const series_session *x = &p->sessions[i];
        bool listed = false;
        for (size_t k = 0; k < s->nsessions && !listed; k++)
            listed = eth_address_equal(&s->sessions[k].unit, &x->unit);
        if (!listed && eth_address_equal(&x->consumer, &s->account) &&
            wallet_session_seconds_left(s, x->start) == 0)
            at[n++] = i;
    }
    return n;
}

#define EXPIRED_MAX 16

static void draw_sessions(const tui_app *app, WINDOW *win, const wallet_state *s, int y, int rows)
{
    tui_print(win, y, 0, 0, TUI_TITLE, "Your consumption sessions");
    if (screen_missing(win, y + 1, s, WALLET_SEC_SESSIONS, "sessions"))
        return;
    size_t expired[EXPIRED_MAX], nexpired = expired_sessions(app, s, expired, EXPIRED_MAX);
    if (s->nsessions == 0 && nexpired == 0)
        tui_print(win, y + 1, 2, 0, TUI_DIM, "none open");
    int r = y + 1;
    for (size_t i = 0; i < s->nsessions && r < y + 1 + rows; i++, r++) {
        const wallet_session *x = &s->sessions[i];
        char a[64], wh[PC_UNIT_TEXT_MAX], left[PC_UNIT_TEXT_MAX];
        uint64_t secs = wallet_session_seconds_left(s, x->timestamp);
        screen_named_address(app, &x->unit, a, sizeof a);
        pc_format_unit(&x->wh, PC_UNIT_WH, wh, sizeof wh);
        /* Durations show in hours and minutes: round seconds up to a minute. */
        u256 l = u256_from_u64(secs ? (secs + 59) / 60 * 60 : 0);
        pc_format_unit(&l, PC_UNIT_SECONDS, left, sizeof left);
        int x0 = 2 + tui_print(win, r, 2, 0, TUI_NORMAL, "%s left, ", wh);
        x0 += tui_print(win, r, x0, 0, secs ? TUI_GOOD : TUI_BAD, "%s", secs ? left : "expired");
        x0 += tui_print(win, r, x0, 0, TUI_DIM, "%s", secs ? " to go" : "");
        tui_print(win, r, x0 + 2, 0, TUI_NORMAL, "unit %s", a);
    }
    const wallet_past *p = tui_app_past(app);
    for (size_t i = 0; i < nexpired && r < y + 1 + rows; i++, r++) {
        const series_session *x = &p->sessions[expired[i]];
        char a[64], ent[PC_UNIT_TEXT_MAX];
        screen_named_address(app, &x->unit, a, sizeof a);
        pc_format_unit(&x->ent, PC_UNIT_ENT, ent, sizeof ent);
        int x0 = 2 + tui_print(win, r, 2, 0, TUI_BAD, "expired");
        x0 += tui_print(win, r, x0, 0, TUI_NORMAL, ", %s still locked", ent);
        x0 += tui_print(win, r, x0 + 2, 0, TUI_NORMAL, "unit %s", a);
        tui_print(win, r, x0 + 4, 0, TUI_DIM, "c clears");
    }
}

/* Rows the sessions take: one for each, the node's and the expired ones. */
static int sessions_rows(const tui_app *app, const wallet_state *s)
{
    size_t expired[EXPIRED_MAX];
    size_t n = s->nsessions + expired_sessions(app, s, expired, EXPIRED_MAX);
    return n > 1 ? (int)n : 1;
}

static void draw(const tui_app *app, void *state, WINDOW *win)
{
    energy_state *st = state;
    const wallet_state *s = tui_app_snapshot(app);
    int H = getmaxy(win);
    tui_print(win, 0, 0, 0, TUI_TITLE, "Total energy");
    if (!(s->missing & WALLET_SEC_TOTALS))
        tui_print_amount(win, 0, 13, 16, TUI_ACCENT, &s->total_wh, PC_UNIT_WH);
    if (!(s->missing & WALLET_SEC_COSTS)) {
        char m[PC_UNIT_TEXT_MAX], b[PC_UNIT_TEXT_MAX];
        pc_format_unit(&s->mint_cost, PC_UNIT_COST, m, sizeof m);
        pc_format_unit(&s->burn_cost, PC_UNIT_COST, b, sizeof b);
        tui_print(win, 1, 0, 0, TUI_NORMAL, "mint cost %s   burn cost %s", m, b);
    }
    /* Rows: 4 above the units; then the units, the filter's line, the
     * chosen unit's detail, a gap, the peg (2), a gap, the sessions'
     * heading and the sessions, which take only the rows they need. */
    int session_rows = sessions_rows(app, s);
    int unit_rows = s->nunits > 2 ? (int)s->nunits : 2;
    if (unit_rows > (H - 12) / 3)
        unit_rows = (H - 12) / 3 > 2 ? (H - 12) / 3 : 2;
    if (session_rows > (H - 12) / 4)
        session_rows = (H - 12) / 4 > 1 ? (H - 12) / 4 : 1;
    int detail_rows = H - 10 - unit_rows - session_rows;
    if (detail_rows < 2)
        detail_rows = 2;
    int y = 5 + unit_rows;
    tui_print(win, 3, 0, 0, TUI_TITLE, "Storage units (available energy)");
    size_t *at = NULL, n = 0;
    if (!screen_missing(win, 4, s, WALLET_SEC_UNITS, "storage units")) {
        if (!filter_units(app, &st->list, s, &at, &n)) {
            tui_print(win, 4, 2, 0, TUI_BAD, "out of memory for the units");
            return;
        }
        draw_units(app, st, win, s, at, n, 4, unit_rows);
        screen_list_filter_line(win, 4 + unit_rows, &st->list, n, s->nunits);
        if (n > 0)
            draw_unit_detail(app, win, &s->units[at[st->list.cursor]], y, detail_rows,
                             &st->readings_first);
    }
    free(at);
    y += detail_rows + 1;
    if (!(s->missing & WALLET_SEC_TOTALS))
        draw_peg(win, s, y);
    draw_sessions(app, win, s, y + 3, session_rows);
}

static void preview(const tui_app *app, char *const texts[], char *out, size_t cap)
{
    const wallet_state *s = tui_app_snapshot(app);
    u256 ent, wh;
    char w[PC_UNIT_TEXT_MAX], c[PC_UNIT_TEXT_MAX];
    if (!s || u256_parse_fixed(texts[1], 18, &ent, NULL) != PC_OK || !wallet_session_wh(s, &ent, &wh))
        return;
    pc_format_unit(&wh, PC_UNIT_WH, w, sizeof w);
    pc_format_unit(&s->burn_cost, PC_UNIT_COST, c, sizeof c);
    char d[U256_DEC_MAX];
    u256_to_dec(&wh, d);
    snprintf(out, cap, "buys %s Wh (%s) at burn cost %s", d, w, c);
}

static bool key(tui_app *app, void *state, int ch)
{
    energy_state *st = state;
    const wallet_state *s = tui_app_snapshot(app);
    static char unit[ETH_ADDRESS_TEXT_LEN]; /* outlives the form that points at it */
    tui_form_spec start = {
        .title = "Start a consumption session", .method = "startConsumptionSession",
        .nfields = 2,
        .fields = { { .label = "Storage unit", .kind = PC_ARG_ADDRESS, .preset = unit },
                    { .label = "ENT to lock", .kind = PC_ARG_ENT, .limit = TUI_LIMIT_ENT } },
        .preview = preview,
    };
    static const tui_form_spec clear = {
        .title = "Clear old sessions (returns their ENT and energy)",
        .method = "clearOldSessions", .nfields = 0,
    };
    size_t *at = NULL, n = 0;
    if (s && !filter_units(app, &st->list, s, &at, &n)) {
        tui_app_message(app, true, "out of memory for the units");
        return true;
    }
    bool used = true;
    unit[0] = '\0';
    if (n > 0 && st->list.cursor < n)
        eth_address_to_checksum(&s->units[at[st->list.cursor]].addr, unit);
    free(at);
    size_t chosen = st->list.cursor;
    if (screen_list_key(&st->list, ch, n)) {
        if (st->list.cursor != chosen)
            st->readings_first = 0; /* another unit: its newest first */
    } else if (ch == 'J' || ch == 'K') {
        /* The draw keeps it inside the unit's readings. */
        if (ch == 'J')
            st->readings_first++;
        else if (st->readings_first > 0)
            st->readings_first--;
    } else if (ch == 's' || ch == '\n' || ch == '\r' || ch == KEY_ENTER) {
        tui_app_open_form(app, &start);
    } else if (ch == 'c') {
        tui_app_open_form(app, &clear);
    } else {
        used = false;
    }
    return used;
}

static bool click(tui_app *app, void *state, int y, int x)
{
    (void)x;
    energy_state *st = state;
    int hit = screen_list_click(&st->list, y);
    return hit == 2 ? key(app, state, '\n') : hit != 0;
}

const tui_page screen_energy = {
    .title = "Energy",
    .hints = "s/Enter start a session on the chosen unit  c clear old sessions  "
             "J/K scroll its readings  " SCREEN_LIST_HINTS,
    .state_size = sizeof(energy_state),
    .draw = draw,
    .key = key,
    .click = click,
};
