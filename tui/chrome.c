#include "tui/chrome.h"

#include <stdio.h>
#include <string.h>

#include "tui/ui.h"

#define SHELL_HINTS "1-9 0/Tab page  F1 help  F10 quit"
#define MORE " F1 more"
/* Every key of the shell, for the help dialog; items apart by two spaces. */
#define SHELL_KEYS                                                                          \
    "1-9 0  page 1 to 10  Tab Shift-Tab ] [ Right Left  next or previous page  "            \
    "Up Down  choose a line  PgUp PgDn  scroll the page's list  "                           \
    "r Ctrl-L  read the chain again and redraw  F1 ?  this help  F10 q  quit  "             \
    "Mouse: click a page in the sidebar or a line of the page; the wheel scrolls  "         \
    "In forms: Enter next or submit, Tab move, Esc cancel"
#define CONFIRM_LABEL_W 13
#define CONFIRM_MAX_W 84
#define SIGN_BUTTON "[ y  Sign and send ]"
#define CANCEL_BUTTON "[ n  Cancel ]"
#define BUTTON_GAP 4

/* A line of wrapped text: len bytes from at. */
typedef struct span {
    int at, len;
} span;

/* The last place in text[at+1 .. end] where sep begins, or -1. */
static int last_sep(const char *text, int at, int end, const char *sep)
{
    int cut = -1;
    for (int p = at + 1; p <= end; p++)
        if (strncmp(text + p, sep, strlen(sep)) == 0)
            cut = p;
    return cut;
}

/* Splits text into lines of at most width bytes, breaking where sep occurs
 * (dropped at the break), so that no item between separators is cut; an
 * item wider than the line breaks between words, and a word wider than the
 * line is cut. Stores at most max spans and returns how many lines the
 * text needs. */
static int wrap(const char *text, const char *sep, int width, span *out, int max)
{
    int len = (int)strlen(text), at = 0, n = 0;
    if (width < 1)
        width = 1;
    while (at < len) {
        int end = at + width, next;
        if (end >= len) {
            end = next = len;
        } else {
            const char *by = sep;
            int cut = last_sep(text, at, end, by);
            if (cut < 0)
                cut = last_sep(text, at, end, by = " ");
            next = cut < 0 ? end : cut + (int)strlen(by);
            end = cut < 0 ? end : cut;
        }
        if (n < max)
            out[n] = (span){ at, end - at };
        n++;
        at = next;
        while (at < len && text[at] == ' ')
            at++;
    }
    return n;
}

bool tui_chrome_fits(void) { return COLS >= TUI_MIN_W && LINES >= TUI_MIN_H; }

void tui_chrome_too_small(void)
{
    char text[160];
    span lines[40];
    snprintf(text, sizeof text,
             "powerchain needs %dx%d; this terminal is %dx%d. Enlarge it, or press q to quit.",
             TUI_MIN_W, TUI_MIN_H, COLS, LINES);
    int n = wrap(text, " ", COLS, lines, 40);
    for (int i = 0; i < n && i < 40 && i < LINES; i++)
        tui_print(stdscr, i, 0, COLS, TUI_WARN, "%.*s", lines[i].len, text + lines[i].at);
}

int tui_chrome_page_key(int ch)
{
    if (ch >= '1' && ch <= '9')
        return ch - '1';
    return ch == '0' ? 9 : -1;
}

/* The key that picks page i, as the sidebar shows it. */
static char page_key(size_t i) { return i < 9 ? (char)('1' + i) : i == 9 ? '0' : ' '; }

/* The connection's state, right-aligned on the header's first line: it is
 * the one part never cut. */
static void header_status(const tui_app *app, const tui_chrome *c, char *out, size_t cap,
                          tui_style *style)
{
    const wallet_state *s = tui_app_snapshot(app);
    if (tui_app_connected(app)) {
        snprintf(out, cap, "connected");
        *style = TUI_GOOD;
    } else if (c->ever_connected && s) {
        snprintf(out, cap, "disconnected, retrying; as of block #%llu, %lu s ago",
                 (unsigned long long)s->block, (c->now_ms - c->snapshot_ms) / 1000);
        *style = TUI_BAD;
    } else if (c->ever_connected) {
        snprintf(out, cap, "disconnected, retrying");
        *style = TUI_BAD;
    } else {
        snprintf(out, cap, "connecting %s", tui_spinner(c->now_ms));
        *style = TUI_WARN;
    }
}

static void header_account(tui_app *app, int W)
{
    eth_address a;
    tui_wallet *w = tui_app_wallet(app);
    if (!tui_wallet_address(w, &a)) {
        tui_print(stdscr, 1, 0, W, TUI_WARN, "no account (read only): see 7 Accounts");
        return;
    }
    unsigned left = tui_wallet_unlocked_for(w);
    int right = left ? 17 : 0; /* "unlocked M:SS" stays whole at the end */
    char cs[ETH_ADDRESS_TEXT_LEN];
    eth_address_to_checksum(&a, cs);
    const char *name = tui_wallet_name(w);
    int x = 0, room = W - right;
    if (name[0])
        x += tui_print(stdscr, 1, 0, room, TUI_ACCENT, "%s ", name);
    x += tui_print(stdscr, 1, x, room - x, TUI_NORMAL, "%s", cs);
    if (tui_app_snapshot(app)) {
        unsigned roles = tui_app_roles(app);
        char text[64] = "";
        if (roles & WALLET_ROLE_VOTER)
            strcat(text, " voter");
        if (roles & WALLET_ROLE_BANKER)
            strcat(text, " banker");
        if (roles & WALLET_ROLE_UNIT)
            strcat(text, " storage-unit");
        if (roles & WALLET_ROLE_UNIT_OWNER)
            strcat(text, " unit-owner");
        x += tui_print(stdscr, 1, x, room - x, TUI_GOOD, "%s", text[0] ? text : " user");
        /* Owners are known only from the history index. */
        if (!tui_app_past(app))
            tui_print(stdscr, 1, x, room - x, TUI_WARN, "  unit owner %s",
                      tui_app_past_problem(app)[0] ? "unknown: see 9 Activity" : "not known yet");
    }
    if (left)
        tui_print(stdscr, 1, W - 16, 16, TUI_WARN, "unlocked %u:%02u", left / 60, left % 60);
}

void tui_chrome_header(tui_app *app, const tui_chrome *c)
{
    int W = COLS;
    const wallet_state *s = tui_app_snapshot(app);
    char status[128];
    tui_style style;
    header_status(app, c, status, sizeof status, &style);
    int sw = (int)strlen(status), room = W - sw - 2;
    int x = tui_print(stdscr, 0, 0, room, TUI_TITLE, "PowerChain");
    if (tui_app_chain_id(app)) {
        x += tui_print(stdscr, 0, x, room - x, TUI_DIM, "  chain ");
        x += tui_print(stdscr, 0, x, room - x, TUI_NORMAL, "%llu",
                       (unsigned long long)tui_app_chain_id(app));
    }
    if (s) {
        x += tui_print(stdscr, 0, x, room - x, TUI_DIM, "  block ");
        x += tui_print(stdscr, 0, x, room - x, TUI_NORMAL, "#%llu",
                       (unsigned long long)s->block);
    }
    /* The node last: a long address is what gets shortened. */
    x += tui_print(stdscr, 0, x, room - x, TUI_DIM, "  node ");
    tui_print(stdscr, 0, x, room - x, TUI_NORMAL, "%s", tui_app_node(app));
    tui_print(stdscr, 0, W - sw, sw, style, "%s", status);
    header_account(app, W);
    tui_hline(stdscr, 2, 0, W);
}

static int sidebar_rows(void) { return LINES - TUI_HEADER_H - TUI_BOTTOM_H; }

void tui_chrome_sidebar(const tui_chrome *c)
{
    int H = sidebar_rows();
    for (size_t i = 0; i < c->npages && (int)i < H; i++)
        tui_print(stdscr, TUI_HEADER_H + (int)i, 0, TUI_SIDEBAR_W - 1,
                  i == c->page ? TUI_SELECTED : TUI_NORMAL, " %c %-*s", page_key(i),
                  TUI_SIDEBAR_W - 4, c->pages[i].title);
    tui_vline(stdscr, TUI_HEADER_H, TUI_SIDEBAR_W - 1, H);
}

int tui_chrome_sidebar_hit(const tui_chrome *c, int y, int x)
{
    int i = y - TUI_HEADER_H;
    if (x < 0 || x >= TUI_SIDEBAR_W - 1 || i < 0 || i >= sidebar_rows() || (size_t)i >= c->npages)
        return -1;
    return i;
}

void tui_chrome_bottom(const tui_app *app, const tui_chrome *c)
{
    int y = LINES - TUI_BOTTOM_H;
    size_t pending = 0;
    for (size_t i = 0; i < tui_app_tx_count(app); i++) {
        tui_tx_state st = tui_app_tx_at(app, i)->state;
        pending += st == TUI_TX_PENDING || st == TUI_TX_SIGNING;
    }
    int x = 0;
    if (pending)
        x = tui_print(stdscr, y, 0, COLS, TUI_WARN, "%s %zu pending  ",
                      tui_spinner(c->now_ms), pending);
    tui_print(stdscr, y, x, COLS - x, c->message_error ? TUI_BAD : TUI_NORMAL, "%s", c->message);

    const char *hints = c->pages[c->page].hints ? c->pages[c->page].hints : "";
    x = tui_print(stdscr, y + 1, 0, COLS, TUI_DIM, "%s  ", SHELL_HINTS);
    span first = { 0, 0 };
    int room = COLS - x, n = wrap(hints, "  ", room, &first, 1);
    if (n > 1)
        n = wrap(hints, "  ", room - (int)strlen(MORE), &first, 1);
    x += tui_print(stdscr, y + 1, x, COLS - x, TUI_ACCENT, "%.*s", first.len, hints + first.at);
    if (n > 1)
        tui_print(stdscr, y + 1, COLS - (int)strlen(MORE), (int)strlen(MORE), TUI_DIM, MORE);
}

/* Prints text wrapped at sep in the w columns at (y, x); returns the lines. */
static int print_wrapped(int y, int x, int w, tui_style s, const char *text, const char *sep)
{
    span lines[32];
    int n = wrap(text, sep, w, lines, 32);
    for (int i = 0; i < n && i < 32; i++)
        tui_print(stdscr, y + i, x, w, s, "%.*s", lines[i].len, text + lines[i].at);
    return n < 32 ? n : 32;
}

void tui_chrome_help(const tui_chrome *c)
{
    const tui_page *p = &c->pages[c->page];
    char page[512], pages[256] = "", stats[160];
    snprintf(page, sizeof page, "This page, %s:  %s", p->title,
             p->hints && p->hints[0] ? p->hints : "no keys of its own");
    size_t used = 0;
    for (size_t i = 0; i < c->npages && used < sizeof pages; i++)
        used += (size_t)snprintf(pages + used, sizeof pages - used, "%c %s  ", page_key(i),
                                 c->pages[i].title);
    snprintf(stats, sizeof stats,
             "requests %lu (polls included), last refresh %lu, first page after %lu ms",
             c->requests, c->requests_refresh, c->first_page_ms);
    /* The speed figures bench/tui-scale.sh reads: a refresh's parts, and
     * each page's draw as "N last/max" (never split across lines). */
    char refresh[128], parts[96], list[480], draws[512];
    tui_counters_refresh(c->counters, parts, sizeof parts);
    snprintf(refresh, sizeof refresh, "last refresh %s, %zu txs", parts, c->past_txs);
    tui_counters_draws(c->counters, 0, c->npages, c->npages, list, sizeof list);
    snprintf(draws, sizeof draws, "draw ms last/max  %s", list);
    int w = COLS - 4 > 76 ? 76 : COLS - 4, tw = w - 4;
    span scratch[32];
    int h = 4 + wrap(SHELL_KEYS, "  ", tw, scratch, 32) + 1 + wrap(page, "  ", tw, scratch, 32) +
            1 + wrap(pages, "  ", tw, scratch, 32) + 1 + wrap(stats, " ", tw, scratch, 32) +
            wrap(refresh, " ", tw, scratch, 32) + wrap(draws, "  ", tw, scratch, 32);
    int y, x;
    tui_box(stdscr, h, w, "Help (any key closes)", &y, &x);
    int r = y + 2;
    r += print_wrapped(r, x + 2, tw, TUI_NORMAL, SHELL_KEYS, "  ") + 1;
    r += print_wrapped(r, x + 2, tw, TUI_ACCENT, page, "  ") + 1;
    r += print_wrapped(r, x + 2, tw, TUI_DIM, pages, "  ") + 1;
    r += print_wrapped(r, x + 2, tw, TUI_DIM, stats, " ");
    r += print_wrapped(r, x + 2, tw, TUI_DIM, refresh, " ");
    print_wrapped(r, x + 2, tw, TUI_DIM, draws, "  ");
}

void tui_chrome_waiting(const char *title, const char *what, unsigned long now_ms)
{
    int y, x;
    tui_box(stdscr, 5, 50, title, &y, &x);
    tui_print(stdscr, y + 2, x + 2, 46, TUI_WARN, "%s %s", tui_spinner(now_ms), what);
}

/* Where the confirmation dialog and its buttons go. */
typedef struct confirm_layout {
    int y, x, h, w, vx, vw; /* box; values' column and width */
    int by, sign_x, cancel_x;
} confirm_layout;

static int line_rows(const tui_action_line *l, const confirm_layout *g, span *out, int max)
{
    int w = l->label[0] ? g->vw : g->w - 6;
    return wrap(l->value, " ", w, out, max);
}

static confirm_layout confirm_place(const tui_action_line *lines, size_t n)
{
    confirm_layout g = { 0 };
    g.w = COLS - 4 > CONFIRM_MAX_W ? CONFIRM_MAX_W : COLS - 4;
    g.vw = g.w - CONFIRM_LABEL_W - 4;
    span scratch[16];
    g.h = 5; /* frame, a blank line above the values and one above the buttons */
    for (size_t i = 0; i < n; i++)
        g.h += line_rows(&lines[i], &g, scratch, 16);
    if (g.h > LINES)
        g.h = LINES;
    g.y = (LINES - g.h) / 2;
    g.x = (COLS - g.w) / 2;
    g.vx = g.x + 2 + CONFIRM_LABEL_W;
    g.by = g.y + g.h - 2;
    g.sign_x = g.x + 2;
    g.cancel_x = g.sign_x + (int)strlen(SIGN_BUTTON) + BUTTON_GAP;
    return g;
}

void tui_chrome_confirm(const tui_action_line *lines, size_t n)
{
    confirm_layout g = confirm_place(lines, n);
    int y, x;
    tui_box(stdscr, g.h, g.w, "Sign and send this transaction?", &y, &x);
    int r = g.y + 2;
    for (size_t i = 0; i < n && r < g.by - 1; i++) {
        const tui_action_line *l = &lines[i];
        span rows[16];
        int k = line_rows(l, &g, rows, 16);
        int vx = l->label[0] ? g.vx : g.x + 4, vw = l->label[0] ? g.vw : g.w - 6;
        if (l->label[0])
            tui_print(stdscr, r, g.x + 2, CONFIRM_LABEL_W, TUI_DIM, "%s", l->label);
        for (int j = 0; j < k && j < 16 && r < g.by - 1; j++, r++)
            tui_print(stdscr, r, vx, vw,
                      l->warning ? TUI_WARN : l->emphasis ? TUI_ACCENT : TUI_NORMAL, "%.*s",
                      rows[j].len, l->value + rows[j].at);
    }
    tui_print(stdscr, g.by, g.sign_x, (int)strlen(SIGN_BUTTON), TUI_SELECTED, SIGN_BUTTON);
    tui_print(stdscr, g.by, g.cancel_x, (int)strlen(CANCEL_BUTTON), TUI_SELECTED, CANCEL_BUTTON);
    tui_print(stdscr, g.by, g.cancel_x + (int)strlen(CANCEL_BUTTON) + 2,
              g.x + g.w - 2 - (g.cancel_x + (int)strlen(CANCEL_BUTTON) + 2), TUI_DIM,
              "or Esc");
}

tui_hit tui_chrome_confirm_hit(const tui_action_line *lines, size_t n, int y, int x)
{
    confirm_layout g = confirm_place(lines, n);
    if (y != g.by)
        return TUI_HIT_NONE;
    if (x >= g.sign_x && x < g.sign_x + (int)strlen(SIGN_BUTTON))
        return TUI_HIT_SIGN;
    if (x >= g.cancel_x && x < g.cancel_x + (int)strlen(CANCEL_BUTTON))
        return TUI_HIT_CANCEL;
    return TUI_HIT_NONE;
}
