/* 2 Energy: total energy, costs, the storage units as a bar chart, the peg
 * as a gauge, the account's sessions with their time left; starting a
 * session shows the Wh the ENT buys before anything is signed. */
#include <stdio.h>
#include <string.h>

#include "rpcclient/units.h"
#include "screens/common.h"
#include "tui/ui.h"

static size_t g_unit; /* the unit under the cursor */

static void draw_units(WINDOW *win, const wallet_state *s, int y, int rows)
{
    int W = getmaxx(win), bar_w = W - 36;
    u256 max = u256_zero();
    for (size_t i = 0; i < s->nunits; i++)
        if (u256_cmp(&s->units[i].wh, &max) > 0)
            max = s->units[i].wh;
    if (s->nunits == 0)
        tui_print(win, y, 2, 0, TUI_DIM, "no storage unit registered");
    g_unit = screen_cursor_clamp(g_unit, s->nunits);
    size_t first = g_unit >= (size_t)rows ? g_unit - (size_t)rows + 1 : 0;
    for (size_t i = first; i < s->nunits && (int)(i - first) < rows; i++) {
        int r = y + (int)(i - first);
        char a[16];
        screen_short_address(&s->units[i].addr, a);
        tui_print(win, r, 0, 16, i == g_unit ? TUI_SELECTED : TUI_NORMAL, "%c %s",
                  i == g_unit ? '>' : ' ', a);
        tui_bar(win, r, 17, tui_scale(&s->units[i].wh, &max, (unsigned)bar_w), (unsigned)bar_w,
                TUI_GOOD);
        tui_print_amount(win, r, 18 + bar_w, 17, TUI_NORMAL, &s->units[i].wh, PC_UNIT_WH);
    }
}

static void draw_peg(WINDOW *win, const wallet_state *s, int y)
{
    u256 stored, ent, sum;
    char e[PC_UNIT_TEXT_MAX], t[PC_UNIT_TEXT_MAX];
    wallet_peg(s, &stored, &ent);
    pc_format_unit(&s->total_wh, PC_UNIT_WH, e, sizeof e);
    pc_format_unit(&ent, PC_UNIT_ENT, t, sizeof t);
    tui_print(win, y, 0, 0, TUI_TITLE, "Peg");
    tui_print(win, y, 5, 0, TUI_NORMAL, "%s in circulation against %s stored", t, e);
    unsigned width = 40, pos = width / 2;
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

static void draw_sessions(WINDOW *win, const wallet_state *s, int y, int rows)
{
    tui_print(win, y, 0, 0, TUI_TITLE, "Your consumption sessions");
    if (screen_missing(win, y + 1, s, WALLET_SEC_SESSIONS, "sessions"))
        return;
    if (s->nsessions == 0)
        tui_print(win, y + 1, 2, 0, TUI_DIM, "none open");
    for (size_t i = 0; i < s->nsessions && (int)i < rows; i++) {
        const wallet_session *x = &s->sessions[i];
        char a[16], wh[PC_UNIT_TEXT_MAX], left[PC_UNIT_TEXT_MAX];
        uint64_t secs = wallet_session_seconds_left(s, x);
        u256 l = u256_from_u64(secs), v = x->wh;
        screen_short_address(&x->unit, a);
        pc_format_unit(&v, PC_UNIT_WH, wh, sizeof wh);
        /* Durations show in hours and minutes: round seconds up to a minute. */
        l = u256_from_u64(secs ? (secs + 59) / 60 * 60 : 0);
        pc_format_unit(&l, PC_UNIT_SECONDS, left, sizeof left);
        tui_print(win, y + 1 + (int)i, 2, 0, TUI_NORMAL, "unit %s  %s left", a, wh);
        tui_print(win, y + 1 + (int)i, 40, 0, secs ? TUI_GOOD : TUI_BAD, "%s",
                  secs ? left : "expired");
        if (secs)
            tui_print(win, y + 1 + (int)i, 40 + (int)strlen(left) + 1, 0, TUI_DIM, "to go");
    }
}

static void draw(tui_app *app, void *state, WINDOW *win)
{
    (void)state;
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
    int unit_rows = (H - 12) > 2 ? (H - 12) / 2 : 1;
    tui_print(win, 3, 0, 0, TUI_TITLE, "Storage units (available energy)");
    if (!screen_missing(win, 4, s, WALLET_SEC_UNITS, "storage units"))
        draw_units(win, s, 4, unit_rows);
    int y = 5 + unit_rows;
    if (!(s->missing & WALLET_SEC_TOTALS))
        draw_peg(win, s, y);
    draw_sessions(win, s, y + 3, H - y - 4);
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
    (void)state;
    const wallet_state *s = tui_app_snapshot(app);
    static char unit[ETH_ADDRESS_TEXT_LEN];
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
    if (s && screen_cursor_key(ch, &g_unit, s->nunits))
        return true;
    switch (ch) {
    case 's':
        unit[0] = '\0';
        if (s && g_unit < s->nunits)
            eth_address_to_checksum(&s->units[g_unit].addr, unit);
        tui_app_open_form(app, &start);
        return true;
    case 'c':
        tui_app_open_form(app, &clear);
        return true;
    default:
        return false;
    }
}

const tui_page screen_energy = {
    .title = "Energy",
    .hints = "Up/Down unit  s start session  c clear old sessions",
    .draw = draw,
    .key = key,
};
