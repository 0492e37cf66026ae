#include "tui/app.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "eth/hex.h"
#include "tui/counters.h"
#include "tui/form.h"
#include "tui/ui.h"
#include "tui/worker.h"

#define MAX_TXS 64
#define SIDEBAR_W 16
#define HEADER_H 3
#define MIN_W 60
#define MIN_H 16

typedef enum modal {
    MODAL_NONE,
    MODAL_FORM,      /* a page's form, or the password prompt */
    MODAL_PREPARING, /* waiting for nonce, gas and fee */
    MODAL_CONFIRM,   /* the transaction, asking y/n */
    MODAL_HELP,
} modal;

/* The transaction being built, from the form to the send. */
typedef struct action {
    unsigned id;
    const pc_method *method;
    char description[160];
    char effect[160];            /* the form's, or "" */
    char args[PC_MAX_ARGS][200]; /* "LABEL  value as people read it" */
    size_t nargs;
    bytebuf calldata;
    wallet_tx t;
    eth_tx tx;
} action;

struct tui_app {
    const tui_config *cfg;
    tui_worker *worker;
    tui_wallet *wallet;
    wallet_state *snap;
    wallet_past *past;              /* from the history index; NULL before the first */
    char past_problem[PC_ERROR_MSG_MAX]; /* why the last catch-up failed; "" when it did not */
    bool indexing;                  /* a catch-up reported progress and has not ended */
    uint64_t indexed, to_index;     /* its blocks done and in all */
    unsigned roles;                 /* WALLET_ROLE_* of the snapshot's account */
    bool connected;
    bool ever_connected;
    uint64_t chain_id;
    char *node;                     /* the worker's node now, as it last said */
    char conn_msg[PC_ERROR_MSG_MAX];
    size_t page;
    void **page_state;              /* each page's view state (tui_page.state_size) */
    WINDOW *page_win;
    modal modal;
    tui_form form;
    bool form_is_password;
    action act;
    unsigned next_id;
    tui_tx_record txs[MAX_TXS];
    size_t ntxs;
    char message[PC_ERROR_MSG_MAX];
    bool message_error;
    struct timespec started;
    unsigned long first_page_ms;    /* when the first snapshot was shown */
    unsigned long requests;         /* the worker's HTTP requests so far */
    unsigned long requests_refresh; /* HTTP requests the last snapshot took */
    unsigned long snapshots;
    tui_counters counters;          /* speed figures for bench/, shown in the help */
    bool quit;
};

/* Roles of the snapshot's account; unit owners come from the history
 * index, once it has been read. */
static void update_roles(tui_app *app)
{
    const wallet_state *s = app->snap;
    const wallet_past *p = app->past;
    app->roles = s && s->has_account ? wallet_roles(s, &s->account, p ? p->owners : NULL,
                                                    p ? p->nowners : 0)
                                     : 0;
}

/* ---- the API pages use ---- */

const wallet_state *tui_app_snapshot(const tui_app *app) { return app->snap; }
const wallet_past *tui_app_past(const tui_app *app) { return app->past; }
const char *tui_app_past_problem(const tui_app *app) { return app->past_problem; }

bool tui_app_indexing(const tui_app *app, uint64_t *done, uint64_t *total)
{
    *done = app->indexed;
    *total = app->to_index;
    return app->indexing;
}

unsigned tui_app_roles(const tui_app *app) { return app->roles; }
bool tui_app_connected(const tui_app *app) { return app->connected; }
uint64_t tui_app_chain_id(const tui_app *app) { return app->chain_id; }
const char *tui_app_node(const tui_app *app)
{
    return app->node ? app->node : app->cfg->rpc_urls[0];
}
const pc_contract *tui_app_contract(const tui_app *app) { return app->cfg->contract; }

const names *tui_app_names(const tui_app *app)
{
    return app->cfg->names;
}
tui_wallet *tui_app_wallet(tui_app *app) { return app->wallet; }
size_t tui_app_tx_count(const tui_app *app) { return app->ntxs; }
const tui_tx_record *tui_app_tx_at(const tui_app *app, size_t i) { return &app->txs[i]; }

unsigned long tui_app_clock_ms(const tui_app *app)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (unsigned long)(ts.tv_sec - app->started.tv_sec) * 1000ul +
           (unsigned long)((ts.tv_nsec - app->started.tv_nsec) / 1000000L);
}

void tui_app_message(tui_app *app, bool error, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(app->message, sizeof app->message, fmt, ap);
    va_end(ap);
    /* One line: node and contract texts may hold line breaks. */
    for (char *p = app->message; *p; p++)
        if (*p == '\n' || *p == '\r' || *p == '\t')
            *p = ' ';
    app->message_error = error;
}

void tui_app_account_changed(tui_app *app)
{
    eth_address a;
    bool has = tui_wallet_address(app->wallet, &a);
    tui_worker_set_account(app->worker, has ? &a : NULL);
}

void tui_app_read(tui_app *app, const char *method, int argc, char *const argv[])
{
    eth_address a;
    bool has = tui_wallet_address(app->wallet, &a);
    const pc_method *m = pc_method_find(method);
    if (!m)
        return;
    tui_worker_read(app->worker, ++app->next_id, m, has ? &a : NULL, argc, argv);
    tui_app_message(app, false, "reading %s...", method);
}

void tui_app_open_form(tui_app *app, const tui_form_spec *spec)
{
    pc_error e = { 0 };
    if (app->modal == MODAL_FORM)
        tui_form_free(&app->form);
    if (tui_form_init(&app->form, spec, &e) != PC_OK) {
        tui_app_message(app, true, "%s", e.msg);
        app->modal = MODAL_NONE;
        return;
    }
    app->form_is_password = false;
    app->modal = MODAL_FORM;
}

/* ---- transactions ---- */

static tui_tx_record *record_for(tui_app *app, unsigned id)
{
    for (size_t i = 0; i < app->ntxs; i++)
        if (app->txs[i].id == id)
            return &app->txs[i];
    return NULL;
}

static tui_tx_record *record_new(tui_app *app, unsigned id, const char *description)
{
    if (app->ntxs == MAX_TXS) {
        /* Forget the oldest finished one. */
        memmove(&app->txs[0], &app->txs[1], (MAX_TXS - 1) * sizeof app->txs[0]);
        app->ntxs--;
    }
    tui_tx_record *r = &app->txs[app->ntxs++];
    memset(r, 0, sizeof *r);
    r->id = id;
    r->state = TUI_TX_SIGNING;
    snprintf(r->description, sizeof r->description, "%s", description);
    return r;
}

static void action_clear(tui_app *app)
{
    bytebuf_free(&app->act.calldata);
    memset(&app->act, 0, sizeof app->act);
}

/* Form checked: encode the call and ask the worker for nonce, gas and fee. */
static void start_action(tui_app *app)
{
    tui_form *f = &app->form;
    const pc_method *m = pc_method_find(f->spec.method);
    pc_error e = { 0 };
    eth_address from;
    if (!m) {
        snprintf(f->note, sizeof f->note, "unknown method %s", f->spec.method);
        return;
    }
    if (!tui_wallet_address(app->wallet, &from)) {
        snprintf(f->note, sizeof f->note, "no account: create or import one on the Accounts page");
        return;
    }
    action_clear(app);
    action *a = &app->act;
    a->id = ++app->next_id;
    a->method = m;
    snprintf(a->effect, sizeof a->effect, "%s", f->spec.effect ? f->spec.effect : "");
    size_t used = (size_t)snprintf(a->description, sizeof a->description, "%s", m->name);
    for (size_t i = 0; i < f->spec.nfields && a->nargs < PC_MAX_ARGS; i++) {
        char v[160];
        tui_form_describe_arg(app, f->spec.fields[i].kind, f->text[i], v, sizeof v);
        snprintf(a->args[a->nargs++], sizeof a->args[0], "%-12s %s", f->spec.fields[i].label, v);
        if (used < sizeof a->description)
            used += (size_t)snprintf(a->description + used, sizeof a->description - used, " %s",
                                     v);
    }
    /* Names typed for addresses go to the binding as the addresses they name. */
    char resolved[TUI_FORM_FIELDS][ETH_ADDRESS_TEXT_LEN];
    char *texts[TUI_FORM_FIELDS];
    for (size_t i = 0; i < f->spec.nfields; i++) {
        eth_address address;
        texts[i] = f->texts[i];
        if (f->spec.fields[i].kind == PC_ARG_ADDRESS &&
            tui_form_resolve_address(app, f->text[i], &address, NULL, NULL) == PC_OK) {
            eth_address_to_checksum(&address, resolved[i]);
            texts[i] = resolved[i];
        }
    }
    if (pc_encode_call(m, (int)f->spec.nfields, texts, &a->calldata, &e) != PC_OK) {
        snprintf(f->note, sizeof f->note, "%s", e.msg);
        return;
    }
    a->t = (wallet_tx){ .from = from, .has_to = true,
                        .to = *pc_contract_address(app->cfg->contract),
                        .data = a->calldata.data, .data_len = a->calldata.len,
                        .has_chain_id = app->cfg->has_chain_id, .chain_id = app->cfg->chain_id,
                        .wait_s = WALLET_DEFAULT_WAIT_S };
    tui_worker_prepare(app->worker, a->id, &a->t);
    tui_form_free(f);
    app->modal = MODAL_PREPARING;
}

static void send_action(tui_app *app)
{
    pc_error e = { 0 };
    secret *key = NULL;
    action *a = &app->act;
    if (tui_wallet_key(app->wallet, &key, &e) != PC_OK) {
        tui_app_message(app, true, "not sent: %s", e.msg);
        app->modal = MODAL_NONE;
        return;
    }
    record_new(app, a->id, a->description);
    tui_worker_send(app->worker, a->id, &a->t, &a->tx, key);
    tui_app_message(app, false, "signed %s; sending...", a->description);
    app->modal = MODAL_NONE;
}

static pc_status password_submit(tui_app *app, char *const texts[], secret *const secrets[],
                                 pc_error *err)
{
    (void)texts;
    pc_status st = tui_wallet_unlock(app->wallet, secrets[0], err);
    if (st == PC_OK)
        send_action(app);
    return st;
}

static void ask_password(tui_app *app)
{
    tui_form_spec spec = {
        .title = "Unlock the account",
        .nfields = 1,
        .fields = { { .label = "Password", .type = TUI_FIELD_SECRET } },
        .submit = password_submit,
    };
    tui_app_open_form(app, &spec);
    app->form_is_password = true;
    snprintf(app->form.note, sizeof app->form.note, "%s stays unlocked for %d minutes",
             tui_wallet_name(app->wallet)[0] ? tui_wallet_name(app->wallet) : "the account",
             TUI_UNLOCK_SECONDS / 60);
}

static void submit_local(tui_app *app)
{
    tui_form *f = &app->form;
    secret *secrets[TUI_FORM_FIELDS] = { 0 };
    pc_error e = { 0 };
    pc_status st = PC_OK;
    for (size_t i = 0; i < f->spec.nfields && st == PC_OK; i++)
        if (f->sec[i] && !(secrets[i] = tui_form_take_secret(f, i, &e)))
            st = e.status ? e.status : PC_ENOMEM;
    tui_form_spec spec = f->spec;
    /* The submit's own message, if any, replaces this one. */
    tui_app_message(app, false, "%s: done", f->spec.title);
    if (st == PC_OK) {
        /* The submit may open another modal (the password prompt sends). */
        app->modal = MODAL_NONE;
        st = spec.submit(app, f->texts, secrets, &e);
    }
    for (size_t i = 0; i < TUI_FORM_FIELDS; i++)
        secret_free(secrets[i]);
    if (st != PC_OK) {
        app->modal = MODAL_FORM;
        snprintf(f->note, sizeof f->note, "%s", e.msg);
        tui_app_message(app, true, "%s", e.msg);
        return;
    }
    if (app->modal == MODAL_NONE)
        tui_form_free(f);
}

static void submit_form(tui_app *app)
{
    if (!tui_form_validate(&app->form, app))
        return;
    if (app->form.spec.method)
        start_action(app);
    else
        submit_local(app);
}

void tui_app_submit_form(tui_app *app, const tui_form_spec *spec)
{
    tui_app_open_form(app, spec);
    if (app->modal == MODAL_FORM)
        submit_form(app);
}

static void form_key(tui_app *app, int ch)
{
    tui_form_result r = tui_form_key(&app->form, ch);
    if (r == TUI_FORM_CANCEL) {
        tui_form_free(&app->form);
        app->modal = MODAL_NONE;
        tui_app_message(app, false, "cancelled; nothing was sent");
        if (app->form_is_password)
            action_clear(app);
        return;
    }
    if (r == TUI_FORM_SUBMIT)
        submit_form(app);
}

static void confirm_key(tui_app *app, int ch)
{
    if (ch == 'y' || ch == 'Y') {
        if (tui_wallet_needs_password(app->wallet))
            ask_password(app);
        else
            send_action(app);
    } else if (ch == 'n' || ch == 'N' || ch == 27) {
        app->modal = MODAL_NONE;
        action_clear(app);
        tui_app_message(app, false, "cancelled; nothing was sent");
    }
}

static void outcome_text(const pc_outcome *o, char *out, size_t cap)
{
    out[0] = '\0';
    size_t used = 0;
    for (size_t i = 0; i < o->nevents && used < cap; i++)
        used += (size_t)snprintf(out + used, cap - used, "%s%s: %s", i ? "; " : "",
                                 o->events[i].is_error ? "Error" : "Info", o->events[i].text);
    if (wallet_outcome_cause(o) == PC_CAUSE_REVERTED && used < cap)
        snprintf(out + used, cap - used, "%sreverted: %s", used ? "; " : "",
                 o->revert_reason ? o->revert_reason : "no reason given");
    else if (!o->nevents && used < cap)
        snprintf(out, cap, "mined, no Info or Error event");
}

/* The worker names the node it uses with each connection event and
 * snapshot; a change means it failed over. */
static void take_node(tui_app *app, tui_ev *ev)
{
    if (!ev->node)
        return;
    bool moved = app->node && strcmp(app->node, ev->node) != 0;
    free(app->node);
    app->node = ev->node;
    ev->node = NULL;
    if (moved)
        tui_app_message(app, false, "now reading from %s", app->node);
}

static void on_event(tui_app *app, tui_ev *ev)
{
    tui_tx_record *r = record_for(app, ev->id);
    char h[65];
    if (ev->kind == TUI_EV_CONN || ev->kind == TUI_EV_SNAPSHOT)
        take_node(app, ev);
    switch (ev->kind) {
    case TUI_EV_CONN:
        if (ev->connected) {
            app->chain_id = ev->chain_id;
            if (!app->ever_connected)
                tui_app_message(app, false, "connected to %s", tui_app_node(app));
            else if (!app->connected)
                tui_app_message(app, false, "node back: connected again");
            app->ever_connected = true;
        } else {
            snprintf(app->conn_msg, sizeof app->conn_msg, "%s", ev->msg);
            tui_app_message(app, true, "disconnected, retrying: %s", ev->msg);
        }
        app->connected = ev->connected;
        break;
    case TUI_EV_SNAPSHOT:
        wallet_state_free(app->snap);
        app->snap = ev->snap;
        ev->snap = NULL;
        update_roles(app);
        app->connected = true;
        if (!app->snapshots++)
            app->first_page_ms = tui_app_clock_ms(app);
        app->requests_refresh = ev->refresh_requests;
        app->requests = ev->requests;
        app->counters.snapshot_us = ev->snapshot_us;
        break;
    case TUI_EV_INDEXING:
        app->indexing = ev->done < ev->total;
        app->indexed = ev->done;
        app->to_index = ev->total;
        break;
    case TUI_EV_PAST:
        app->counters.index_us = ev->index_us;
        app->counters.past_us = ev->past_us;
        app->indexing = false;
        snprintf(app->past_problem, sizeof app->past_problem, "%s",
                 ev->status == PC_OK ? "" : ev->msg);
        /* A catch-up that failed, or found nothing new, keeps the past read
         * before it (older, not wrong). */
        if (ev->past) {
            wallet_past_free(app->past);
            free(app->past);
            app->past = ev->past;
            ev->past = NULL;
        }
        update_roles(app);
        break;
    case TUI_EV_PREPARED:
        if (ev->id != app->act.id || app->modal != MODAL_PREPARING)
            break; /* cancelled meanwhile */
        if (ev->status != PC_OK) {
            tui_app_message(app, true, "not sent: %s", ev->msg);
            app->modal = MODAL_NONE;
            action_clear(app);
            break;
        }
        app->act.tx = ev->tx;
        app->modal = MODAL_CONFIRM;
        break;
    case TUI_EV_SENT:
        if (!r)
            break;
        memcpy(r->hash, ev->hash, 32);
        hex_encode(ev->hash, 32, h);
        if (ev->status != PC_OK) {
            r->state = TUI_TX_FAILED;
            snprintf(r->outcome, sizeof r->outcome, "%.250s", ev->msg);
            tui_app_message(app, true, "%s: %s", r->description, ev->msg);
        } else {
            r->has_hash = true;
            r->state = TUI_TX_PENDING;
            tui_app_message(app, false, "sent 0x%.16s..., waiting for the receipt", h);
        }
        if (ev->id == app->act.id)
            action_clear(app);
        break;
    case TUI_EV_MINED:
        if (!r)
            break;
        if (ev->status != PC_OK) {
            r->state = TUI_TX_FAILED;
            snprintf(r->outcome, sizeof r->outcome, "%.250s", ev->msg);
        } else {
            r->state = wallet_outcome_cause(&ev->outcome) == PC_CAUSE_NONE ? TUI_TX_MINED
                                                                            : TUI_TX_FAILED;
            r->block = ev->outcome.block;
            outcome_text(&ev->outcome, r->outcome, sizeof r->outcome);
        }
        tui_app_message(app, r->state == TUI_TX_FAILED, "%s", r->outcome);
        break;
    case TUI_EV_RESENT:
        hex_encode(ev->hash, 32, h);
        tui_app_message(app, false, "0x%.16s... sent again to %s, which had not seen it", h,
                        ev->node ? ev->node : "the next node");
        break;
    case TUI_EV_READ:
        if (ev->status != PC_OK)
            tui_app_message(app, true, "%s", ev->msg);
        else
            tui_app_message(app, false, "%s", ev->text);
        break;
    }
    tui_ev_clear(ev);
}

/* ---- drawing ---- */

static void draw_header(tui_app *app)
{
    int W = COLS;
    const wallet_state *s = app->snap;
    int x = tui_print(stdscr, 0, 0, W, TUI_TITLE, "PowerChain");
    x += tui_print(stdscr, 0, x, W - x, TUI_DIM, "  node ");
    x += tui_print(stdscr, 0, x, W - x, TUI_NORMAL, "%s", tui_app_node(app));
    if (app->chain_id) {
        x += tui_print(stdscr, 0, x, W - x, TUI_DIM, "  chain ");
        x += tui_print(stdscr, 0, x, W - x, TUI_NORMAL, "%llu",
                       (unsigned long long)app->chain_id);
    }
    if (s) {
        x += tui_print(stdscr, 0, x, W - x, TUI_DIM, "  block ");
        x += tui_print(stdscr, 0, x, W - x, TUI_NORMAL, "#%llu", (unsigned long long)s->block);
    }
    if (app->connected)
        tui_print(stdscr, 0, x + 2, W - x - 2, TUI_GOOD, "connected");
    else if (app->ever_connected)
        tui_print(stdscr, 0, x + 2, W - x - 2, TUI_BAD, "disconnected, retrying");
    else
        tui_print(stdscr, 0, x + 2, W - x - 2, TUI_WARN, "connecting %s",
                  tui_spinner(tui_app_clock_ms(app)));

    eth_address a;
    if (!tui_wallet_address(app->wallet, &a)) {
        tui_print(stdscr, 1, 0, W, TUI_WARN, "no account (read only): see 7 Accounts");
    } else {
        char cs[ETH_ADDRESS_TEXT_LEN];
        eth_address_to_checksum(&a, cs);
        const char *name = tui_wallet_name(app->wallet);
        x = 0;
        if (name[0])
            x += tui_print(stdscr, 1, 0, W, TUI_ACCENT, "%s ", name);
        x += tui_print(stdscr, 1, x, W - x, TUI_NORMAL, "%s", cs);
        if (s) {
            char roles[64] = "";
            if (app->roles & WALLET_ROLE_VOTER)
                strcat(roles, " voter");
            if (app->roles & WALLET_ROLE_BANKER)
                strcat(roles, " banker");
            if (app->roles & WALLET_ROLE_UNIT)
                strcat(roles, " storage-unit");
            if (app->roles & WALLET_ROLE_UNIT_OWNER)
                strcat(roles, " unit-owner");
            x += tui_print(stdscr, 1, x, W - x, TUI_GOOD, "%s", roles[0] ? roles : " user");
            /* Owners are known only from the history index. */
            if (!app->past)
                tui_print(stdscr, 1, x, W - x, TUI_WARN, "  unit owner %s",
                          app->past_problem[0] ? "unknown: see 9 Activity" : "not known yet");
        }
        unsigned left = tui_wallet_unlocked_for(app->wallet);
        if (left)
            tui_print(stdscr, 1, W - 16, 16, TUI_WARN, "unlocked %u:%02u", left / 60, left % 60);
    }
    tui_hline(stdscr, 2, 0, W);
}

static void draw_sidebar(tui_app *app)
{
    int H = LINES - HEADER_H - 2;
    for (size_t i = 0; i < app->cfg->npages && (int)i < H; i++) {
        bool cur = i == app->page;
        tui_print(stdscr, HEADER_H + (int)i, 0, SIDEBAR_W - 1, cur ? TUI_SELECTED : TUI_NORMAL,
                  " %zu %-*s", i + 1, SIDEBAR_W - 4, app->cfg->pages[i].title);
    }
    tui_vline(stdscr, HEADER_H, SIDEBAR_W - 1, H);
}

static void draw_bottom(tui_app *app)
{
    int y = LINES - 2;
    size_t pending = 0;
    for (size_t i = 0; i < app->ntxs; i++)
        pending += app->txs[i].state == TUI_TX_PENDING || app->txs[i].state == TUI_TX_SIGNING;
    int x = 0;
    if (pending)
        x = tui_print(stdscr, y, 0, COLS, TUI_WARN, "%s %zu pending  ",
                      tui_spinner(tui_app_clock_ms(app)), pending);
    tui_print(stdscr, y, x, COLS - x, app->message_error ? TUI_BAD : TUI_NORMAL, "%s",
              app->message);
    const tui_page *p = &app->cfg->pages[app->page];
    x = tui_print(stdscr, y + 1, 0, COLS, TUI_DIM, "1-9/arrows page  ? help  q quit  ");
    tui_print(stdscr, y + 1, x, COLS - x, TUI_ACCENT, "%s", p->hints ? p->hints : "");
}

static void draw_confirm(tui_app *app)
{
    action *a = &app->act;
    int h = 12 + (int)a->nargs + (a->effect[0] != '\0');
    int w = COLS - 4 > 84 ? 84 : COLS - 4, y, x;
    tui_box(stdscr, h, w, "Sign and send this transaction?", &y, &x);
    char from[ETH_ADDRESS_TEXT_LEN], to[ETH_ADDRESS_TEXT_LEN], fee[2 * U256_DEC_MAX + 40];
    eth_address_to_checksum(&a->t.from, from);
    eth_address_to_checksum(&a->t.to, to);
    char v1[U256_DEC_MAX], v2[U256_DEC_MAX];
    if (a->tx.type == ETH_TX_EIP1559) {
        u256_to_dec(&a->tx.max_fee, v1);
        u256_to_dec(&a->tx.max_priority_fee, v2);
        snprintf(fee, sizeof fee, "max %s wei/gas (tip %s)", v1, v2);
    } else {
        u256_to_dec(&a->tx.gas_price, v1);
        snprintf(fee, sizeof fee, "%s wei/gas", v1);
    }
    int r = y + 2, lw = 13, vw = w - lw - 4;
    tui_print(stdscr, r, x + 2, lw, TUI_DIM, "method");
    tui_print(stdscr, r++, x + 2 + lw, vw, TUI_ACCENT, "%s (%s)", a->method->name,
              a->method->kind == PC_VOTE ? "a vote" : "a transaction");
    if (a->effect[0]) {
        tui_print(stdscr, r, x + 2, lw, TUI_DIM, "what it does");
        tui_print(stdscr, r++, x + 2 + lw, vw, TUI_WARN, "%s", a->effect);
    }
    for (size_t i = 0; i < a->nargs; i++)
        tui_print(stdscr, r++, x + 4, w - 6, TUI_NORMAL, "%s", a->args[i]);
    const char *name = tui_wallet_name(app->wallet);
    tui_print(stdscr, r, x + 2, lw, TUI_DIM, "account");
    tui_print(stdscr, r++, x + 2 + lw, vw, TUI_NORMAL, "%s%s%s", name, name[0] ? " " : "", from);
    tui_print(stdscr, r, x + 2, lw, TUI_DIM, "contract");
    tui_print(stdscr, r++, x + 2 + lw, vw, TUI_NORMAL, "%s", to);
    tui_print(stdscr, r, x + 2, lw, TUI_DIM, "chain id");
    tui_print(stdscr, r++, x + 2 + lw, vw, TUI_NORMAL, "%llu",
              (unsigned long long)a->tx.chain_id);
    tui_print(stdscr, r, x + 2, lw, TUI_DIM, "nonce");
    tui_print(stdscr, r++, x + 2 + lw, vw, TUI_NORMAL, "%llu", (unsigned long long)a->tx.nonce);
    tui_print(stdscr, r, x + 2, lw, TUI_DIM, "gas limit");
    tui_print(stdscr, r++, x + 2 + lw, vw, TUI_NORMAL, "%llu",
              (unsigned long long)a->tx.gas_limit);
    tui_print(stdscr, r, x + 2, lw, TUI_DIM, "fee");
    tui_print(stdscr, r++, x + 2 + lw, vw, TUI_NORMAL, "%s", fee);
    tui_print(stdscr, y + h - 2, x + 2, w - 4, TUI_TITLE, "y sign and send    n / Esc cancel");
}

static void draw_help(tui_app *app)
{
    size_t per_line = 4, draw_lines = (app->cfg->npages + per_line - 1) / per_line;
    int h = 15 + (int)app->cfg->npages / 2 + (int)draw_lines;
    int w = COLS - 4 > 76 ? 76 : COLS - 4, y, x;
    tui_box(stdscr, h, w, "Help", &y, &x);
    int r = y + 2;
    tui_print(stdscr, r++, x + 2, w - 4, TUI_NORMAL, "1-9 or Left/Right/PgUp/PgDn: pages   q: quit");
    tui_print(stdscr, r++, x + 2, w - 4, TUI_NORMAL, "Up/Down: choose a line   Esc: close");
    tui_print(stdscr, r++, x + 2, w - 4, TUI_NORMAL, "In forms: Enter next/submit, Tab move, Esc cancel");
    r++;
    for (size_t i = 0; i < app->cfg->npages; i++)
        tui_print(stdscr, r++, x + 2, w - 4, TUI_DIM, "%zu %-12s %s", i + 1,
                  app->cfg->pages[i].title, app->cfg->pages[i].hints ? app->cfg->pages[i].hints
                                                                    : "");
    r++;
    tui_print(stdscr, r++, x + 2, w - 4, TUI_DIM,
              "requests %lu (polls included), last refresh %lu, first page after %lu ms",
              app->requests,
              app->requests_refresh, app->first_page_ms);
    char line[128];
    tui_counters_refresh(&app->counters, line, sizeof line);
    tui_print(stdscr, r++, x + 2, w - 4, TUI_DIM, "last refresh %s, %zu txs", line,
              app->past ? app->past->ntxs : 0);
    for (size_t i = 0; i < draw_lines; i++) {
        tui_counters_draws(&app->counters, i * per_line, per_line, app->cfg->npages, line,
                           sizeof line);
        tui_print(stdscr, r++, x + 2, w - 4, TUI_DIM, "draw ms last/max %s", line);
    }
}

static void draw(tui_app *app)
{
    erase();
    curs_set(0);
    if (COLS < MIN_W || LINES < MIN_H) {
        tui_print(stdscr, 0, 0, COLS, TUI_WARN, "Terminal too small (%dx%d); 80x24 or more, please.",
                  COLS, LINES);
        refresh();
        return;
    }
    draw_header(app);
    draw_sidebar(app);
    if (app->page_win) {
        werase(app->page_win);
        if (!app->snap)
            tui_print(app->page_win, 1, 1, 0, TUI_DIM, "%s reading the chain...",
                      tui_spinner(tui_app_clock_ms(app)));
        else {
            unsigned long start = tui_counters_clock_us();
            app->cfg->pages[app->page].draw(app, app->page_state[app->page], app->page_win);
            tui_counters_drew(&app->counters, app->page, tui_counters_clock_us() - start);
        }
    }
    draw_bottom(app);
    if (app->modal == MODAL_FORM)
        tui_form_draw(&app->form, app, stdscr);
    else if (app->modal == MODAL_CONFIRM)
        draw_confirm(app);
    else if (app->modal == MODAL_HELP)
        draw_help(app);
    else if (app->modal == MODAL_PREPARING) {
        int y, x;
        tui_box(stdscr, 5, 50, "Preparing", &y, &x);
        tui_print(stdscr, y + 2, x + 2, 46, TUI_WARN, "%s asking the node for nonce, gas and fee",
                  tui_spinner(tui_app_clock_ms(app)));
    }
    refresh();
}

static void layout(tui_app *app)
{
    if (app->page_win)
        delwin(app->page_win);
    app->page_win = NULL;
    if (COLS >= MIN_W && LINES >= MIN_H)
        app->page_win = derwin(stdscr, LINES - HEADER_H - 2, COLS - SIDEBAR_W - 1, HEADER_H,
                               SIDEBAR_W + 1);
}

static void go_page(tui_app *app, size_t page)
{
    if (page < app->cfg->npages)
        app->page = page;
}

static void on_key(tui_app *app, int ch)
{
    if (ch == KEY_RESIZE) {
        layout(app);
        return;
    }
    switch (app->modal) {
    case MODAL_FORM: form_key(app, ch); return;
    case MODAL_CONFIRM: confirm_key(app, ch); return;
    case MODAL_PREPARING:
        if (ch == 27) {
            app->modal = MODAL_NONE;
            action_clear(app);
            tui_app_message(app, false, "cancelled; nothing was sent");
        }
        return;
    case MODAL_HELP:
        app->modal = MODAL_NONE;
        return;
    case MODAL_NONE: break;
    }
    size_t n = app->cfg->npages;
    if (app->cfg->pages[app->page].key &&
        app->cfg->pages[app->page].key(app, app->page_state[app->page], ch))
        return;
    if (ch >= '1' && ch <= '9')
        go_page(app, (size_t)(ch - '1'));
    else if (ch == KEY_RIGHT || ch == KEY_NPAGE)
        app->page = (app->page + 1) % n;
    else if (ch == KEY_LEFT || ch == KEY_PPAGE)
        app->page = (app->page + n - 1) % n;
    else if (ch == '?')
        app->modal = MODAL_HELP;
    else if (ch == 'q' || ch == 'Q')
        app->quit = true;
    else if (ch == 'r' || ch == 12) /* r or Ctrl-L: read again and redraw */
        tui_worker_refresh(app->worker), clearok(curscr, TRUE);
}

static void free_page_states(tui_app *app)
{
    for (size_t i = 0; app->page_state && i < app->cfg->npages; i++)
        free(app->page_state[i]);
    free(app->page_state);
}

pc_status tui_run(const tui_config *cfg, pc_error *err)
{
    tui_app *app = calloc(1, sizeof *app);
    if (!app)
        return pc_fail(err, PC_ENOMEM, "out of memory");
    app->cfg = cfg;
    app->page = cfg->first_page >= 0 && (size_t)cfg->first_page < cfg->npages
                    ? (size_t)cfg->first_page : 0;
    clock_gettime(CLOCK_MONOTONIC, &app->started);
    app->page_state = calloc(cfg->npages, sizeof *app->page_state);
    bool states_ok = app->page_state != NULL;
    for (size_t i = 0; states_ok && i < cfg->npages; i++)
        if (cfg->pages[i].state_size &&
            !(app->page_state[i] = calloc(1, cfg->pages[i].state_size)))
            states_ok = false;
    pc_status st = states_ok ? tui_wallet_open(&cfg->wallet, &app->wallet, err)
                             : pc_fail(err, PC_ENOMEM, "out of memory");
    if (st == PC_OK)
        st = tui_worker_start(cfg->rpc_urls, cfg->nrpc_urls, cfg->timeout_s, cfg->contract,
                              &app->worker, err);
    if (st != PC_OK) {
        tui_wallet_close(app->wallet);
        free_page_states(app);
        free(app);
        return st;
    }
    tui_app_account_changed(app);

    initscr();
    cbreak();
    noecho();
    nonl();
    keypad(stdscr, TRUE);
    set_escdelay(25);
    timeout(100); /* redraw spinners and take worker events ten times a second */
    tui_ui_init();
    layout(app);
    tui_app_message(app, false, "connecting to %s", cfg->rpc_urls[0]);

    while (!app->quit) {
        tui_ev ev;
        while (tui_worker_poll(app->worker, &ev))
            on_event(app, &ev);
        draw(app);
        int ch = getch();
        if (ch != ERR)
            on_key(app, ch);
    }

    if (app->modal == MODAL_FORM)
        tui_form_free(&app->form);
    if (app->page_win)
        delwin(app->page_win);
    endwin();
    tui_worker_stop(app->worker);
    action_clear(app);
    wallet_state_free(app->snap);
    wallet_past_free(app->past);
    free(app->past);
    tui_wallet_close(app->wallet);
    free(app->node);
    free_page_states(app);
    free(app);
    return PC_OK;
}
