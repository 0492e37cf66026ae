/* The screen checker: every page, its forms, the dialogs and the header,
 * drawn by the real drawing code (screens/, tui/chrome.c, tui/form.c) on
 * states built here (tests/tui/screen_states.c: a demo-like one, an
 * adversarial one, an empty one) at widths 80, 81, 100, 120, 160, 200 and
 * 240 and heights 24, 30 and 50, into an ncurses screen that is never
 * shown (newterm on /dev/null), then read back cell by cell. Each screen:
 *
 *   - no text was cut: every tui_print drew all it was given, inside its
 *     window (tui/ui.h's trace tells what each print lost);
 *   - no two texts of one layer overlap, and no two run together (a
 *     letter or digit right against another print's letter or digit);
 *   - every number read on the screen, with the unit after it, is a figure
 *     of the state exactly as it may be written (no digit, decimal or unit
 *     cut); a number broken over lines is read whole; addresses and hashes
 *     in hex are whole;
 *   - a list that cannot show all its entries says "n of m", and after G
 *     its last entry is shown ("m of m").
 *
 * Prints each failure (the first 40 with the screen they are on), and the
 * usual "N passed, N failed". */
#include <dirent.h>
#include <limits.h>
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

#include "../check.h"
#include "rpcclient/units.h"
#include "screen_states.h"
#include "screens/common.h"
#include "screens/screens.h"
#include "tui/chrome.h"
#include "tui/confirm.h"
#include "tui/form.h"
#include "tui/ui.h"

static const int WIDTHS[] = { 80, 81, 100, 120, 160, 200, 240 };
static const int HEIGHTS[] = { 24, 30, 50 };

/* ---- what the drawing code reports ---- */

typedef struct print_rec {
    int y, x, cols, lost, layer;
    char text[48];                 /* its start, to name it in a failure */
} print_rec;

typedef struct cont_rec {
    int y, x_end, width, ny, nx, layer;
} cont_rec;

#define MAX_PRINTS 20000
#define MAX_CONTS 2000

static print_rec g_prints[MAX_PRINTS];
static size_t g_nprints;
static cont_rec g_conts[MAX_CONTS];
static size_t g_nconts;
static int g_layer;

static void on_print(void *ctx, int y, int x, int cols, int lost, const char *text)
{
    (void)ctx;
    if (g_nprints == MAX_PRINTS)
        return;
    print_rec *p = &g_prints[g_nprints++];
    *p = (print_rec){ y, x, cols, lost, g_layer, "" };
    snprintf(p->text, sizeof p->text, "%s", text);
}

static void on_cont(void *ctx, int y, int x_end, int width, int ny, int nx)
{
    (void)ctx;
    if (g_nconts < MAX_CONTS)
        g_conts[g_nconts++] = (cont_rec){ y, x_end, width, ny, nx, g_layer };
}

/* The last box drawn (a dialog's): its numbers are what a dialog check reads. */
static int g_box_y, g_box_x, g_box_h, g_box_w;

/* What a box or an overlay covers is gone: its prints no longer count. */
static void on_cover(void *ctx, int y, int x, int h, int w)
{
    (void)ctx;
    g_box_y = y, g_box_x = x, g_box_h = h, g_box_w = w;
    size_t kept = 0;
    for (size_t i = 0; i < g_nprints; i++) {
        const print_rec *p = &g_prints[i];
        bool under = p->layer == g_layer && p->y >= y && p->y < y + h && p->x >= x &&
                     p->x + p->cols <= x + w;
        if (!under || p->lost)
            g_prints[kept++] = *p;
    }
    g_nprints = kept;
}

static const tui_trace TRACE = { on_print, on_cont, on_cover, NULL };

static void trace_reset(void)
{
    g_nprints = g_nconts = 0;
    g_layer = 0;
}

/* ---- the screen read back ---- */

#define ROW_MAX 1024

typedef struct screen_text {
    int rows, cols;
    char text[64][ROW_MAX];        /* each row as UTF-8 */
    int at[64][260];               /* byte offset of each column in text */
} screen_text;

static screen_text g_screen;
/* Each page's draw times, printed with SCREENCHECK_TIME set. */
static tui_counters g_counters;

static void read_screen(void)
{
    screen_text *s = &g_screen;
    s->rows = LINES < 64 ? LINES : 64;
    s->cols = COLS < 259 ? COLS : 259;
    for (int y = 0; y < s->rows; y++) {
        size_t used = 0;
        for (int x = 0; x < s->cols; x++) {
            cchar_t cc;
            wchar_t wch[CCHARW_MAX + 1] = { 0 };
            attr_t attrs;
            short pair;
            s->at[y][x] = (int)used;
            if (mvwin_wch(stdscr, y, x, &cc) == ERR ||
                getcchar(&cc, wch, &attrs, &pair, NULL) == ERR)
                wch[0] = L' ';
            char mb[MB_LEN_MAX + 1];
            mbstate_t st = { 0 };
            size_t n = 1;
            if (attrs & A_ALTCHARSET)
                mb[0] = '|'; /* a line: no letter, digit or point */
            else
                n = wcrtomb(mb, wch[0], &st);
            if (n == (size_t)-1 || n == 0) {
                mb[0] = '?';
                n = 1;
            }
            if (used + n < ROW_MAX) {
                memcpy(s->text[y] + used, mb, n);
                used += n;
            }
        }
        s->at[y][s->cols] = (int)used;
        s->text[y][used] = '\0';
    }
}

/* ---- failures ---- */

static int g_shown_failures;
static char g_where[256];

static void show_screen(int mark_row)
{
    for (int y = 0; y < g_screen.rows; y++)
        fprintf(stderr, "    %c|%s\n", y == mark_row ? '>' : ' ', g_screen.text[y]);
}

static void fail(int row, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void fail(int row, const char *fmt, ...)
{
    check_failed++;
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "FAIL %s: ", g_where);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    if (g_shown_failures++ < 40)
        show_screen(row);
}

static void pass(void) { check_passed++; }

/* ---- the checks ---- */

static bool alnum_at(int y, int x)
{
    if (y < 0 || y >= g_screen.rows || x < 0 || x >= g_screen.cols)
        return false;
    const char *c = g_screen.text[y] + g_screen.at[y][x];
    return (*c >= '0' && *c <= '9') || (*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z');
}

static void check_prints(int layer)
{
    bool ok = true;
    for (size_t i = 0; i < g_nprints; i++) {
        const print_rec *a = &g_prints[i];
        if (a->layer != layer)
            continue;
        if (a->lost > 0) {
            fail(a->y, "a text cut at row %d, column %d: %d character%s not shown (\"%s...\")",
                 a->y, a->x, a->lost, a->lost == 1 ? "" : "s", a->text);
            ok = false;
        }
        for (size_t j = i + 1; j < g_nprints; j++) {
            const print_rec *b = &g_prints[j];
            if (b->layer != layer || b->y != a->y || b->cols == 0 || a->cols == 0)
                continue;
            if (a->x < b->x + b->cols && b->x < a->x + a->cols) {
                fail(a->y, "two texts overlap on row %d: columns %d-%d and %d-%d", a->y, a->x,
                     a->x + a->cols - 1, b->x, b->x + b->cols - 1);
                ok = false;
            } else if ((a->x + a->cols == b->x && alnum_at(a->y, b->x - 1) &&
                        alnum_at(a->y, b->x)) ||
                       (b->x + b->cols == a->x && alnum_at(a->y, a->x - 1) &&
                        alnum_at(a->y, a->x))) {
                fail(a->y, "two texts run together on row %d at column %d", a->y,
                     a->x + a->cols == b->x ? b->x : a->x);
                ok = false;
            }
        }
    }
    if (ok)
        pass();
}

/* Row y's text from column x on, with any text broken at the end of it
 * continued from where it goes on (recursively), into out. */
static void joined(int layer, int y, int x, char *out, size_t cap, int depth)
{
    const char *row = g_screen.text[y];
    int from = g_screen.at[y][x < g_screen.cols ? x : g_screen.cols];
    for (size_t k = 0; k < g_nconts && depth < 8; k++) {
        const cont_rec *c = &g_conts[k];
        if (c->layer != layer || c->y != y || c->x_end <= x || c->x_end > g_screen.cols || c->ny >= g_screen.rows)
            continue;
        int to = g_screen.at[y][c->x_end];
        size_t n = (size_t)(to - from) < cap - 1 ? (size_t)(to - from) : cap - 1;
        memcpy(out, row + from, n);
        joined(layer, c->ny, c->nx, out + n, cap - n, depth + 1);
        return;
    }
    snprintf(out, cap, "%s", row + from);
}

/* True when (y, x) starts the text a broken one goes on with. */
static bool continues_here(int layer, int y, int x)
{
    for (size_t k = 0; k < g_nconts; k++)
        if (g_conts[k].layer == layer && g_conts[k].ny == y && g_conts[k].nx == x)
            return true;
    return false;
}

static char cell_at(int y, int x)
{
    if (y < 0 || y >= g_screen.rows || x < 0 || x >= g_screen.cols)
        return ' ';
    return g_screen.text[y][g_screen.at[y][x]];
}

/* Only a word longer than its whole line may break between characters. */
static void check_breaks(int layer)
{
    bool ok = true;
    for (size_t k = 0; k < g_nconts; k++) {
        const cont_rec *c = &g_conts[k];
        if (c->layer != layer)
            continue;
        int len = 0;
        for (int x = c->x_end - 1; x >= 0 && cell_at(c->y, x) != ' '; x--)
            len++;
        for (int x = c->nx; x < g_screen.cols && cell_at(c->ny, x) != ' '; x++)
            len++;
        if (len <= c->width) {
            fail(c->y, "a word of %d characters broken between rows %d and %d, on lines %d wide",
                 len, c->y, c->ny, c->width);
            ok = false;
        }
    }
    if (ok)
        pass();
}

static void check_numbers(const figures *figs, int layer, int top, int bottom)
{
    bool ok = true;
    check_breaks(layer);
    for (int y = top; y < bottom && y < g_screen.rows; y++) {
        char line[ROW_MAX * 4];
        joined(layer, y, 0, line, sizeof line, 0);
        size_t len = strlen(line), pos = 0, row_len = strlen(g_screen.text[y]);
        figure fg;
        while (figure_next(line, len, &pos, &fg)) {
            if (fg.at >= row_len)
                break; /* on the next row: read there */
            int x = 0;
            while (x < g_screen.cols && g_screen.at[y][x] < (int)fg.at)
                x++;
            if (continues_here(layer, y, x))
                continue;
            char text[ROW_MAX];
            snprintf(text, sizeof text, "%.*s", (int)fg.len, line + fg.at);
            if (fg.kind == FIGURE_RUNS_ON && !figures_has(figs, text)) {
                fail(y, "a number runs into the text after it: \"%s\"", text);
                ok = false;
            } else if (fg.kind == FIGURE_HEX) {
                if (!figure_hex_whole(line, &fg)) {
                    fail(y, "an address or hash not whole: \"%s\"", text);
                    ok = false;
                }
            } else if (!(fg.integer && fg.len <= 6) && !figures_has(figs, text)) {
                fail(y, "\"%s\" is no figure of the state", text);
                ok = false;
            }
        }
    }
    if (ok)
        pass();
}

static bool screen_has(const char *text, int top, int bottom)
{
    for (int y = top; y < bottom && y < g_screen.rows; y++)
        if (strstr(g_screen.text[y], text))
            return true;
    return false;
}

/* ---- drawing ---- */

typedef struct run {
    world *w;
    const tui_page *pages;
    size_t npages, page;
    void *state;
    WINDOW *win;
    tui_counters counters;
} run;

static tui_chrome chrome_of(run *r, const char *message)
{
    const tui_app *a = &r->w->app;
    size_t pending = 0;
    for (size_t i = 0; i < a->ntxs; i++)
        pending += tui_action_tx_state(&a->txs[i]) <= TUI_TX_PENDING;
    return (tui_chrome){
        .snap = a->snap, .connected = a->connected, .chain_id = a->chain_id, .node = a->node,
        .wallet = &a->wallet, .roles = a->roles, .has_past = a->past != NULL,
        .past_problem = a->past_problem ? a->past_problem : "", .pending = pending,
        .pages = r->pages, .npages = r->npages, .page = r->page,
        .message = message, .message_error = false, .ever_connected = true,
        .now_ms = 52345, .snapshot_ms = 12345, .requests = 12, .requests_refresh = 1,
        .first_page_ms = 95, .counters = &r->counters, .past_txs = r->w->ntxs,
        .hints = r->pages[r->page].hints_now ? r->pages[r->page].hints_now(a) : NULL,
    };
}

/* The whole screen as the shell draws it: header, sidebar, the page in its
 * window, the message and hint lines. */
static void draw_screen(run *r, const char *message)
{
    tui_chrome c = chrome_of(r, message);
    erase();
    trace_reset();
    tui_chrome_header(&c);
    tui_chrome_sidebar(&c);
    int y, x, h, wd;
    tui_chrome_page_area(&c, &y, &x, &h, &wd);
    if (r->win)
        delwin(r->win);
    r->win = derwin(stdscr, h, wd, y, x);
    unsigned long start = tui_counters_clock_us();
    r->pages[r->page].draw(&r->w->app, r->state, r->win);
    tui_counters_drew(&g_counters, r->page, tui_counters_clock_us() - start);
    tui_chrome_bottom(&c);
}

static int page_top(void) { return TUI_HEADER_H; }

/* The entries of a page's list, when it has one. */
static size_t list_total(run *r, const char **what)
{
    const world *w = r->w;
    const char *title = r->pages[r->page].title;
    *what = title;
    if (strcmp(title, "Market") == 0)
        return w->snap->nsells + w->snap->nbuys;
    if (strcmp(title, "Voting") == 0)
        return w->past.governance.nproposals;
    if (strcmp(title, "Energy") == 0)
        return w->snap->nunits;
    if (strcmp(title, "Banker") == 0)
        return w->past.withdrawals.count;
    if (strcmp(title, "Accounts") == 0)
        return w->naccounts;
    if (strcmp(title, "Activity") == 0)
        return w->ntxs + w->nsession;
    if (strcmp(title, "Meter") == 0)
        return screen_unit_events(&w->past, &w->snap->account, NULL, 0);
    return 0;
}

/* SCREENCHECK_SHOW=TEXT prints every screen whose name contains TEXT, to
 * look at by eye ("adversarial 80x24 Market"). */
static void read_and_show(void)
{
    read_screen();
    const char *show = getenv("SCREENCHECK_SHOW");
    if (show && strstr(g_where, show)) {
        printf("---- %s\n", g_where);
        for (int y = 0; y < g_screen.rows; y++)
            printf("%s\n", g_screen.text[y]);
    }
}

/* The keys line: the shell's keys, then the page's hints from the first,
 * each whole (a hint that does not fit is left to the help, never cut). */
static void check_keys_line(run *r)
{
    static const char SHELL[] = "1-9 0/Tab page  F1 help  F10 quit";
    const tui_page *pg = &r->pages[r->page];
    const char *hints = pg->hints_now ? pg->hints_now(&r->w->app) : pg->hints;
    char line[ROW_MAX * 4];
    snprintf(line, sizeof line, "%s", g_screen.text[g_screen.rows - 1]);
    size_t n = strlen(line);
    while (n && line[n - 1] == ' ')
        line[--n] = '\0';
    if (n >= 7 && strcmp(line + n - 7, "F1 more") == 0)
        line[n -= 7] = '\0';
    while (n && line[n - 1] == ' ')
        line[--n] = '\0';
    if (strncmp(line, SHELL, sizeof SHELL - 1) != 0) {
        fail(g_screen.rows - 1, "the keys line does not start with the shell's keys: \"%s\"", line);
        return;
    }
    const char *shown = line + sizeof SHELL - 1;
    shown += strspn(shown, " ");
    size_t len = strlen(shown);
    const char *rest = hints ? hints + len : "";
    if (len && (!hints || strncmp(hints, shown, len) != 0 ||
                (*rest && strncmp(rest, "  ", 2) != 0)))
        fail(g_screen.rows - 1, "the keys line cuts a hint of the page: \"%s\"", shown);
    else
        pass();
}

static void check_page(run *r, const char *what, bool at_end, bool lists)
{
    snprintf(g_where + strlen(g_where), sizeof g_where - strlen(g_where), " %s", what);
    read_and_show();
    check_prints(0);
    check_keys_line(r);
    check_numbers(r->w->figs, 0, 0, g_screen.rows);
    const char *name;
    size_t total = lists ? list_total(r, &name) : 0;
    int h = getmaxy(r->win);
    if (total > (size_t)h) {
        char of[64];
        snprintf(of, sizeof of, "of %zu", total);
        if (screen_has(of, page_top(), page_top() + h))
            pass();
        else
            fail(-1, "%s lists %zu entries in %d rows and does not say \"%s\"", name, total, h,
                 of);
        snprintf(of, sizeof of, "%zu of %zu", total, total);
        if (at_end && !screen_has(of, page_top(), page_top() + h))
            fail(-1, "after G, %s does not show its last entry (\"%s\")", name, of);
    }
}

/* ---- forms and dialogs ---- */

#define TEXT_200                                                                               \
    "wrong password for UTC--2026-11-30T18-05-00.000000000Z--f39fd6e51aad88f6f4ce6ab8827279cf" \
    "ffb92266 (MAC mismatch: the key file or the password is not the one it was made with); "  \
    "try again, or Esc and 7 Accounts to choose another"

/* What a person may type into a field of that kind, at its widest: a
 * name of the address book (the account's), the largest amounts. */
static const char *typed(const world *w, pc_arg_kind k)
{
    static char account[ETH_ADDRESS_TEXT_LEN];
    eth_address named;
    switch (k) {
    case PC_ARG_ADDRESS:
        /* The account's name where the book knows it, else its address. */
        if (names_resolve(w->book, w->app.wallet.name, &named, NULL, NULL) == PC_OK)
            return w->app.wallet.name;
        eth_address_to_checksum(&w->snap->account, account);
        return account;
    case PC_ARG_ENT:
    case PC_ARG_EEURO:
    case PC_ARG_PRICE:
        return "115792089237316195423570985008687907853269984665640564039457.584007913129639935";
    case PC_ARG_WH: return "98765432109886123456789";
    case PC_ARG_SIDE: return "sell";
    case PC_ARG_PARAM_NAME: return "B";
    default: return "1";
    }
}

static tui_form_view form_view(run *r)
{
    return (tui_form_view){ &r->w->app, r->w->app.snap, r->w->app.book };
}

/* The form filled with what a person may type, its reasons and a long
 * note, drawn over the screen; with call, the call it encodes (false when
 * it does not). */
static bool draw_form(run *r, const tui_form_spec *spec, const char *note, tui_call *call)
{
    tui_form f;
    tui_form_view v = form_view(r);
    if (tui_form_init(&f, spec, NULL) != PC_OK)
        return false;
    for (size_t i = 0; i < spec->nfields; i++) {
        /* The form's copy: its argument kinds come from the method table. */
        const tui_field_spec *fs = &f.spec.fields[i];
        /* A preset the page found nothing for (no unit or request chosen)
         * is typed as the others. */
        if (!fs->hidden && fs->type == TUI_FIELD_ARG && (!fs->preset || !f.text[i][0]))
            snprintf(f.text[i], sizeof f.text[i], "%s", typed(r->w, fs->kind));
        world_see(r->w, f.text[i]);
    }
    tui_form_validate(&f, &v);
    for (size_t i = 0; i < spec->nfields; i++)
        world_see(r->w, f.why[i]);
    bool encoded = call && spec->method && tui_form_encode(&f, r->w->book, call, NULL) == PC_OK;
    if (note)
        snprintf(f.note, sizeof f.note, "%s", note);
    if (spec->preview) {
        char preview[200] = "";
        spec->preview(&r->w->app, f.texts, preview, sizeof preview);
        world_see(r->w, preview);
    }
    world_see(r->w, f.note);
    g_layer = 1;
    tui_form_draw(&f, &v, stdscr);
    tui_form_free(&f);
    return encoded;
}

/* The confirmation of that call, with fees and a nonce as large as they
 * come. */
static void draw_confirm(run *r, tui_call *call, bool end)
{
    const world *w = r->w;
    tui_action a = { .state = TUI_ACTION_CONFIRMING, .call = *call };
    a.t.from = w->snap->account;
    a.t.to = *pc_contract_address(w->contract);
    a.tx.type = ETH_TX_EIP1559;
    a.tx.chain_id = 4200;
    a.tx.nonce = 18446744073709551615ull;
    a.tx.gas_limit = 18446744073709551615ull;
    u256 max;
    u256_sub(&max, &(u256){ { 0 } }, &(u256){ { 1 } });
    a.tx.max_fee = max;
    a.tx.max_priority_fee = max;
    tui_confirm_view v = { w->snap, &w->past, w->book, w->app.wallet.name };
    int scroll = end ? INT_MAX : 0;
    tui_confirm_line lines[TUI_CONFIRM_LINES];
    size_t n = tui_confirm_lines(&a, &v, lines);
    for (size_t i = 0; i < n; i++)
        world_see(r->w, lines[i].value);
    g_layer = 1;
    tui_confirm_draw(&a, &v, &scroll);
}

/* Blanks the screen read back outside the last box: what shows of the
 * page beside a dialog is the page's (checked on its own), cut by the box. */
static void keep_box(void)
{
    for (int y = 0; y < g_screen.rows; y++) {
        char row[ROW_MAX];
        size_t used = 0;
        for (int x = 0; x < g_screen.cols; x++) {
            bool in = y >= g_box_y && y < g_box_y + g_box_h && x >= g_box_x &&
                      x < g_box_x + g_box_w;
            const char *c = g_screen.text[y] + g_screen.at[y][x];
            size_t n = (size_t)(g_screen.at[y][x + 1] - g_screen.at[y][x]);
            if (!in)
                c = " ", n = 1;
            if (used + n < sizeof row) {
                memcpy(row + used, c, n);
                g_screen.at[y][x] = (int)used;
                used += n;
            }
        }
        g_screen.at[y][g_screen.cols] = (int)used;
        memcpy(g_screen.text[y], row, used);
        g_screen.text[y][used] = '\0';
    }
}

static void check_dialog(run *r, const char *what)
{
    size_t len = strlen(g_where);
    snprintf(g_where + len, sizeof g_where - len, " %s", what);
    read_and_show();
    check_prints(1);
    keep_box();
    check_numbers(r->w->figs, 1, 0, g_screen.rows);
    g_where[len] = '\0';
}

/* Every key of a page that opens a form. */
static void page_forms(run *r)
{
    static const char KEYS[] = "tewsbxyopadumncfi";
    for (const char *k = KEYS; *k; k++) {
        r->w->app.form_open = false;
        const tui_page *p = &r->pages[r->page];
        if (!p->key || !p->key(&r->w->app, r->state, *k) || !r->w->app.form_open)
            continue;
        char what[48];
        snprintf(what, sizeof what, "form '%c'", *k);
        draw_screen(r, "");
        tui_call call = { 0 };
        bool encoded = draw_form(r, &r->w->app.form, TEXT_200, &call);
        check_dialog(r, what);
        /* Each form of a contract call takes what is typed for its kinds,
         * so that its confirmation is checked too. */
        if (r->w->app.form.method && !encoded)
            fprintf(stderr, "screencheck: %s of page %zu did not encode\n", what, r->page);
        CHECK(!r->w->app.form.method || encoded);
        for (int end = 0; encoded && end < 2; end++) {
            snprintf(what, sizeof what, "confirmation of '%c'%s", *k, end ? " scrolled" : "");
            draw_screen(r, "");
            draw_confirm(r, &call, end);
            check_dialog(r, what);
        }
        bytebuf_free(&call.calldata);
    }
}

static void dialogs(run *r)
{
    tui_chrome c = chrome_of(r, "");
    draw_screen(r, "");
    g_layer = 1;
    tui_chrome_help(&c);
    check_dialog(r, "help");

    draw_screen(r, "");
    g_layer = 1;
    tui_chrome_waiting("Preparing", "asking the node for nonce, gas and fee", 1234);
    check_dialog(r, "waiting");

    tui_form_spec password = {
        .title = "Unlock the account", .nfields = 1,
        .fields = { { .label = "Password", .type = TUI_FIELD_SECRET } },
    };
    draw_screen(r, "");
    draw_form(r, &password, TEXT_200, NULL);
    check_dialog(r, "password");

}

/* ---- the header's states ---- */

static void headers(run *r)
{
    world *w = r->w;
    tui_app saved = w->app;
    static const char *const STATES[] = { "connected", "disconnected", "connecting",
                                          "no account", "key file", "past unknown" };
    world_see(w, "40 s");
    for (size_t k = 0; k < sizeof STATES / sizeof STATES[0]; k++) {
        w->app = saved;
        switch (k) {
        case 1: w->app.connected = false; break;
        case 2: w->app.connected = false, w->app.snap = NULL; break;
        case 3: w->app.wallet.has_account = false; break;
        case 4: w->app.wallet.name = "", w->app.wallet.keystore = false; break;
        case 5: w->app.past = NULL, w->app.past_problem = TEXT_200; break;
        }
        w->app.node = k % 2 ? "https://node1.a-very-long-host-name-of-the-operator.example:8545"
                            : "http://127.0.0.1:8545";
        tui_chrome c = chrome_of(r, TEXT_200);
        c.ever_connected = k != 2;
        erase();
        trace_reset();
        tui_chrome_header(&c);
        tui_chrome_bottom(&c);
        size_t len = strlen(g_where);
        snprintf(g_where + len, sizeof g_where - len, " header %s", STATES[k]);
        read_and_show();
        check_prints(0);
        check_numbers(w->figs, 0, 0, g_screen.rows);
        /* The connection's state is whole on the first line. */
        const char *status = k == 1 ? "disconnected, retrying" : k == 2 ? "connecting" : "connected";
        if (strstr(g_screen.text[0], status))
            pass();
        else
            fail(0, "the header does not say \"%s\"", status);
        g_where[len] = '\0';
    }
    w->app = saved;
}

/* ---- the page in other states of the shell ---- */

/* The page when the history is behind or not read (with a reason of 200
 * characters), while it is being read, when the node lacks every section
 * of the state, offline (pages that draw without a node only), and when
 * the deployment refuses the banker's settling of others' requests (a
 * refusal as long as the answer holds). */
static void variants(run *r)
{
    world *w = r->w;
    const tui_app saved = w->app;
    unsigned missing = w->snap->missing;
    static const char *const NAMES[] = { "history behind", "history unread", "indexing",
                                         "sections missing", "offline", "settling refused" };
    static const char OFFLINE[] = "offline, as of block #98765432 (2026-12-06 11:42)";
    wallet_settle refused = { .burn = "", .unlock = "" };
    memcpy(refused.burn, TEXT_200, sizeof refused.burn - 1); /* as long as it holds */
    memcpy(refused.unlock, refused.burn, sizeof refused.unlock);
    size_t len = strlen(g_where);
    world_see(w, "12345 of 67890");
    world_see(w, OFFLINE);
    world_see(w, refused.burn);
    for (size_t k = 0; k < sizeof NAMES / sizeof NAMES[0]; k++) {
        w->app = saved;
        switch (k) {
        case 0: w->app.past_problem = TEXT_200; break;
        case 1: w->app.past = NULL, w->app.past_problem = TEXT_200; break;
        case 2: w->app.past = NULL, w->app.indexing = true;
                w->app.indexed = 12345, w->app.to_index = 67890; break;
        case 3: w->snap->missing = ~0u; break;
        case 4:
            if (!r->pages[r->page].offline)
                continue;
            w->app.snap = NULL, w->app.offline = OFFLINE, w->app.connected = false;
            break;
        default: w->app.settle = &refused, w->app.roles |= WALLET_ROLE_BANKER; break;
        }
        trace_reset();
        draw_screen(r, "");
        char what[64];
        snprintf(what, sizeof what, "%s, %s", r->pages[r->page].title, NAMES[k]);
        /* Lists not read or not there say so instead of n of m. */
        check_page(r, what, false, k == 0);
        g_where[len] = '\0';
        w->snap->missing = missing;
    }
    w->app = saved;
}

/* ---- the run ---- */

static void check_world(world *w)
{
    size_t npages;
    const tui_page *pages = screens_all(&npages);
    world_see(w, TEXT_200);
    world_see(w, "0.0"); /* the help's draw timers, all zero here */
    world_see(w, "5 min"); /* how long a key stays unlocked */
    for (size_t wi = 0; wi < sizeof WIDTHS / sizeof WIDTHS[0]; wi++)
        for (size_t hi = 0; hi < sizeof HEIGHTS / sizeof HEIGHTS[0]; hi++) {
            resize_term(HEIGHTS[hi], WIDTHS[wi]);
            run r = { .w = w, .pages = pages, .npages = npages };
            snprintf(g_where, sizeof g_where, "%s %dx%d", w->name, WIDTHS[wi], HEIGHTS[hi]);
            /* The frame and the dialogs over the first page, with its state. */
            r.state = pages[0].state_size ? calloc(1, pages[0].state_size) : NULL;
            headers(&r);
            dialogs(&r);
            free(r.state);
            for (size_t p = 0; p < npages; p++) {
                r.page = p;
                r.state = pages[p].state_size ? calloc(1, pages[p].state_size) : NULL;
                size_t len = strlen(g_where);
                trace_reset();
                draw_screen(&r, TEXT_200);
                check_page(&r, pages[p].title, false, true);
                g_where[len] = '\0';
                if (pages[p].key && pages[p].key(&w->app, r.state, 'G')) {
                    trace_reset();
                    draw_screen(&r, "");
                    char what[64];
                    snprintf(what, sizeof what, "%s after G", pages[p].title);
                    check_page(&r, what, true, true);
                    g_where[len] = '\0';
                }
                for (int c = 0; strcmp(pages[p].title, "Charts") == 0 && c < 6; c++) {
                    pages[p].key(&w->app, r.state, 'c');
                    trace_reset();
                    draw_screen(&r, "");
                    char what[64];
                    snprintf(what, sizeof what, "Charts, the next chart (%d)", c + 1);
                    check_page(&r, what, false, true);
                    g_where[len] = '\0';
                }
                if (strcmp(pages[p].title, "Activity") == 0) {
                    for (int k = 0; k < 2; k++) {
                        pages[p].key(&w->app, r.state, k ? 'G' : 'g');
                        pages[p].key(&w->app, r.state, '\n');
                        trace_reset();
                        draw_screen(&r, "");
                        check_page(&r, k ? "the oldest record whole" : "the newest record whole",
                                   false, true);
                        g_where[len] = '\0';
                        pages[p].key(&w->app, r.state, 27);
                    }
                }
                trace_reset();
                page_forms(&r);
                g_where[len] = '\0';
                variants(&r);
                free(r.state);
                r.state = NULL;
            }
            if (r.win)
                delwin(r.win);
        }
}

/* The width the pages measure long lists by, against the text they draw. */
static void check_number_width(void)
{
    static const char *const VALUES[] = {
        "0", "1", "7", "10", "500000000000000000", "999999999999999999", "1000000000000000000",
        "1900000000000000000", "1123456789012345678", "1000000000000000001",
        "100000000000000000000000000000000000000000", "98765432109886123456789012345678",
        "115792089237316195423570985008687907853269984665640564039457584007913129639935",
    };
    static const pc_unit UNITS[] = { PC_UNIT_ENT, PC_UNIT_PRICE, PC_UNIT_WH, PC_UNIT_FRACTION };
    for (size_t i = 0; i < sizeof VALUES / sizeof VALUES[0]; i++)
        for (size_t k = 0; k < sizeof UNITS / sizeof UNITS[0]; k++) {
            u256 v;
            char text[PC_UNIT_TEXT_MAX];
            CHECK(u256_parse_dec(VALUES[i], strlen(VALUES[i]), &v, NULL) == PC_OK);
            pc_format_unit_number(&v, UNITS[k], text, sizeof text);
            CHECK(screen_number_width(&v, UNITS[k]) == (int)strlen(text));
        }
}

/* SCREENCHECK_BENCH=N: draws every page of the adversarial world N times
 * at 200x50 and at 80x24 and prints the mean time of a draw, to weigh
 * changes (SCREENCHECK_RECORDS adds readings to the history). */
static void bench(world *w, int n)
{
    size_t npages;
    const tui_page *pages = screens_all(&npages);
    tui_ui_trace(NULL);
    for (size_t p = 0; p < 2 * npages; p++) {
        if (p % npages == 0) {
            resize_term(p ? 24 : 50, p ? 80 : 200);
            printf("%s\n", p ? "80x24" : "200x50");
        }
        const tui_page *pg = &pages[p % npages];
        run r = { .w = w, .pages = pages, .npages = npages, .page = p % npages };
        r.state = pg->state_size ? calloc(1, pg->state_size) : NULL;
        draw_screen(&r, "");
        unsigned long start = tui_counters_clock_us();
        for (int k = 0; k < n; k++)
            pg->draw(&w->app, r.state, r.win);
        printf("  %-12s %.2f ms\n", pg->title,
               (double)(tui_counters_clock_us() - start) / n / 1000.0);
        free(r.state);
        delwin(r.win);
    }
    tui_ui_trace(&TRACE);
}

/* Forms' keys run the pages' own actions, and Banker's `e` writes its CSV
 * into the working folder: the checker works in a folder of its own,
 * emptied and removed at the end. */
static char g_folder[] = "/tmp/screencheck.XXXXXX";

static void leave_folder(void)
{
    DIR *d = opendir(".");
    for (struct dirent *e; d && (e = readdir(d));)
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
            unlink(e->d_name);
    if (d)
        closedir(d);
    if (chdir("/") == 0)
        rmdir(g_folder);
}

int main(void)
{
    setlocale(LC_ALL, "C.UTF-8");
    if (!mkdtemp(g_folder) || chdir(g_folder) != 0) {
        fprintf(stderr, "screencheck: no working folder of its own in /tmp\n");
        return 1;
    }
    atexit(leave_folder);
    if (secret_init(NULL) != PC_OK) {
        fprintf(stderr, "screencheck: no guarded memory\n");
        return 1;
    }
    FILE *out = fopen("/dev/null", "w"), *in = fopen("/dev/null", "r");
    SCREEN *scr = out && in ? newterm("xterm-256color", out, in) : NULL;
    if (!scr) {
        fprintf(stderr, "screencheck: no curses screen (terminfo xterm-256color?)\n");
        return 1;
    }
    set_term(scr);
    tui_ui_init();
    tui_ui_trace(&TRACE);
    check_number_width();
    for (int k = 0; k < WORLD_COUNT; k++) {
        world w;
        if (!world_build(&w, (world_kind)k)) {
            fprintf(stderr, "screencheck: could not build the %d world\n", k);
            return 1;
        }
        if (getenv("SCREENCHECK_BENCH")) {
            if (k == WORLD_ADVERSARIAL)
                bench(&w, atoi(getenv("SCREENCHECK_BENCH")));
        } else {
            check_world(&w);
        }
        world_free(&w);
    }
    if (getenv("SCREENCHECK_TIME")) {
        char draws[512];
        tui_counters_draws(&g_counters, 0, 10, 10, draws, sizeof draws);
        printf("draw ms last/max: %s\n", draws);
    }
    endwin();
    delscreen(scr);
    fclose(out);
    fclose(in);
    return check_summary();
}
