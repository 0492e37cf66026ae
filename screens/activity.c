/* 9 Activity: one list, newest first, of this session's transactions
 * (signing, pending, mined, failed) and then every transaction to the
 * contract since its deployment, from the history index: block, time,
 * signer with its name, call with its arguments, outcome, and the
 * Info/Error texts it left (shown as they are, never read for meaning).
 * Enter opens the record under the cursor whole: hash, sender, block,
 * time, call, status and every text, wrapped. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "eth/hex.h"
#include "screens/common.h"
#include "tui/table_draw.h"
#include "tui/ui.h"
#include "wallet/text_amounts.h"

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
    screen_named_address(app, &e->record->from, INT_MAX, from, sizeof from);
    screen_call_text(app, e->record, false, INT_MAX, call, sizeof call);
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

/* The rows of a record: block, time (the day too, the time alone, then
 * hidden), outcome, sender (whole address and name, short and name,
 * short) and the call, which wraps in the room left at its arguments;
 * under them the texts it left, each on lines of its own across the page.
 * This session's transactions: state and what it does, then the outcome
 * under them the same way. */
enum { COL_BLOCK, COL_TIME, COL_OUTCOME, COL_FROM, COL_CALL, NCOLS };
enum { SCOL_STATE, SCOL_WHAT, NSCOLS };

/* Where texts under a row start. */
#define TEXTS_X 4

typedef struct layouts {
    table_layout record, session;
    int W;
} layouts;

typedef struct record_text {
    char block[24], when[2][24], from[TABLE_FORMS][ETH_ADDRESS_TEXT_LEN + 72], call[512];
} record_text;

static void record_texts(const tui_app *app, const layouts *ls, const history_tx *t,
                         record_text *r, const char *texts[NCOLS])
{
    const table_layout *l = &ls->record;
    snprintf(r->block, sizeof r->block, "#%llu", (unsigned long long)t->block);
    screen_time(t->time, r->when[0]);
    snprintf(r->when[1], sizeof r->when[1], "%s", r->when[0] + 11);
    int f = l->form[COL_FROM];
    const char *name = names_lookup(tui_app_names(app), &t->from);
    char whole[ETH_ADDRESS_TEXT_LEN];
    eth_address_to_checksum(&t->from, whole);
    if (f == 0)
        snprintf(r->from[0], sizeof r->from[0], "%s%s%s", whole, name ? " " : "",
                 name ? name : "");
    else if (f == 1)
        screen_named_address(app, &t->from, INT_MAX, r->from[1], sizeof r->from[1]);
    else
        eth_address_short(&t->from, r->from[2]);
    screen_call_text(app, t, false, l->w[COL_CALL], r->call, sizeof r->call);
    texts[COL_BLOCK] = r->block;
    texts[COL_TIME] = table_shown(l, COL_TIME) ? r->when[l->form[COL_TIME]] : NULL;
    texts[COL_OUTCOME] = OUTCOMES[t->outcome];
    texts[COL_FROM] = r->from[f];
    texts[COL_CALL] = r->call;
}

/* Rows a record's or a transaction's texts take under its row: each text
 * (line of `text`) wrapped across the page, a record's with the amounts of
 * its call decoded beside raw ones (wallet/text_amounts.h; t may be NULL).
 * With win, draws them from y. */
static int texts_under(WINDOW *win, int y, int bottom, int W, tui_style st, const char *text,
                       const history_tx *t)
{
    int rows = 0;
    while (*text) {
        size_t len = strcspn(text, "\n");
        char raw[640], line[800];
        snprintf(raw, sizeof raw, "%.*s", (int)len, text);
        wallet_text_amounts(raw, t ? t->method : NULL, t ? &t->args : NULL, line, sizeof line);
        rows += win ? tui_text(win, y + rows, TEXTS_X, W - TEXTS_X, 2, bottom, st, NULL, line)
                    : tui_text_rows(W - TEXTS_X, 2, NULL, line);
        text += len + (text[len] == '\n');
    }
    return rows;
}

typedef struct entry_rows {
    const tui_app *app;
    const entries *es;
    const layouts *ls;
} entry_rows;

static void session_texts(const tui_action *r, char *what, size_t cap, const char *texts[])
{
    char h[65] = "";
    if (r->has_hash)
        hex_encode(r->hash, 32, h);
    /* The hash short, as addresses are: the first and last four digits. */
    if (r->has_hash)
        snprintf(what, cap, "%s  0x%.4s..%s", r->call.description, h, h + 60);
    else
        snprintf(what, cap, "%s", r->call.description);
    texts[SCOL_STATE] = TX_STATES[tui_action_tx_state(r)];
    texts[SCOL_WHAT] = what;
}

static int entry_height(void *ctx, size_t i)
{
    const entry_rows *c = ctx;
    const entry *e = &c->es->at[i];
    if (e->session) {
        char what[256];
        const char *texts[NSCOLS];
        session_texts(e->session, what, sizeof what, texts);
        return tui_table_rows(&c->ls->session, texts) +
               texts_under(NULL, 0, 0, c->ls->W, TUI_DIM, e->session->outcome, NULL);
    }
    record_text r;
    const char *texts[NCOLS];
    record_texts(c->app, c->ls, e->record, &r, texts);
    return tui_table_rows(&c->ls->record, texts) +
           texts_under(NULL, 0, 0, c->ls->W, TUI_NORMAL, e->record->text, e->record);
}

static int draw_entry(const entry_rows *c, WINDOW *win, int y, int bottom, size_t i, bool chosen)
{
    const entry *e = &c->es->at[i];
    int y0 = y, W = c->ls->W;
    tui_print(win, y, 0, 1, chosen ? TUI_SELECTED : TUI_NORMAL, "%c", chosen ? '>' : ' ');
    if (e->session) {
        const tui_action *r = e->session;
        char what[256];
        const char *texts[NSCOLS];
        session_texts(r, what, sizeof what, texts);
        const tui_style styles[NSCOLS] = { TX_STYLES[tui_action_tx_state(r)], TUI_NORMAL };
        y += tui_table_row(win, y, 2, bottom, &c->ls->session, texts, styles);
        y += texts_under(win, y, bottom, W, TUI_DIM, r->outcome, NULL);
        return y - y0;
    }
    const history_tx *t = e->record;
    record_text r;
    const char *texts[NCOLS];
    record_texts(c->app, c->ls, t, &r, texts);
    const tui_style styles[NCOLS] = { TUI_DIM, TUI_DIM, t->outcome == HISTORY_OK ? TUI_GOOD : TUI_BAD,
                                      TUI_NORMAL, TUI_ACCENT };
    y += tui_table_row(win, y, 2, bottom, &c->ls->record, texts, styles);
    y += texts_under(win, y, bottom, W, TUI_NORMAL, t->text, t);
    return y - y0;
}

/* The call's least room: half the row, between 30 and 52 columns (most
 * calls with their named arguments), so that on a middling width the time
 * and the sender take their shorter forms before the call wraps. */
static int call_min(int W)
{
    int half = (W - 2) / 2;
    return half < 30 ? 30 : half > 52 ? 52 : half;
}

/* The columns measured over the whole history (block numbers grow, so the
 * newest has the widest; senders by their names) and this session's
 * transactions. */
static void fit_layouts(const tui_app *app, const entries *es, int W, layouts *ls,
                        char *hidden, size_t cap)
{
    table_col rec[NCOLS] = {
        [COL_BLOCK] = { .priority = 9, .keep = true },
        [COL_TIME] = { .name = "time", .priority = 2, .hide = 6, .nforms = 2,
                       .width = { 16, 5 } },
        [COL_OUTCOME] = { .priority = 8, .keep = true },
        [COL_FROM] = { .priority = 4, .keep = true, .nforms = 3 },
        [COL_CALL] = { .priority = 9, .keep = true, .fill = true, .min = call_min(W) },
    };
    table_col ses[NSCOLS] = {
        [SCOL_STATE] = { .priority = 9, .keep = true, .width = { 8 } },
        [SCOL_WHAT] = { .priority = 9, .keep = true, .fill = true, .min = 30 },
    };
    /* Only lengths are needed: the block column is as wide as the highest
     * block's number, the outcome as the widest outcome there is, the
     * sender as an address with the longest name among them. */
    screen_name_cache names;
    memset(&names, 0, sizeof names);
    unsigned long long top = 0;
    unsigned outcomes = 0;
    int named = 0;
    for (size_t i = 0; i < es->n; i++) {
        const history_tx *t = es->at[i].record;
        if (!t)
            continue;
        if (t->block > top)
            top = t->block;
        outcomes |= 1u << t->outcome;
        int w = screen_name_width(app, &names, &t->from);
        if (w > named)
            named = w;
    }
    if (outcomes) {
        char block[24];
        snprintf(block, sizeof block, "#%llu", top);
        table_col_see(&rec[COL_BLOCK], 0, block);
        for (unsigned k = 0; k < sizeof OUTCOMES / sizeof OUTCOMES[0]; k++)
            if (outcomes & 1u << k)
                table_col_see(&rec[COL_OUTCOME], 0, OUTCOMES[k]);
        rec[COL_FROM].width[0] = ETH_ADDRESS_TEXT_LEN - 1 + named;
        rec[COL_FROM].width[1] = SCREEN_SHORT_ADDRESS_W + named;
        rec[COL_FROM].width[2] = SCREEN_SHORT_ADDRESS_W;
    }
    ls->W = W;
    table_fit(rec, NCOLS, W - 2, 1, 4, &ls->record);
    table_hidden(rec, &ls->record, hidden, cap);
    table_fit(ses, NSCOLS, W - 2, 1, 4, &ls->session);
}

/* The index's record of this session's transaction r, or NULL while the
 * index has not reached it. */
static const history_tx *session_record(const wallet_past *p, const tui_action *r)
{
    for (size_t i = p && r->has_hash ? p->ntxs : 0; i > 0; i--)
        if (memcmp(p->txs[i - 1].hash, r->hash, 32) == 0)
            return &p->txs[i - 1];
    return NULL;
}

/* The record under the cursor, whole. It takes the screen's width, the
 * sidebar's too, so that a hash (66 characters) fits on one line at 80
 * columns; Esc or Enter gives the sidebar back. */
static void draw_detail(const tui_app *app, WINDOW *page, const entry *e, size_t pos, size_t n)
{
    WINDOW *win = wgetparent(page) ? wgetparent(page) : page;
    int top = getbegy(page), bottom = top + getmaxy(page), W = getmaxx(win), y = top;
    tui_clear(win, top, 0, bottom - top, W);
    char hash[67] = "0x", text[640];
    tui_print(win, y++, 0, 0, TUI_TITLE, "Transaction %zu of %zu  (Esc or Enter closes)", pos + 1,
              n);
    if (e->session) {
        const tui_action *r = e->session;
        const history_tx *rec = session_record(tui_app_past(app), r);
        char sender[ETH_ADDRESS_TEXT_LEN + 80], when[24];
        hex_encode(r->hash, 32, hash + 2);
        screen_address_fitted(app, &r->t.from, W - 7, sender, sizeof sender);
        /* Mined, whatever the outcome (an Error or a revert is mined too);
         * its time once the index holds it. */
        if (rec)
            screen_time(rec->time, when);
        snprintf(text, sizeof text, "#%llu%s%s%s", (unsigned long long)r->block,
                 rec ? ", " : "", rec ? when : "", rec ? " UTC" : "");
        const tui_field f[] = {
            { "call", r->call.description, TUI_ACCENT },
            { "status", TX_STATES[tui_action_tx_state(r)], TX_STYLES[tui_action_tx_state(r)] },
            { "hash", r->has_hash ? hash : "-", TUI_NORMAL },
            { "sender", sender, TUI_NORMAL },
            { "block", r->block ? text : "-", TUI_NORMAL },
            { "texts", r->outcome[0] ? r->outcome : "-", TUI_NORMAL },
        };
        tui_fields(win, y, 0, W, bottom, TUI_DIM, f, sizeof f / sizeof f[0]);
        return;
    }
    const history_tx *t = e->record;
    char from[ETH_ADDRESS_TEXT_LEN + 80], when[24], call[512], block[96];
    const int label_w = 7; /* "sender " */
    hex_encode(t->hash, 32, hash + 2);
    screen_address_fitted(app, &t->from, W - label_w, from, sizeof from);
    screen_time(t->time, when);
    screen_call_text(app, t, true, W - label_w, call, sizeof call);
    snprintf(block, sizeof block, "#%llu (position %u), %s UTC", (unsigned long long)t->block,
             (unsigned)t->index, when);
    const tui_field f[] = {
        { "call", call, TUI_ACCENT },
        { "status", OUTCOMES[t->outcome], t->outcome == HISTORY_OK ? TUI_GOOD : TUI_BAD },
        { "hash", hash, TUI_NORMAL },
        { "sender", from, TUI_NORMAL },
        { "block", block, TUI_NORMAL },
        { "texts", t->text[0] ? "" : "-", TUI_NORMAL },
    };
    y += tui_fields(win, y, 0, W, bottom, TUI_DIM, f, sizeof f / sizeof f[0]);
    /* Each text on lines of its own, under the label's room. */
    if (t->text[0])
        y--;
    const char *s = t->text;
    while (*s && y < bottom) {
        size_t len = strcspn(s, "\n");
        snprintf(text, sizeof text, "%.*s", (int)len, s);
        y += tui_text(win, y, label_w, W - label_w, 2, bottom, TUI_NORMAL, NULL, text);
        s += len + (s[len] == '\n');
    }
}

static void draw(const tui_app *app, void *state, WINDOW *win)
{
    activity_state *st = state;
    int H = getmaxy(win), W = getmaxx(win), y = 0;
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
    layouts ls;
    char hidden[32];
    fit_layouts(app, &es, W, &ls, hidden, sizeof hidden);
    screen_list_footer(win, H - 1, &st->list, "", es.n, es.total, "Enter opens it", hidden);
    if (es.n == 0 && es.total > 0)
        tui_print(win, y, 2, 0, TUI_DIM, "nothing matches the filter");
    entry_rows c = { app, &es, &ls };
    size_t fit = 0, first = es.n ? screen_list_begin_rows(&st->list, es.n, H - 1 - y,
                                                          entry_height, &c, &fit)
                                 : 0;
    for (size_t i = first; i < first + fit; i++) {
        screen_list_mark(&st->list, y, i);
        y += draw_entry(&c, win, y, H - 1, i, i == st->list.cursor);
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

/* The hash of the transaction under the cursor (open or not). */
static bool copy(const tui_app *app, void *state, char *text, size_t cap, char *what,
                 size_t what_cap)
{
    activity_state *st = state;
    entries es;
    if (!build_entries(app, &st->list, &es))
        return false;
    const uint8_t *hash = NULL;
    if (st->list.cursor < es.n) {
        const entry *e = &es.at[st->list.cursor];
        hash = e->record ? e->record->hash : e->session->has_hash ? e->session->hash : NULL;
    }
    bool has = hash && cap >= 67;
    if (has) {
        memcpy(text, "0x", 2);
        hex_encode(hash, 32, text + 2);
        snprintf(what, what_cap, "the transaction's hash");
    }
    free(es.at);
    return has;
}

const tui_page screen_activity = {
    .title = "Activity",
    .hints = "Enter opens the record (Esc closes)  " SCREEN_LIST_HINTS,
    .state_size = sizeof(activity_state),
    .offline = true,
    .draw = draw,
    .key = key,
    .click = click,
    .copy = copy,
};
