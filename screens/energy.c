/* 2 Energy: total energy, costs, the storage units as a bar chart, the peg
 * as a gauge, the account's sessions with their time left, and those that
 * expired with the ENT still locked in them until `c` clears them; starting
 * a session shows the Wh the ENT buys before anything is signed. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rpcclient/units.h"
#include "screens/common.h"
#include "tui/table_draw.h"
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
        if (!l->filter[0]) { /* nothing to format */
            (*at)[(*n)++] = i;
            continue;
        }
        char a[64], o[64] = "", wh[PC_UNIT_TEXT_MAX], text[320];
        eth_address owner;
        screen_named_address(app, &s->units[i].addr, INT_MAX, a, sizeof a);
        if (screen_unit_owner(app, &s->units[i].addr, &owner))
            screen_named_address(app, &owner, INT_MAX, o, sizeof o);
        pc_format_unit(&s->units[i].wh, PC_UNIT_WH, wh, sizeof wh);
        snprintf(text, sizeof text, "%s %s %s", a, wh, o);
        if (screen_list_match(l, text))
            (*at)[(*n)++] = i;
    }
    return true;
}

/* The units' table: the unit (short address with its name, short address),
 * a bar of its energy that fills the room left and goes first, the energy
 * (never cut), and the unit's owner from the history (whole address and
 * name, short and name, short, then hidden). */
enum { COL_UNIT, COL_BAR, COL_WH, COL_OWNER, NCOLS };

typedef struct unit_text {
    char unit[2][ETH_ADDRESS_TEXT_LEN + 72], wh[PC_UNIT_TEXT_MAX];
    char owner[TABLE_FORMS][ETH_ADDRESS_TEXT_LEN + 80];
} unit_text;

static void unit_texts(const tui_app *app, const wallet_unit *u, unit_text *t)
{
    screen_named_address(app, &u->addr, INT_MAX, t->unit[0], sizeof t->unit[0]);
    eth_address_short(&u->addr, t->unit[1]);
    pc_format_unit(&u->wh, PC_UNIT_WH, t->wh, sizeof t->wh);
    eth_address owner;
    for (int f = 0; f < TABLE_FORMS; f++)
        t->owner[f][0] = '\0';
    if (!screen_unit_owner(app, &u->addr, &owner))
        return;
    char whole[ETH_ADDRESS_TEXT_LEN];
    const char *name = names_lookup(tui_app_names(app), &owner);
    eth_address_to_checksum(&owner, whole);
    snprintf(t->owner[0], sizeof t->owner[0], "owner %s%s%s", whole, name ? " " : "",
             name ? name : "");
    char named[ETH_ADDRESS_TEXT_LEN + 72];
    screen_named_address(app, &owner, INT_MAX, named, sizeof named);
    snprintf(t->owner[1], sizeof t->owner[1], "owner %s", named);
    eth_address_short(&owner, named);
    snprintf(t->owner[2], sizeof t->owner[2], "owner %s", named);
}

static void unit_row(const table_layout *l, const unit_text *t, const char *texts[NCOLS])
{
    texts[COL_UNIT] = t->unit[l->form[COL_UNIT]];
    texts[COL_BAR] = NULL;
    texts[COL_WH] = t->wh;
    texts[COL_OWNER] = table_shown(l, COL_OWNER) ? t->owner[l->form[COL_OWNER]] : NULL;
}

static void fit_units(const tui_app *app, const wallet_state *s, int width, table_col cols[NCOLS],
                      table_layout *l)
{
    const table_col COLS_[NCOLS] = {
        [COL_UNIT] = { .priority = 5, .keep = true, .nforms = 2 },
        [COL_BAR] = { .name = "bars", .priority = 2, .fill = true, .min = 8, .max = 40 },
        [COL_WH] = { .align = TABLE_RIGHT, .priority = 8, .keep = true },
        [COL_OWNER] = { .name = "owners", .priority = 1, .nforms = 3 },
    };
    memcpy(cols, COLS_, sizeof COLS_);
    /* The widths follow from the names alone (an address is 42 characters,
     * or 12 short; unit_texts writes the same). */
    screen_name_cache names;
    memset(&names, 0, sizeof names);
    const int owner_w = 6; /* "owner " */
    for (size_t i = 0; i < s->nunits; i++) {
        const wallet_unit *u = &s->units[i];
        char wh[PC_UNIT_TEXT_MAX];
        int named = screen_name_width(app, &names, &u->addr);
        table_col_width(&cols[COL_UNIT], 0, SCREEN_SHORT_ADDRESS_W + named);
        table_col_width(&cols[COL_UNIT], 1, SCREEN_SHORT_ADDRESS_W);
        pc_format_unit(&u->wh, PC_UNIT_WH, wh, sizeof wh);
        table_col_see(&cols[COL_WH], 0, wh);
        eth_address owner;
        if (!screen_unit_owner(app, &u->addr, &owner))
            continue;
        named = screen_name_width(app, &names, &owner);
        table_col_width(&cols[COL_OWNER], 0, owner_w + ETH_ADDRESS_TEXT_LEN - 1 + named);
        table_col_width(&cols[COL_OWNER], 1, owner_w + SCREEN_SHORT_ADDRESS_W + named);
        table_col_width(&cols[COL_OWNER], 2, owner_w + SCREEN_SHORT_ADDRESS_W);
    }
    table_fit(cols, NCOLS, width, 2, 4, l);
}

typedef struct unit_rows {
    const tui_app *app;
    const wallet_state *s;
    const size_t *at;
    const table_layout *l;
} unit_rows;

static int unit_height(void *ctx, size_t i)
{
    const unit_rows *c = ctx;
    unit_text t;
    const char *texts[NCOLS];
    unit_texts(c->app, &c->s->units[c->at[i]], &t);
    unit_row(c->l, &t, texts);
    return tui_table_rows(c->l, texts);
}

/* The units from row y, in `rows` rows and the list's line under them. */
static void draw_units(const tui_app *app, energy_state *st, WINDOW *win, const wallet_state *s,
                       const size_t *at, size_t n, int y, int rows)
{
    table_col cols[NCOLS];
    table_layout l;
    fit_units(app, s, getmaxx(win) - 2, cols, &l);
    char hidden[32];
    table_hidden(cols, &l, hidden, sizeof hidden);
    screen_list_footer(win, y + rows, &st->list, "unit", n, s->nunits, NULL, hidden);
    u256 max = u256_zero();
    for (size_t i = 0; i < s->nunits; i++)
        if (u256_cmp(&s->units[i].wh, &max) > 0)
            max = s->units[i].wh;
    if (n == 0)
        tui_print(win, y, 2, 0, TUI_DIM, s->nunits ? "no unit matches the filter"
                                                   : "no storage unit registered");
    unit_rows c = { app, s, at, &l };
    size_t fit = 0, first = n ? screen_list_begin_rows(&st->list, n, rows, unit_height, &c, &fit)
                              : 0;
    static const tui_style STYLES[NCOLS] = { TUI_NORMAL, TUI_GOOD, TUI_NORMAL, TUI_DIM };
    for (size_t i = first; i < first + fit; i++) {
        const wallet_unit *u = &s->units[at[i]];
        unit_text t;
        const char *texts[NCOLS];
        unit_texts(app, u, &t);
        unit_row(&l, &t, texts);
        bool chosen = i == st->list.cursor;
        screen_list_mark(&st->list, y, i);
        tui_print(win, y, 0, 1, chosen ? TUI_SELECTED : TUI_NORMAL, "%c", chosen ? '>' : ' ');
        if (table_shown(&l, COL_BAR))
            tui_bar(win, y + l.line[COL_BAR], 2 + l.x[COL_BAR],
                    tui_scale(&u->wh, &max, (unsigned)l.w[COL_BAR]), (unsigned)l.w[COL_BAR],
                    TUI_GOOD);
        y += tui_table_row(win, y, 2, y + rows, &l, texts, STYLES);
    }
}

/* The chosen unit's owner, sessions and readings, newest first, from
 * `skip` on (kept inside the list), in at most `rows` rows from y; returns
 * the rows it took. */
static int draw_unit_detail(const tui_app *app, WINDOW *win, const wallet_unit *u, int y,
                            int rows, size_t *skip)
{
    int y0 = y;
    const wallet_past *p = tui_app_past(app);
    int W = getmaxx(win), bottom = y + rows;
    char a[ETH_ADDRESS_TEXT_LEN + 72], o[ETH_ADDRESS_TEXT_LEN + 72] = "unknown", line[256];
    eth_address owner;
    screen_named_address(app, &u->addr, W - 20, a, sizeof a);
    if (screen_unit_owner(app, &u->addr, &owner))
        screen_named_address(app, &owner, W - 20, o, sizeof o);
    if (!p) {
        snprintf(line, sizeof line, "unit %s: history not read yet", a);
        return tui_text(win, y, 2, W - 2, 2, bottom, TUI_DIM, NULL, line);
    }
    size_t n = screen_unit_events(p, &u->addr, NULL, 0);
    const history_tx **ev = n ? malloc(n * sizeof *ev) : NULL;
    if (n && !ev) {
        tui_print(win, y, 2, W - 2, TUI_BAD, "out of memory for the readings");
        return 1;
    }
    screen_unit_events(p, &u->addr, ev, n);
    if (*skip >= n)
        *skip = n ? n - 1 : 0;
    table_layout l;
    screen_event_layout(W - 2, &l);
    /* The owner's line, then as many readings as fit from the skipped ones
     * on; the line says which when not all of them do. */
    snprintf(line, sizeof line, "owner %s, %zu reading%s and sessions", o, n, n == 1 ? "" : "s");
    int room = rows - tui_text_rows(W - 2, 2, NULL, line);
    size_t shown = 0;
    for (int used = 0; room > 0 && *skip + shown < n; shown++) {
        used += screen_event_row(app, NULL, 0, 0, 0, &l, &u->addr, ev[*skip + shown]);
        if (used > room)
            break;
    }
    if (shown < n && shown > 0)
        snprintf(line + strlen(line), sizeof line - strlen(line), " (%zu-%zu, J/K)",
                 *skip + 1, *skip + shown);
    else if (shown < n)
        snprintf(line + strlen(line), sizeof line - strlen(line), ": a taller terminal shows them");
    y += tui_text(win, y, 2, W - 2, 2, bottom, TUI_DIM, NULL, line);
    for (size_t i = *skip; i < *skip + shown; i++)
        y += screen_event_row(app, win, y, 2, bottom, &l, &u->addr, ev[i]);
    free(ev);
    return y - y0;
}

/* "2.1 ENT against 2.1 kWh stored" and the gauge under it; the rows it
 * takes (win NULL: only counts). */
static int draw_peg(WINDOW *win, int W, const wallet_state *s, int y)
{
    u256 stored, ent, sum;
    char e[PC_UNIT_TEXT_MAX], t[PC_UNIT_TEXT_MAX], text[3 * PC_UNIT_TEXT_MAX];
    wallet_peg(s, &stored, &ent);
    pc_format_unit(&s->total_wh, PC_UNIT_WH, e, sizeof e);
    pc_format_unit(&ent, PC_UNIT_ENT, t, sizeof t);
    snprintf(text, sizeof text, "%s against %s stored", t, e);
    int rows = tui_text_rows(W - 5, 0, NULL, text);
    if (!win)
        return rows + 1;
    tui_print(win, y, 0, 0, TUI_TITLE, "Peg");
    tui_text(win, y, 5, W - 5, 0, 0, TUI_NORMAL, NULL, text);
    y += rows;
    /* Room for "energy", the gauge, "ENT" and the longest verdict. */
    unsigned width = W - 27 > 40 ? 40 : W - 27 > 10 ? (unsigned)(W - 27) : 10, pos = width / 2;
    /* The marker sits at ENT / (stored + ENT): the centre when they match. */
    if (u256_add(&sum, &stored, &ent) && !u256_is_zero(&sum))
        pos = tui_scale(&ent, &sum, width);
    tui_print(win, y, 2, 0, TUI_DIM, "energy");
    tui_gauge(win, y, 9, pos, width);
    tui_print(win, y, 11 + (int)width, 0, TUI_DIM, "ENT");
    int c = u256_cmp(&ent, &stored);
    tui_print(win, y, 16 + (int)width, 0, c == 0 ? TUI_GOOD : TUI_WARN, "%s",
              c == 0 ? "balanced" : c > 0 ? "more ENT" : "more energy");
    return rows + 1;
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

/* Session i of the node's, then of the expired ones (i - s->nsessions):
 * "1 kWh left, 1 h 30 min to go  unit 0x90F7..b906 u1", or "expired, 2 ENT
 * still locked  unit 0x90F7..b906 u1  c clears". */
static tui_style session_text(const tui_app *app, const wallet_state *s, const size_t *expired,
                              size_t i, char *out, size_t cap)
{
    char a[ETH_ADDRESS_TEXT_LEN + 72], amount[PC_UNIT_TEXT_MAX], left[PC_UNIT_TEXT_MAX];
    if (i >= s->nsessions) {
        const series_session *x = &tui_app_past(app)->sessions[expired[i - s->nsessions]];
        screen_named_address(app, &x->unit, 40, a, sizeof a);
        pc_format_unit(&x->ent, PC_UNIT_ENT, amount, sizeof amount);
        snprintf(out, cap, "expired, %s still locked  unit %s  c clears", amount, a);
        return TUI_BAD;
    }
    const wallet_session *x = &s->sessions[i];
    uint64_t secs = wallet_session_seconds_left(s, x->timestamp);
    screen_named_address(app, &x->unit, 40, a, sizeof a);
    pc_format_unit(&x->wh, PC_UNIT_WH, amount, sizeof amount);
    /* Durations show in hours and minutes: round seconds up to a minute. */
    u256 l = u256_from_u64(secs ? (secs + 59) / 60 * 60 : 0);
    pc_format_unit(&l, PC_UNIT_SECONDS, left, sizeof left);
    snprintf(out, cap, "%s left, %s%s  unit %s", amount, secs ? left : "expired",
             secs ? " to go" : "", a);
    return secs ? TUI_NORMAL : TUI_BAD;
}

/* The sessions from row y in `rows` rows: as many as fit, and how many do
 * not. */
static void draw_sessions(const tui_app *app, WINDOW *win, const wallet_state *s, int y, int rows)
{
    int W = getmaxx(win), bottom = y + rows;
    tui_print(win, y++, 0, 0, TUI_TITLE, "Your consumption sessions");
    if (screen_missing(win, y, s, WALLET_SEC_SESSIONS, "sessions"))
        return;
    size_t expired[EXPIRED_MAX], n = s->nsessions + expired_sessions(app, s, expired, EXPIRED_MAX);
    if (n == 0)
        tui_print(win, y, 2, 0, TUI_DIM, "none open");
    for (size_t i = 0; i < n; i++) {
        char text[3 * PC_UNIT_TEXT_MAX + 96];
        tui_style st = session_text(app, s, expired, i, text, sizeof text);
        int h = tui_text_rows(W - 2, 4, "  ", text);
        if (y + h > bottom - (i + 1 == n ? 0 : 1)) {
            tui_print(win, y, 2, 0, TUI_DIM, "%zu more: a taller terminal shows them", n - i);
            return;
        }
        y += tui_text(win, y, 2, W - 2, 4, bottom, st, "  ", text);
    }
}

/* Rows the sessions want: their heading and each session, or one line. */
static int sessions_rows(const tui_app *app, const wallet_state *s, int W)
{
    size_t expired[EXPIRED_MAX], n = s->nsessions + expired_sessions(app, s, expired, EXPIRED_MAX);
    int rows = 1;
    for (size_t i = 0; i < n; i++) {
        char text[3 * PC_UNIT_TEXT_MAX + 96];
        session_text(app, s, expired, i, text, sizeof text);
        rows += tui_text_rows(W - 2, 4, "  ", text);
    }
    return rows + (n == 0 || (s->missing & WALLET_SEC_SESSIONS));
}

static void draw(const tui_app *app, void *state, WINDOW *win)
{
    energy_state *st = state;
    const wallet_state *s = tui_app_snapshot(app);
    int H = getmaxy(win), W = getmaxx(win), y = 0;
    char total[PC_UNIT_TEXT_MAX], costs[2 * PC_UNIT_TEXT_MAX + 16];
    char m[PC_UNIT_TEXT_MAX], b[PC_UNIT_TEXT_MAX];
    tui_field top[2];
    size_t ntop = 0;
    if (!(s->missing & WALLET_SEC_TOTALS)) {
        pc_format_unit(&s->total_wh, PC_UNIT_WH, total, sizeof total);
        top[ntop++] = (tui_field){ "Total energy", total, TUI_ACCENT };
    }
    if (!(s->missing & WALLET_SEC_COSTS)) {
        pc_format_unit(&s->mint_cost, PC_UNIT_COST, m, sizeof m);
        pc_format_unit(&s->burn_cost, PC_UNIT_COST, b, sizeof b);
        snprintf(costs, sizeof costs, "mint %s, burn %s", m, b);
        top[ntop++] = (tui_field){ "Costs", costs, TUI_NORMAL };
    }
    y += tui_fields(win, y, 0, W, 0, TUI_TITLE, top, ntop) + 1;
    /* What is left after the fixed parts goes to the units (a third at
     * most), the sessions (a quarter at most) and the chosen unit's
     * readings (the rest); blocks that do not fit at all are said. */
    int peg = (s->missing & WALLET_SEC_TOTALS) ? 0 : draw_peg(NULL, W, s, 0) + 1;
    int avail = H - y - 2 /* units' heading and line */ - 1 - peg - 1 /* sessions' heading */;
    int units = s->nunits > 2 ? (int)s->nunits : 2, sessions = sessions_rows(app, s, W) - 1;
    if (units > avail / 3)
        units = avail / 3 > 2 ? avail / 3 : 2;
    if (sessions > avail / 4)
        sessions = avail / 4 > 1 ? avail / 4 : 1;
    int detail = avail - units - sessions;
    if (detail < 2)
        detail = 2;
    screen_flow f = screen_flow_start(win, y);
    size_t *at = NULL, n = 0;
    if (screen_flow_fits(&f, 2 + units, false, "the units")) {
        tui_print(win, f.y++, 0, 0, TUI_TITLE, "Storage units (available energy)");
        if (!screen_missing(win, f.y, s, WALLET_SEC_UNITS, "storage units")) {
            if (!filter_units(app, &st->list, s, &at, &n)) {
                tui_print(win, f.y, 2, 0, TUI_BAD, "out of memory for the units");
                return;
            }
            draw_units(app, st, win, s, at, n, f.y, units);
        }
        f.y += units + 1;
        if (n > 0 && screen_flow_fits(&f, detail, false, "the unit's readings"))
            f.y += draw_unit_detail(app, win, &s->units[at[st->list.cursor]], f.y, detail,
                                    &st->readings_first);
    }
    free(at);
    if (peg && screen_flow_fits(&f, peg, false, "the peg"))
        f.y += draw_peg(win, W, s, f.y + 1) + 1;
    if (screen_flow_fits(&f, 1 + sessions, true, "the sessions"))
        draw_sessions(app, win, s, f.y, H - f.y);
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
        .title = "Start a consumption session", .method = PC_FN_START_CONSUMPTION_SESSION,
        .nfields = 2,
        .fields = { { .label = "Storage unit", .preset = unit },
                    { .label = "ENT to lock", .limit = TUI_LIMIT_ENT } },
        .preview = preview,
    };
    static const tui_form_spec clear = {
        .title = "Clear old sessions (returns their ENT and energy)",
        .method = PC_FN_CLEAR_OLD_SESSIONS, .nfields = 0,
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
    .hints = "s/Enter start a session  c clear old sessions  "
             "J/K scroll its readings  " SCREEN_LIST_HINTS,
    .state_size = sizeof(energy_state),
    .draw = draw,
    .key = key,
    .click = click,
};
