#include "tui/app.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "eth/hex.h"
#include "tui/action.h"
#include "tui/chrome.h"
#include "tui/counters.h"
#include "tui/form.h"
#include "tui/ui.h"
#include "tui/worker.h"
#include "wallet/effect.h"

#define MAX_TXS 64
#define WHEEL_LINES 3

/* What has the keyboard besides the page; the action's own dialogs
 * (Preparing, the confirmation) come from its state. */
typedef enum modal {
    MODAL_NONE,
    MODAL_FORM,      /* a page's form, or the password prompt */
    MODAL_HELP,
} modal;

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
    size_t page;
    void **page_state;              /* each page's view state (tui_page.state_size) */
    WINDOW *page_win;
    modal modal;
    tui_form form;
    bool form_is_password;
    tui_action act;
    tui_unlock *unlock;             /* the password being tried, off this thread */
    unsigned next_id;
    tui_tx_record txs[MAX_TXS];
    size_t ntxs;
    char message[PC_ERROR_MSG_MAX];
    bool message_error;
    struct timespec started;
    unsigned long snapshot_ms;      /* when the last snapshot came */
    unsigned long first_page_ms;    /* when the first snapshot was shown */
    unsigned long requests;         /* the worker's HTTP requests so far */
    unsigned long requests_refresh; /* HTTP requests the last snapshot took */
    unsigned long snapshots;
    tui_counters counters;          /* speed figures for bench/, shown in the help */
    bool series_wanted;             /* told the worker to replay the charts' series */
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
    return app->node ? app->node : "the node";
}
const pc_contract *tui_app_contract(const tui_app *app) { return app->cfg->contract; }

const names *tui_app_names(const tui_app *app)
{
    return app->cfg->names;
}
tui_wallet *tui_app_wallet(tui_app *app) { return app->wallet; }
const tui_wallet *tui_app_wallet_view(const tui_app *app) { return app->wallet; }
size_t tui_app_tx_count(const tui_app *app) { return app->ntxs; }
const tui_tx_record *tui_app_tx_at(const tui_app *app, size_t i) { return &app->txs[i]; }

size_t tui_app_network_count(const tui_app *app) { return app->cfg->nnetworks; }
const char *tui_app_network_at(const tui_app *app, size_t i) { return app->cfg->networks[i]; }
const char *tui_app_network(const tui_app *app) { return app->cfg->network; }

void tui_app_switch_network(tui_app *app, size_t i)
{
    for (size_t t = 0; t < app->ntxs; t++)
        if (app->txs[t].state == TUI_TX_SIGNING || app->txs[t].state == TUI_TX_PENDING) {
            tui_app_message(app, true, "wait for the pending transactions before switching");
            return;
        }
    snprintf(app->cfg->switch_to->network, sizeof app->cfg->switch_to->network, "%s",
             app->cfg->networks[i]);
    app->cfg->switch_to->page = (int)app->page;
    app->quit = true;
}

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

/* Form checked: encode the call and ask the worker for nonce, gas and fee. */
static void start_action(tui_app *app)
{
    tui_form *f = &app->form;
    eth_address from;
    if (!tui_wallet_address(app->wallet, &from)) {
        snprintf(f->note, sizeof f->note, "no account: create or import one on the Accounts page");
        return;
    }
    wallet_tx base = { .from = from, .has_to = true,
                       .to = *pc_contract_address(app->cfg->contract),
                       .has_chain_id = app->cfg->has_chain_id, .chain_id = app->cfg->chain_id,
                       .wait_s = WALLET_DEFAULT_WAIT_S, .fee_cap = app->cfg->fee_cap };
    if (!tui_action_start(&app->act, app, f, app->next_id + 1, &base, app->worker, f->note,
                          sizeof f->note))
        return;
    app->next_id++;
    tui_form_free(f);
    app->modal = MODAL_NONE;
}

/* The form of the action that failed, as the person left it, with why. */
static void reopen_form(tui_app *app, const char *why)
{
    tui_app_open_form(app, &app->act.spec);
    if (app->modal != MODAL_FORM)
        return;
    for (size_t i = 0; i < app->form.spec.nfields; i++)
        snprintf(app->form.text[i], sizeof app->form.text[i], "%s", app->act.text[i]);
    snprintf(app->form.note, sizeof app->form.note, "not sent: %s", why);
}

static void send_action(tui_app *app)
{
    pc_error e = { 0 };
    secret *key = NULL;
    if (tui_wallet_key(app->wallet, &key, &e) != PC_OK) {
        tui_app_message(app, true, "not sent: %s", e.msg);
        tui_worker_cancel(app->worker, app->act.id);
        tui_action_clear(&app->act);
        return;
    }
    record_new(app, app->act.id, app->act.description);
    tui_app_message(app, false, "signed %s; sending...", app->act.description);
    tui_action_send(&app->act, app->worker, key);
}

static pc_status password_submit(tui_app *app, char *const texts[], secret *const secrets[],
                                 pc_error *err)
{
    (void)texts;
    pc_status st = tui_wallet_unlock_start(app->wallet, secrets[0], &app->unlock, err);
    if (st == PC_OK)
        app->act.state = TUI_ACTION_UNLOCKING;
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
    if (app->modal != MODAL_FORM) {
        tui_worker_cancel(app->worker, app->act.id);
        tui_action_clear(&app->act);
        return;
    }
    app->act.state = TUI_ACTION_PASSWORD;
    app->form_is_password = true;
    snprintf(app->form.note, sizeof app->form.note, "%s stays unlocked for %d minutes",
             tui_wallet_name(app->wallet)[0] ? tui_wallet_name(app->wallet) : "the account",
             TUI_UNLOCK_SECONDS / 60);
}

/* The password was tried: sign and send, or ask it again saying why. */
static void unlock_done(tui_app *app)
{
    pc_error e = { 0 };
    tui_unlock *u = app->unlock;
    app->unlock = NULL;
    if (tui_wallet_unlock_finish(app->wallet, u, &e) == PC_OK) {
        send_action(app);
        return;
    }
    tui_app_message(app, true, "%s", e.msg);
    ask_password(app);
    if (app->modal == MODAL_FORM)
        snprintf(app->form.note, sizeof app->form.note, "%s", e.msg);
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

static void cancel_action(tui_app *app)
{
    unsigned id = app->act.id;
    if (tui_action_cancel(&app->act)) {
        tui_app_message(app, false, "cancelling: waiting for the node's answer...");
    } else {
        tui_worker_cancel(app->worker, id);
        tui_app_message(app, false, "cancelled; nothing was sent");
    }
}

static void form_key(tui_app *app, int ch)
{
    tui_form_result r = tui_form_key(&app->form, ch);
    if (r == TUI_FORM_CANCEL) {
        tui_form_free(&app->form);
        app->modal = MODAL_NONE;
        tui_app_message(app, false, "cancelled; nothing was sent");
        if (app->form_is_password) {
            tui_worker_cancel(app->worker, app->act.id);
            tui_action_cancel(&app->act);
        }
        return;
    }
    if (r == TUI_FORM_SUBMIT)
        submit_form(app);
}

static void sign(tui_app *app)
{
    if (tui_wallet_needs_password(app->wallet))
        ask_password(app);
    else
        send_action(app);
}

static void confirm_key(tui_app *app, int ch)
{
    if (ch == 'y' || ch == 'Y')
        sign(app);
    else if (ch == 'n' || ch == 'N' || ch == 27)
        cancel_action(app);
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

static void on_prepared(tui_app *app, const tui_ev *ev)
{
    switch (tui_action_prepared(&app->act, ev)) {
    case TUI_PREPARED_OTHER: break;
    case TUI_PREPARED_CONFIRM: break;
    case TUI_PREPARED_CANCELLED:
        tui_worker_cancel(app->worker, ev->id);
        tui_app_message(app, false, "cancelled; nothing was sent");
        break;
    case TUI_PREPARED_FAILED:
        tui_app_message(app, true, "not sent: %s", ev->msg);
        if (app->modal == MODAL_NONE)
            reopen_form(app, ev->msg);
        break;
    }
}

static void on_sent(tui_app *app, const tui_ev *ev, tui_tx_record *r)
{
    char h[65];
    memcpy(r->hash, ev->hash, 32);
    hex_encode(ev->hash, 32, h);
    if (ev->status == PC_OK) {
        r->has_hash = true;
        r->state = TUI_TX_PENDING;
        tui_app_message(app, false, "sent 0x%.16s..., waiting for the receipt", h);
        return;
    }
    r->state = TUI_TX_FAILED;
    snprintf(r->outcome, sizeof r->outcome, "%.250s", ev->msg);
    tui_app_message(app, true, "%s: %s", r->description, ev->msg);
    /* The person's texts come back, unless they are busy with another. */
    if (ev->id == app->act.id && app->act.state == TUI_ACTION_IDLE && app->modal == MODAL_NONE)
        reopen_form(app, ev->msg);
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
        app->snapshot_ms = tui_app_clock_ms(app);
        if (!app->snapshots++)
            app->first_page_ms = app->snapshot_ms;
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
        } else if (app->past && ev->past_head > app->past->head) {
            app->past->head = ev->past_head; /* as true up to this block */
        }
        update_roles(app);
        break;
    case TUI_EV_PREPARED: on_prepared(app, ev); break;
    case TUI_EV_SIMULATED: break; /* the dialog does not show it yet */
    case TUI_EV_SENT:
        if (r)
            on_sent(app, ev, r);
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

static tui_chrome chrome_of(const tui_app *app)
{
    return (tui_chrome){
        .pages = app->cfg->pages, .npages = app->cfg->npages, .page = app->page,
        .message = app->message, .message_error = app->message_error,
        .ever_connected = app->ever_connected, .now_ms = tui_app_clock_ms(app),
        .snapshot_ms = app->snapshot_ms, .requests = app->requests,
        .requests_refresh = app->requests_refresh, .first_page_ms = app->first_page_ms,
        .counters = &app->counters, .past_txs = app->past ? app->past->ntxs : 0,
    };
}

/* The confirmation's lines, as the chrome lays them out and hit-tests them. */
static size_t confirm_lines(tui_app *app, tui_action_line lines[TUI_ACTION_LINES])
{
    return tui_action_lines(&app->act, app, tui_wallet_name(app->wallet), lines);
}

static void draw(tui_app *app)
{
    erase();
    curs_set(0);
    if (!tui_chrome_fits()) {
        tui_chrome_too_small();
        refresh();
        return;
    }
    tui_chrome c = chrome_of(app);
    tui_chrome_header(app, &c);
    tui_chrome_sidebar(&c);
    if (app->page_win) {
        werase(app->page_win);
        if (!app->snap)
            tui_print(app->page_win, 1, 1, 0, TUI_DIM, "%s reading the chain...",
                      tui_spinner(c.now_ms));
        else {
            unsigned long start = tui_counters_clock_us();
            app->cfg->pages[app->page].draw(app, app->page_state[app->page], app->page_win);
            tui_counters_drew(&app->counters, app->page, tui_counters_clock_us() - start);
        }
    }
    tui_chrome_bottom(app, &c);
    if (app->modal == MODAL_FORM) {
        tui_form_draw(&app->form, app, stdscr);
    } else if (app->modal == MODAL_HELP) {
        tui_chrome_help(&c);
    } else if (app->act.state == TUI_ACTION_PREPARING) {
        tui_chrome_waiting("Preparing", "asking the node for nonce, gas and fee", c.now_ms);
    } else if (app->act.state == TUI_ACTION_UNLOCKING) {
        tui_chrome_waiting("Unlocking", "unlocking...", c.now_ms);
    } else if (app->act.state == TUI_ACTION_CONFIRMING) {
        tui_action_line lines[TUI_ACTION_LINES];
        tui_chrome_confirm(lines, confirm_lines(app, lines));
    }
    refresh();
}

static void layout(tui_app *app)
{
    if (app->page_win)
        delwin(app->page_win);
    app->page_win = NULL;
    if (tui_chrome_fits())
        app->page_win = derwin(stdscr, LINES - TUI_HEADER_H - TUI_BOTTOM_H,
                               COLS - TUI_SIDEBAR_W - 1, TUI_HEADER_H, TUI_SIDEBAR_W + 1);
}

/* ---- keys and the mouse ---- */

static bool page_key(tui_app *app, int ch)
{
    const tui_page *p = &app->cfg->pages[app->page];
    return p->key && p->key(app, app->page_state[app->page], ch);
}

static void on_mouse(tui_app *app)
{
    MEVENT m;
    if (getmouse(&m) != OK)
        return;
    bool click = m.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED);
    if (app->modal == MODAL_HELP) {
        app->modal = click ? MODAL_NONE : app->modal;
        return;
    }
    if (app->modal != MODAL_NONE || app->act.state == TUI_ACTION_PREPARING ||
        app->act.state == TUI_ACTION_UNLOCKING)
        return;
    if (app->act.state == TUI_ACTION_CONFIRMING) {
        tui_action_line lines[TUI_ACTION_LINES];
        switch (click ? tui_chrome_confirm_hit(lines, confirm_lines(app, lines), m.y, m.x)
                      : TUI_HIT_NONE) {
        case TUI_HIT_SIGN: sign(app); break;
        case TUI_HIT_CANCEL: cancel_action(app); break;
        case TUI_HIT_NONE: break;
        }
        return;
    }
    if (m.bstate & (BUTTON4_PRESSED | BUTTON5_PRESSED)) {
        for (int i = 0; i < WHEEL_LINES; i++)
            page_key(app, m.bstate & BUTTON4_PRESSED ? KEY_UP : KEY_DOWN);
        return;
    }
    if (!click)
        return;
    tui_chrome c = chrome_of(app);
    int page = tui_chrome_sidebar_hit(&c, m.y, m.x);
    const tui_page *p = &app->cfg->pages[app->page];
    int y = m.y, x = m.x;
    if (page >= 0)
        app->page = (size_t)page;
    else if (p->click && app->page_win && wmouse_trafo(app->page_win, &y, &x, FALSE))
        p->click(app, app->page_state[app->page], y, x);
}

static void on_key(tui_app *app, int ch)
{
    bool quit_key = ch == 'q' || ch == 'Q' || ch == KEY_F(10);
    if (ch == KEY_RESIZE) {
        layout(app);
        return;
    }
    if (!tui_chrome_fits()) {
        app->quit = quit_key;
        return;
    }
    if (ch == KEY_MOUSE) {
        on_mouse(app);
        return;
    }
    if (app->modal == MODAL_FORM) {
        form_key(app, ch);
        return;
    }
    if (app->modal == MODAL_HELP) {
        app->modal = MODAL_NONE;
        return;
    }
    if (app->act.state == TUI_ACTION_UNLOCKING)
        return; /* a moment: signing follows */
    if (app->act.state == TUI_ACTION_PREPARING) {
        if (ch == 27)
            cancel_action(app);
        return;
    }
    if (app->act.state == TUI_ACTION_CONFIRMING) {
        confirm_key(app, ch);
        return;
    }
    size_t n = app->cfg->npages;
    if (page_key(app, ch))
        return;
    int pick = tui_chrome_page_key(ch);
    if (pick >= 0 && (size_t)pick < n)
        app->page = (size_t)pick;
    else if (ch == KEY_RIGHT || ch == '\t' || ch == ']')
        app->page = (app->page + 1) % n;
    else if (ch == KEY_LEFT || ch == KEY_BTAB || ch == '[')
        app->page = (app->page + n - 1) % n;
    else if (ch == '?' || ch == KEY_F(1))
        app->modal = MODAL_HELP;
    else if (quit_key)
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
    if (cfg->switch_to)
        cfg->switch_to->network[0] = '\0';
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
        st = tui_worker_start(cfg->rpc_urls, cfg->nrpc_urls, cfg->timeout_s, cfg->cacert, cfg->contract,
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
    /* Clicks and the wheel; a press counts at once, so no click waits. */
    mousemask(BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
    mouseinterval(0);
    timeout(100); /* redraw spinners and take worker events ten times a second */
    tui_ui_init();
    layout(app);
    /* Shown without credentials, paths or queries, as the worker names it later. */
    char shown[256];
    rpc_url_shown(cfg->rpc_urls[0], shown, sizeof shown);
    app->node = strdup(shown);
    tui_app_message(app, false, "connecting to %s", tui_app_node(app));

    while (!app->quit) {
        bool series = app->cfg->pages[app->page].shows_series;
        if (series != app->series_wanted) {
            app->series_wanted = series;
            tui_worker_want_series(app->worker, series);
        }
        tui_ev ev;
        while (tui_worker_poll(app->worker, &ev))
            on_event(app, &ev);
        if (app->unlock && tui_unlock_done(app->unlock))
            unlock_done(app);
        draw(app);
        int ch = getch();
        if (ch != ERR)
            on_key(app, ch);
    }

    if (app->modal == MODAL_FORM)
        tui_form_free(&app->form);
    if (app->unlock) {
        pc_error e = { 0 };
        tui_wallet_unlock_finish(app->wallet, app->unlock, &e);
    }
    if (app->page_win)
        delwin(app->page_win);
    endwin();
    /* The worker has stopped: nothing reads the action's calldata now. */
    tui_worker_stop(app->worker);
    tui_action_clear(&app->act);
    wallet_state_free(app->snap);
    wallet_past_free(app->past);
    free(app->past);
    tui_wallet_close(app->wallet);
    free(app->node);
    free_page_states(app);
    free(app);
    return PC_OK;
}
