#include "tui/flow.h"

#include <stdio.h>
#include <string.h>

#include "tui/chrome.h"
#include "tui/confirm.h"
#include "tui/shell.h"

static bool step(tui_app *app, const tui_act_event *ev);

static tui_form_view form_view(const tui_app *app)
{
    return (tui_form_view){ .app = app, .snap = app->snap, .book = app->cfg->names };
}

static tui_confirm_view confirm_view(const tui_app *app)
{
    return (tui_confirm_view){ .snap = app->snap, .past = app->past, .book = app->cfg->names,
                               .account_name = tui_wallet_name(app->wallet) };
}

static void close_form(tui_app *app)
{
    if (app->modal == TUI_MODAL_FORM)
        tui_form_free(&app->form);
    app->modal = TUI_MODAL_NONE;
}

/* False (with the reason on the message line) when it cannot open. */
static bool open_form(tui_app *app, const tui_form_spec *spec, bool password)
{
    pc_error e = { 0 };
    close_form(app);
    if (tui_form_init(&app->form, spec, &e) != PC_OK) {
        tui_app_message(app, true, "%s", e.msg);
        return false;
    }
    app->form_is_password = password;
    app->modal = TUI_MODAL_FORM;
    return true;
}

/* ---- the effects ---- */

static pc_status password_submit(tui_app *app, char *const texts[], secret *const secrets[],
                                 pc_error *err)
{
    (void)texts;
    const tui_action *a = tui_actions_front(&app->acts);
    pc_status st = tui_wallet_unlock_start(app->wallet, secrets[0], &app->unlock, err);
    if (st == PC_OK && a) {
        app->unlock_id = a->id;
        step(app, &(tui_act_event){ .kind = TUI_ACT_PASSWORD });
    }
    return st;
}

static void ask_password(tui_app *app, const char *again)
{
    static const tui_form_spec spec = {
        .title = "Unlock the account",
        .nfields = 1,
        .fields = { { .label = "Password", .type = TUI_FIELD_SECRET } },
        .submit = password_submit,
    };
    if (!open_form(app, &spec, true)) {
        step(app, &(tui_act_event){ .kind = TUI_ACT_NO });
        return;
    }
    const char *name = tui_wallet_name(app->wallet);
    if (again[0])
        snprintf(app->form.note, sizeof app->form.note, "%s", again);
    else
        snprintf(app->form.note, sizeof app->form.note, "%s stays unlocked for %d minutes",
                 name[0] ? name : "the account", TUI_UNLOCK_SECONDS / 60);
}

static void send(tui_app *app, const tui_action *a)
{
    pc_error e = { 0 };
    secret *key = NULL;
    unsigned id = a->id;
    if (tui_wallet_key(app->wallet, &key, &e) != PC_OK) {
        tui_worker_cancel(app->worker, id);
        step(app, &(tui_act_event){ .kind = TUI_ACT_SENT, .id = id, .status = e.status,
                                    .msg = e.msg, .busy = app->modal != TUI_MODAL_NONE });
        return;
    }
    tui_worker_send(app->worker, id, key);
}

/* The action's form as the person left it, with why it is back. */
static void edit(tui_app *app, const tui_action *a, const char *why)
{
    if (!open_form(app, &a->spec, false)) {
        step(app, &(tui_act_event){ .kind = TUI_ACT_NO });
        return;
    }
    for (size_t i = 0; i < app->form.spec.nfields; i++)
        tui_form_set_text(&app->form, i, a->text[i]);
    snprintf(app->form.note, sizeof app->form.note, "%s", why);
}

static void carry_out(tui_app *app, const tui_effect *fx)
{
    const tui_action *a = tui_actions_find(&app->acts, fx->id);
    if (fx->kind == TUI_DO_MESSAGE) {
        tui_app_message(app, fx->error, "%s", fx->text);
        return;
    }
    if (fx->kind == TUI_DO_CANCEL) { /* the action itself is gone */
        tui_worker_cancel(app->worker, fx->id);
        return;
    }
    if (!a)
        return; /* an action forgotten since: nothing to do for it */
    switch (fx->kind) {
    case TUI_DO_PREPARE: tui_worker_prepare(app->worker, a->id, &a->t); break;
    case TUI_DO_ASK_PASSWORD: ask_password(app, fx->text); break;
    case TUI_DO_SEND: send(app, a); break;
    case TUI_DO_EDIT: edit(app, a, fx->text); break;
    case TUI_DO_CLOSE_FORM: close_form(app); break;
    case TUI_DO_MESSAGE:
    case TUI_DO_CANCEL: break;
    }
}

/* Feeds the machine and carries out its effects; false when it refused. */
static bool step(tui_app *app, const tui_act_event *ev)
{
    tui_effects fx;
    bool taken = tui_actions_step(&app->acts, ev, &fx);
    /* A copy: an effect may step the machine again (a send without a key). */
    for (size_t i = 0; i < fx.n; i++)
        carry_out(app, &fx.at[i]);
    return taken;
}

/* ---- forms ---- */

/* Form checked: encode the call and hand it to the machine. */
static void submit_call(tui_app *app)
{
    tui_form *f = &app->form;
    eth_address from;
    pc_error e = { 0 };
    tui_call call;
    if (!tui_wallet_address(app->wallet, &from)) {
        snprintf(f->note, sizeof f->note, "no account: create or import one on the Accounts page");
        return;
    }
    if (tui_form_encode(f, app->cfg->names, &call, &e) != PC_OK) {
        snprintf(f->note, sizeof f->note, "%s", e.msg);
        return;
    }
    wallet_tx base = { .from = from, .has_to = true,
                       .to = *pc_contract_address(app->cfg->contract),
                       .has_chain_id = app->cfg->has_chain_id, .chain_id = app->cfg->chain_id,
                       .wait_s = WALLET_DEFAULT_WAIT_S, .fee_cap = app->cfg->fee_cap };
    step(app, &(tui_act_event){ .kind = TUI_ACT_SUBMIT, .call = &call, .text = f->text,
                                .base = &base });
    bytebuf_free(&call.calldata); /* left to free when the machine refused it */
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
    char resolved[TUI_FORM_FIELDS][ETH_ADDRESS_TEXT_LEN];
    char *texts[TUI_FORM_FIELDS];
    tui_form_texts(f, app->cfg->names, resolved, texts);
    /* The submit's own message, if any, replaces this one. */
    tui_app_message(app, false, "%s: done", f->spec.title);
    if (st == PC_OK) {
        /* The submit may open another modal (the password's check sends). */
        app->modal = TUI_MODAL_NONE;
        st = spec.submit(app, texts, secrets, &e);
    }
    for (size_t i = 0; i < TUI_FORM_FIELDS; i++)
        secret_free(secrets[i]);
    if (st != PC_OK) {
        app->modal = TUI_MODAL_FORM;
        snprintf(f->note, sizeof f->note, "%s", e.msg);
        tui_app_message(app, true, "%s", e.msg);
        return;
    }
    if (app->modal == TUI_MODAL_NONE)
        tui_form_free(f);
}

static void submit_form(tui_app *app)
{
    tui_form_view v = form_view(app);
    if (!tui_form_validate(&app->form, &v))
        return;
    if (app->form.spec.method != PC_FN_NONE)
        submit_call(app);
    else
        submit_local(app);
}

void tui_flow_asked(tui_app *app)
{
    if (!app->asked)
        return;
    app->asked = false;
    const tui_form_spec *spec = &app->asked_spec;
    if (spec->method != PC_FN_NONE &&
        !step(app, &(tui_act_event){ .kind = TUI_ACT_OPEN, .spec = spec }))
        return;
    if (!open_form(app, spec, false)) {
        if (spec->method != PC_FN_NONE)
            step(app, &(tui_act_event){ .kind = TUI_ACT_NO });
        return;
    }
    if (app->asked_submit)
        submit_form(app);
}

/* The form's own: the front action's form (EDITING), its password
 * (UNLOCKING), or a page's local form. */
static bool form_of_front(const tui_app *app)
{
    const tui_action *a = tui_actions_front(&app->acts);
    return a && (a->state == TUI_ACTION_EDITING ||
                 (a->state == TUI_ACTION_UNLOCKING && !a->checking));
}

static void form_key(tui_app *app, int ch)
{
    tui_form_result r = tui_form_key(&app->form, ch);
    if (r == TUI_FORM_CANCEL) {
        bool front = form_of_front(app);
        close_form(app);
        if (front)
            step(app, &(tui_act_event){ .kind = TUI_ACT_NO });
        else
            tui_app_message(app, false, "cancelled; nothing was sent");
        return;
    }
    if (r == TUI_FORM_SUBMIT)
        submit_form(app);
}

/* ---- the action's dialogs ---- */

bool tui_flow_has_keys(const tui_app *app)
{
    return app->modal == TUI_MODAL_FORM || tui_actions_front(&app->acts);
}

static void dialog_key(tui_app *app, const tui_action *a, int ch)
{
    tui_act_event ev = { .kind = TUI_ACT_NO, .locked = tui_wallet_needs_password(app->wallet) };
    if (ch == 27) {
        step(app, &ev);
        return;
    }
    if (a->state != TUI_ACTION_CONFIRMING)
        return; /* preparing, simulating, or the password's check: only Esc */
    if (ch == KEY_UP || ch == KEY_DOWN || ch == KEY_PPAGE || ch == KEY_NPAGE) {
        int by = ch == KEY_UP || ch == KEY_DOWN ? 1 : LINES / 2;
        app->confirm_scroll += ch == KEY_UP || ch == KEY_PPAGE ? -by : by; /* the draw clamps */
        return;
    }
    if (ch == 'y' || ch == 'Y')
        ev.kind = TUI_ACT_YES;
    else if (ch == '\n' || ch == '\r' || ch == KEY_ENTER)
        ev.kind = TUI_ACT_ENTER;
    else if (ch == '\t' || ch == KEY_BTAB || ch == KEY_LEFT || ch == KEY_RIGHT)
        ev.kind = TUI_ACT_FOCUS;
    else if (ch != 'n' && ch != 'N')
        return;
    step(app, &ev);
}

void tui_flow_key(tui_app *app, int ch)
{
    const tui_action *a = tui_actions_front(&app->acts);
    if (app->modal == TUI_MODAL_FORM)
        form_key(app, ch);
    else if (a)
        dialog_key(app, a, ch);
}

bool tui_flow_mouse(tui_app *app, int y, int x, bool press)
{
    const tui_action *a = tui_actions_front(&app->acts);
    if (app->modal == TUI_MODAL_FORM || !a)
        return app->modal == TUI_MODAL_FORM;
    if (a->state != TUI_ACTION_CONFIRMING || !press)
        return true;
    tui_confirm_view v = confirm_view(app);
    switch (tui_confirm_click(a, &v, y, x)) {
    case TUI_CONFIRM_SIGN: dialog_key(app, a, 'y'); break;
    case TUI_CONFIRM_CANCEL: dialog_key(app, a, 'n'); break;
    case TUI_CONFIRM_NONE: break;
    }
    return true;
}

/* ---- answers ---- */

void tui_flow_answer(tui_app *app, tui_ev *ev)
{
    tui_act_event a = { .id = ev->id, .status = ev->status, .msg = ev->msg };
    switch (ev->kind) {
    case TUI_EV_PREPARED:
        a.kind = TUI_ACT_PREPARED;
        a.tx = &ev->tx;
        break;
    case TUI_EV_SIMULATED:
        a.kind = TUI_ACT_SIMULATED;
        a.sim = &ev->sim; /* taken, or freed with the event */
        break;
    case TUI_EV_SENT:
        a.kind = TUI_ACT_SENT;
        a.hash = ev->hash;
        a.busy = app->modal != TUI_MODAL_NONE;
        break;
    case TUI_EV_MINED:
        a.kind = TUI_ACT_MINED;
        a.outcome = &ev->outcome;
        break;
    default: return; /* not about a transaction */
    }
    step(app, &a);
}

void tui_flow_poll(tui_app *app)
{
    if (!app->unlock || !tui_unlock_done(app->unlock))
        return;
    pc_error e = { 0 };
    tui_unlock *u = app->unlock;
    app->unlock = NULL;
    pc_status st = tui_wallet_unlock_finish(app->wallet, u, &e);
    step(app, &(tui_act_event){ .kind = TUI_ACT_UNLOCKED, .id = app->unlock_id, .status = st,
                                .msg = e.msg });
}

void tui_flow_draw(tui_app *app)
{
    const tui_action *a = tui_actions_front(&app->acts);
    unsigned long now = tui_app_clock_ms(app);
    if (app->modal == TUI_MODAL_FORM) {
        tui_form_view v = form_view(app);
        tui_form_draw(&app->form, &v, stdscr);
    } else if (a && a->state == TUI_ACTION_PREPARING) {
        tui_chrome_waiting("Preparing", "asking the node for nonce, gas and fee", now);
    } else if (a && a->state == TUI_ACTION_SIMULATING) {
        tui_chrome_waiting("Simulating", "the node runs it on its contract", now);
    } else if (a && a->state == TUI_ACTION_UNLOCKING && a->checking) {
        tui_chrome_waiting("Unlocking", "unlocking...", now);
    } else if (a && a->state == TUI_ACTION_CONFIRMING) {
        tui_confirm_view v = confirm_view(app);
        if (app->confirm_id != a->id) {
            app->confirm_id = a->id;
            app->confirm_scroll = 0;
        }
        tui_confirm_draw(a, &v, &app->confirm_scroll);
    }
}

void tui_flow_end(tui_app *app)
{
    close_form(app);
    if (app->unlock) {
        pc_error e = { 0 };
        tui_wallet_unlock_finish(app->wallet, app->unlock, &e);
        app->unlock = NULL;
    }
}
