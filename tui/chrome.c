#include "tui/chrome.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "tui/table_draw.h"
#include "tui/ui.h"
#include "wallet/roles.h"

#define SHELL_HINTS "1-9 0/Tab page  F1 help  F10 quit"
#define MORE " F1 more"
/* Every key of the shell, for the help dialog: one line each, the keys
 * and their meaning two spaces apart, so a key never wraps away from it. */
#define SHELL_KEYS                                                                          \
    "1-9 0  page 1 to 10\n"                                                                 \
    "Tab Shift-Tab ] [ Right Left  next or previous page\n"                                 \
    "Up Down j k  choose a line\n"                                                          \
    "PgUp PgDn g G Home End  scroll the page's list, to its top, to its end\n"             \
    "/  filter the page's list (Esc clears the filter)\n"                                   \
    "r Ctrl-L  read the chain again and redraw\n"                                           \
    "Y  copy the address, hash or amount under the cursor to the clipboard\n"              \
    "F1 ?  this help\n"                                                                     \
    "F10 q  quit\n"                                                                         \
    "Mouse: click a page in the sidebar or a line of the page; the wheel scrolls\n"         \
    "In forms: Enter next or submit, Tab move, Esc cancel"

/* The speed figures (requests, refresh and draw times) are for bench/
 * (POWERCHAIN_TUI_TIMERS=1), not for the person at the keyboard. */
static bool timers_shown(void)
{
    const char *v = getenv("POWERCHAIN_TUI_TIMERS");
    return v && v[0] && strcmp(v, "0") != 0;
}

bool tui_chrome_fits(void) { return COLS >= TUI_MIN_W && LINES >= TUI_MIN_H; }

void tui_chrome_too_small(void)
{
    char text[160];
    snprintf(text, sizeof text,
             "powerchain needs %dx%d; this terminal is %dx%d. Enlarge it, or press q to quit.",
             TUI_MIN_W, TUI_MIN_H, COLS, LINES);
    tui_text(stdscr, 0, 0, COLS, 0, LINES, TUI_WARN, NULL, text);
}

int tui_chrome_page_key(int ch)
{
    if (ch >= '1' && ch <= '9')
        return ch - '1';
    return ch == '0' ? 9 : -1;
}

char tui_chrome_page_char(size_t i) { return i < 9 ? (char)('1' + i) : i == 9 ? '0' : ' '; }

/* ---- one line of items, laid out by the table writer ---- */

#define LINE_ITEMS 8

typedef struct line_item {
    const char *forms[TABLE_FORMS]; /* from wide to narrow; forms[0] at least */
    int priority;
    bool keep;                      /* never hidden */
    bool right;                     /* takes the rest of the line, right-aligned */
    tui_style style;
} line_item;

/* Draws items on row y across the screen, two spaces apart: the lowest
 * priorities shorten, then go, until the rest fits (tui/table.h). */
static void draw_line(int y, const line_item *items, size_t n)
{
    table_col cols[LINE_ITEMS] = { { 0 } };
    const char *texts[LINE_ITEMS];
    tui_style styles[LINE_ITEMS];
    for (size_t i = 0; i < n && i < LINE_ITEMS; i++) {
        table_col *c = &cols[i];
        c->priority = items[i].priority;
        c->keep = items[i].keep;
        c->fill = items[i].right;
        c->align = items[i].right ? TABLE_RIGHT : TABLE_LEFT;
        while (c->nforms < TABLE_FORMS && items[i].forms[c->nforms])
            table_col_see(c, c->nforms, items[i].forms[c->nforms]), c->nforms++;
        c->min = items[i].right ? c->width[0] : 0;
        styles[i] = items[i].style;
    }
    table_layout l;
    table_fit(cols, n, COLS, 2, 2, &l);
    for (size_t i = 0; i < n && i < LINE_ITEMS; i++)
        texts[i] = table_shown(&l, i) ? items[i].forms[l.form[i]] : NULL;
    tui_table_row(stdscr, y, 0, y + 1, &l, texts, styles);
}

/* ---- the header ---- */

/* What the header says, whoever gathered it. */
typedef struct header_facts {
    bool has_chain, has_block, connected, ever_connected, has_account, has_past;
    uint64_t chain_id, block;
    unsigned long age_s;            /* of the snapshot, while disconnected */
    const char *node;
    const char *name;               /* the account's, or "" */
    eth_address account;
    unsigned roles;
    bool roles_known;               /* a snapshot was read */
    const char *past_problem;
    bool offline;                   /* no node yet: the index's past, as of */
    uint64_t past_head, past_as_of;
    const char *chain_problem;
    unsigned unlocked_s;            /* 0: locked */
    unsigned long now_ms;
} header_facts;

void tui_chrome_offline_text(uint64_t head, uint64_t as_of, char *out, size_t cap)
{
    char when[32] = "";
    time_t t = (time_t)as_of;
    struct tm tm;
    if (localtime_r(&t, &tm))
        strftime(when, sizeof when, "%Y-%m-%d %H:%M", &tm);
    snprintf(out, cap, "offline, as of block #%llu (%s)", (unsigned long long)head, when);
}

static void header_first_line(const header_facts *h)
{
    char chain[40], block[80], node[300], status[PC_ERROR_MSG_MAX];
    line_item items[LINE_ITEMS];
    size_t n = 0;
    items[n++] = (line_item){ { "PowerChain" }, 5, false, false, TUI_TITLE };
    snprintf(chain, sizeof chain, "chain %llu", (unsigned long long)h->chain_id);
    if (h->has_chain)
        items[n++] = (line_item){ { chain }, 7, true, false, TUI_NORMAL };
    /* While disconnected the block says how old the figures are; before
     * any node answered, the index's past is what there is. */
    if (h->offline)
        tui_chrome_offline_text(h->past_head, h->past_as_of, block, sizeof block);
    else if (h->connected || !h->ever_connected)
        snprintf(block, sizeof block, "block #%llu", (unsigned long long)h->block);
    else
        snprintf(block, sizeof block, "as of block #%llu, %lu s ago",
                 (unsigned long long)h->block, h->age_s);
    if (h->has_block || h->offline)
        items[n++] = (line_item){ { block }, 8, true, false, h->connected ? TUI_NORMAL : TUI_WARN };
    snprintf(node, sizeof node, "node %s", h->node);
    items[n++] = (line_item){ { node }, 2, false, false, TUI_DIM };
    tui_style st = TUI_GOOD;
    if (h->connected && h->chain_problem[0])
        snprintf(status, sizeof status, "%s", h->chain_problem), st = TUI_BAD;
    else if (h->connected)
        snprintf(status, sizeof status, "connected");
    else if (h->ever_connected)
        snprintf(status, sizeof status, "disconnected, retrying"), st = TUI_BAD;
    else
        snprintf(status, sizeof status, "connecting %s", tui_spinner(h->now_ms)), st = TUI_WARN;
    items[n++] = (line_item){ { status }, 10, true, true, st };
    draw_line(0, items, n);
}

static void header_second_line(const header_facts *h)
{
    line_item items[LINE_ITEMS];
    size_t n = 0;
    char full[ETH_ADDRESS_TEXT_LEN + 72], named[ETH_ADDRESS_TEXT_LEN + 72], short_a[16];
    if (!h->has_account) {
        items[n++] = (line_item){ { "no account (read only): see 7 Accounts" }, 9, true, false,
                                  TUI_WARN };
    } else {
        /* The name with the whole address, with the short one, then the
         * short address alone. */
        char cs[ETH_ADDRESS_TEXT_LEN];
        eth_address_to_checksum(&h->account, cs);
        snprintf(short_a, sizeof short_a, "%.6s..%s", cs, cs + 38);
        snprintf(full, sizeof full, "%s%s%s", h->name, h->name[0] ? " " : "", cs);
        snprintf(named, sizeof named, "%s%s%s", h->name, h->name[0] ? " " : "", short_a);
        items[n++] = (line_item){ { full, named, short_a }, 3, true, false, TUI_NORMAL };
    }
    char roles[64] = "", owners[64] = "", unlocked[32];
    if (h->has_account && h->roles_known) {
        static const struct { unsigned bit; const char *word; } ROLES[] = {
            { WALLET_ROLE_VOTER, "voter" }, { WALLET_ROLE_BANKER, "banker" },
            { WALLET_ROLE_UNIT, "storage-unit" }, { WALLET_ROLE_UNIT_OWNER, "unit-owner" },
        };
        for (size_t i = 0; i < sizeof ROLES / sizeof ROLES[0]; i++)
            if (h->roles & ROLES[i].bit)
                snprintf(roles + strlen(roles), sizeof roles - strlen(roles), "%s%s",
                         roles[0] ? " " : "", ROLES[i].word);
        items[n++] = (line_item){ { roles[0] ? roles : "user" }, 9, true, false, TUI_GOOD };
        /* Owners are known only from the history index. */
        if (!h->has_past) {
            snprintf(owners, sizeof owners, "unit owner %s",
                     h->past_problem[0] ? "unknown: see 9 Activity" : "not known yet");
            items[n++] = (line_item){ { owners }, 1, false, false, TUI_WARN };
        }
    }
    if (h->unlocked_s) {
        snprintf(unlocked, sizeof unlocked, "unlocked %u:%02u", h->unlocked_s / 60,
                 h->unlocked_s % 60);
        items[n++] = (line_item){ { unlocked }, 6, true, true, TUI_WARN };
    }
    draw_line(1, items, n);
}

void tui_chrome_header(const tui_chrome *c)
{
    const wallet_state *s = c->snap;
    const tui_wallet *w = c->wallet;
    header_facts h = {
        .has_chain = c->chain_id != 0, .chain_id = c->chain_id,
        .has_block = s != NULL, .block = s ? s->block : 0,
        .connected = c->connected, .ever_connected = c->ever_connected,
        .age_s = (c->now_ms - c->snapshot_ms) / 1000, .node = c->node,
        .name = tui_wallet_name(w), .roles = c->roles, .roles_known = s != NULL,
        .has_past = c->has_past, .past_problem = c->past_problem,
        .offline = !c->ever_connected && c->has_past && c->past_offline,
        .past_head = c->past_head, .past_as_of = c->past_as_of,
        .chain_problem = c->chain_problem ? c->chain_problem : "",
        .unlocked_s = tui_wallet_unlocked_for(w), .now_ms = c->now_ms,
    };
    h.has_account = tui_wallet_address(w, &h.account);
    if (!h.name[0] && h.has_account && names_lookup(c->book, &h.account))
        h.name = names_lookup(c->book, &h.account);
    header_first_line(&h);
    header_second_line(&h);
    tui_hline(stdscr, 2, 0, COLS);
}

/* ---- the bottom: message and hints ---- */

#define PENDING_TEXT 32

static void pending_text(const tui_chrome *c, char out[PENDING_TEXT])
{
    out[0] = '\0';
    if (c->pending)
        snprintf(out, PENDING_TEXT, "%s %zu pending  ", tui_spinner(c->now_ms), c->pending);
}

/* The message's lines after the pending count (0 for none): as many as it
 * needs, up to a third of the screen below the header. */
static int message_lines(const tui_chrome *c, table_span *spans, int max)
{
    char pending[PENDING_TEXT];
    pending_text(c, pending);
    int first = COLS - table_text_width(pending);
    int n = table_wrap(c->message ? c->message : "", first, COLS - 2, "; ", spans, max);
    int most = (LINES - TUI_HEADER_H) / 3;
    return n > most ? most : n;
}

int tui_chrome_bottom_rows(const tui_chrome *c)
{
    int n = message_lines(c, NULL, 0);
    return 1 + (n < 1 ? 1 : n);
}

void tui_chrome_page_area(const tui_chrome *c, int *y, int *x, int *h, int *w)
{
    *y = TUI_HEADER_H;
    *x = TUI_SIDEBAR_W + 1;
    *h = LINES - TUI_HEADER_H - tui_chrome_bottom_rows(c);
    *w = COLS - TUI_SIDEBAR_W - 1;
}

static int sidebar_rows(const tui_chrome *c)
{
    return LINES - TUI_HEADER_H - tui_chrome_bottom_rows(c);
}

/* The items waiting on page p: the sum of its kinds' counts. */
static size_t page_waits(const tui_chrome *c, const tui_page *p)
{
    size_t n = 0;
    for (int k = 0; c->waiting && k < WAITING_KINDS; k++)
        if (p->waits & (1u << k))
            n += c->waiting[k];
    return n;
}

void tui_chrome_sidebar(const tui_chrome *c)
{
    int H = sidebar_rows(c);
    for (size_t i = 0; i < c->npages && (int)i < H; i++) {
        char title[TUI_SIDEBAR_W * 4];
        size_t n = page_waits(c, &c->pages[i]);
        if (n)
            snprintf(title, sizeof title, "%s (%zu)", c->pages[i].title, n);
        else
            snprintf(title, sizeof title, "%s", c->pages[i].title);
        tui_print(stdscr, TUI_HEADER_H + (int)i, 0, TUI_SIDEBAR_W - 1,
                  i == c->page ? TUI_SELECTED : TUI_NORMAL, " %c %-*s", tui_chrome_page_char(i),
                  TUI_SIDEBAR_W - 4, title);
    }
    tui_vline(stdscr, TUI_HEADER_H, TUI_SIDEBAR_W - 1, H);
}

int tui_chrome_sidebar_hit(const tui_chrome *c, int y, int x)
{
    int i = y - TUI_HEADER_H;
    if (x < 0 || x >= TUI_SIDEBAR_W - 1 || i < 0 || i >= sidebar_rows(c) ||
        (size_t)i >= c->npages)
        return -1;
    return i;
}

/* The current page's keys as they stand now. */
static const char *page_hints(const tui_chrome *c)
{
    const char *h = c->hints ? c->hints : c->pages[c->page].hints;
    return h ? h : "";
}

void tui_chrome_bottom(const tui_chrome *c)
{
    enum { MAX_LINES = 24 };
    table_span spans[MAX_LINES];
    char pending[PENDING_TEXT];
    pending_text(c, pending);
    int rows = message_lines(c, spans, MAX_LINES), y = LINES - tui_chrome_bottom_rows(c);
    int x = tui_print(stdscr, y, 0, 0, TUI_WARN, "%s", pending);
    const char *m = c->message ? c->message : "";
    for (int k = 0; k < rows && k < MAX_LINES; k++) {
        int at = k ? 2 : x;
        if (k && spans[k - 1].cont)
            tui_ui_trace_cont(stdscr, y + k - 1, (k > 1 ? 2 : x) + spans[k - 1].cols,
                              k > 1 ? COLS - 2 : COLS - x, y + k, at);
        tui_print(stdscr, y + k, at, spans[k].cols, c->message_error ? TUI_BAD : TUI_NORMAL,
                  "%.*s", spans[k].len, m + spans[k].at);
    }

    /* The shell's keys, then as many whole hints of the page as fit. */
    const char *hints = page_hints(c);
    x = tui_print(stdscr, LINES - 1, 0, 0, TUI_DIM, "%s  ", SHELL_HINTS);
    table_span first = { 0, 0, 0, false };
    int room = COLS - x, n = table_wrap(hints, room, room, "  ", &first, 1);
    if (n > 1)
        n = table_wrap(hints, room - (int)strlen(MORE), room, "  ", &first, 1);
    /* A hint too long for the room is left to the help, not cut. */
    const char *after = hints + first.at + first.len;
    if (*after && strncmp(after, "  ", 2) != 0)
        first.len = first.cols = 0;
    tui_print(stdscr, LINES - 1, x, first.cols, TUI_ACCENT, "%.*s", first.len, hints + first.at);
    if (n > 1)
        tui_print(stdscr, LINES - 1, COLS - (int)strlen(MORE), (int)strlen(MORE), TUI_DIM, MORE);
}

void tui_chrome_help(const tui_chrome *c)
{
    const tui_page *p = &c->pages[c->page];
    char page[512], pages[256] = "", stats[160];
    snprintf(page, sizeof page, "This page, %s:  %s", p->title,
             page_hints(c)[0] ? page_hints(c) : "no keys of its own");
    size_t used = 0;
    for (size_t i = 0; i < c->npages && used < sizeof pages; i++)
        used += (size_t)snprintf(pages + used, sizeof pages - used, "%c %s  ", tui_chrome_page_char(i),
                                 c->pages[i].title);
    snprintf(stats, sizeof stats,
             "requests %lu (polls included), last refresh %lu, first page after %lu ms",
             c->requests, c->requests_refresh, c->first_page_ms);
    /* The speed figures bench/tui-scale.sh reads: a refresh's parts, and
     * each page's draw as "N last/max" (never split across lines). */
    char refresh[160], parts[96], list[480], draws[512];
    tui_counters_refresh(c->counters, parts, sizeof parts);
    snprintf(refresh, sizeof refresh, "last refresh %s, %zu txs, index read whole %lu times",
             parts, c->past_txs, c->counters->whole_reads);
    tui_counters_draws(c->counters, 0, c->npages, c->npages, list, sizeof list);
    snprintf(draws, sizeof draws, "draw ms last/max  %s", list);
    int w = COLS - 4 > 76 ? 76 : COLS - 4, tw = w - 4;
    static const struct { tui_style style; const char *sep; int gap; } PARTS[] = {
        { TUI_NORMAL, NULL, 1 }, { TUI_ACCENT, "  ", 1 }, { TUI_DIM, "  ", 1 },
        { TUI_DIM, " ", 0 },     { TUI_DIM, " ", 0 },     { TUI_DIM, "  ", 0 },
    };
    const char *texts[] = { SHELL_KEYS, page, pages, stats, refresh, draws };
    size_t ntexts = timers_shown() ? sizeof texts / sizeof texts[0] : 3;
    int h = 4;
    for (size_t i = 0; i < ntexts; i++)
        h += tui_text_rows(tw, 0, PARTS[i].sep, texts[i]) + PARTS[i].gap;
    int y, x;
    tui_box(stdscr, h, w, "Help (any key closes)", &y, &x);
    int r = y + 2;
    for (size_t i = 0; i < ntexts; i++)
        r += tui_text(stdscr, r, x + 2, tw, 0, y + h - 1, PARTS[i].style, PARTS[i].sep,
                      texts[i]) +
             PARTS[i].gap;
}

void tui_chrome_waiting(const char *title, const char *what, unsigned long now_ms)
{
    int y, x;
    tui_box(stdscr, 5, 50, title, &y, &x);
    tui_print(stdscr, y + 2, x + 2, 46, TUI_WARN, "%s %s", tui_spinner(now_ms), what);
}
