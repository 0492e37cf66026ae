#include "tui/chrome.h"

#include <stdio.h>
#include <string.h>

#include "tui/ui.h"
#include "wallet/roles.h"

#define SHELL_HINTS "1-9 0/Tab page  F1 help  F10 quit"
#define MORE " F1 more"
/* Every key of the shell, for the help dialog; items apart by two spaces. */
#define SHELL_KEYS                                                                          \
    "1-9 0  page 1 to 10  Tab Shift-Tab ] [ Right Left  next or previous page  "            \
    "Up Down  choose a line  PgUp PgDn  scroll the page's list  "                           \
    "r Ctrl-L  read the chain again and redraw  F1 ?  this help  F10 q  quit  "             \
    "Mouse: click a page in the sidebar or a line of the page; the wheel scrolls  "         \
    "In forms: Enter next or submit, Tab move, Esc cancel"

bool tui_chrome_fits(void) { return COLS >= TUI_MIN_W && LINES >= TUI_MIN_H; }

void tui_chrome_too_small(void)
{
    char text[160];
    tui_span lines[40];
    snprintf(text, sizeof text,
             "powerchain needs %dx%d; this terminal is %dx%d. Enlarge it, or press q to quit.",
             TUI_MIN_W, TUI_MIN_H, COLS, LINES);
    int n = tui_wrap(text, " ", COLS, lines, 40);
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
static void header_status(const tui_chrome *c, char *out, size_t cap, tui_style *style)
{
    const wallet_state *s = c->snap;
    if (c->connected) {
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

static void header_account(const tui_chrome *c, int W)
{
    eth_address a;
    const tui_wallet *w = c->wallet;
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
    if (c->snap) {
        unsigned roles = c->roles;
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
        if (!c->has_past)
            tui_print(stdscr, 1, x, room - x, TUI_WARN, "  unit owner %s",
                      c->past_problem[0] ? "unknown: see 9 Activity" : "not known yet");
    }
    if (left)
        tui_print(stdscr, 1, W - 16, 16, TUI_WARN, "unlocked %u:%02u", left / 60, left % 60);
}

void tui_chrome_header(const tui_chrome *c)
{
    int W = COLS;
    const wallet_state *s = c->snap;
    char status[128];
    tui_style style;
    header_status(c, status, sizeof status, &style);
    int sw = (int)strlen(status), room = W - sw - 2;
    int x = tui_print(stdscr, 0, 0, room, TUI_TITLE, "PowerChain");
    if (c->chain_id) {
        x += tui_print(stdscr, 0, x, room - x, TUI_DIM, "  chain ");
        x += tui_print(stdscr, 0, x, room - x, TUI_NORMAL, "%llu",
                       (unsigned long long)c->chain_id);
    }
    if (s) {
        x += tui_print(stdscr, 0, x, room - x, TUI_DIM, "  block ");
        x += tui_print(stdscr, 0, x, room - x, TUI_NORMAL, "#%llu",
                       (unsigned long long)s->block);
    }
    /* The node last: a long address is what gets shortened. */
    x += tui_print(stdscr, 0, x, room - x, TUI_DIM, "  node ");
    tui_print(stdscr, 0, x, room - x, TUI_NORMAL, "%s", c->node);
    tui_print(stdscr, 0, W - sw, sw, style, "%s", status);
    header_account(c, W);
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

void tui_chrome_bottom(const tui_chrome *c)
{
    int y = LINES - TUI_BOTTOM_H;
    int x = 0;
    if (c->pending)
        x = tui_print(stdscr, y, 0, COLS, TUI_WARN, "%s %zu pending  ",
                      tui_spinner(c->now_ms), c->pending);
    tui_print(stdscr, y, x, COLS - x, c->message_error ? TUI_BAD : TUI_NORMAL, "%s", c->message);

    const char *hints = c->pages[c->page].hints ? c->pages[c->page].hints : "";
    x = tui_print(stdscr, y + 1, 0, COLS, TUI_DIM, "%s  ", SHELL_HINTS);
    tui_span first = { 0, 0 };
    int room = COLS - x, n = tui_wrap(hints, "  ", room, &first, 1);
    if (n > 1)
        n = tui_wrap(hints, "  ", room - (int)strlen(MORE), &first, 1);
    x += tui_print(stdscr, y + 1, x, COLS - x, TUI_ACCENT, "%.*s", first.len, hints + first.at);
    if (n > 1)
        tui_print(stdscr, y + 1, COLS - (int)strlen(MORE), (int)strlen(MORE), TUI_DIM, MORE);
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
    tui_span scratch[32];
    int h = 4 + tui_wrap(SHELL_KEYS, "  ", tw, scratch, 32) + 1 + tui_wrap(page, "  ", tw, scratch, 32) +
            1 + tui_wrap(pages, "  ", tw, scratch, 32) + 1 + tui_wrap(stats, " ", tw, scratch, 32) +
            tui_wrap(refresh, " ", tw, scratch, 32) + tui_wrap(draws, "  ", tw, scratch, 32);
    int y, x;
    tui_box(stdscr, h, w, "Help (any key closes)", &y, &x);
    int r = y + 2;
    r += tui_print_wrapped(r, x + 2, tw, TUI_NORMAL, SHELL_KEYS, "  ") + 1;
    r += tui_print_wrapped(r, x + 2, tw, TUI_ACCENT, page, "  ") + 1;
    r += tui_print_wrapped(r, x + 2, tw, TUI_DIM, pages, "  ") + 1;
    r += tui_print_wrapped(r, x + 2, tw, TUI_DIM, stats, " ");
    r += tui_print_wrapped(r, x + 2, tw, TUI_DIM, refresh, " ");
    tui_print_wrapped(r, x + 2, tw, TUI_DIM, draws, "  ");
}

void tui_chrome_waiting(const char *title, const char *what, unsigned long now_ms)
{
    int y, x;
    tui_box(stdscr, 5, 50, title, &y, &x);
    tui_print(stdscr, y + 2, x + 2, 46, TUI_WARN, "%s %s", tui_spinner(now_ms), what);
}

