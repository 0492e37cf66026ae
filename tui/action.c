#include "tui/action.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "eth/hex.h"
#include "wallet/text_amounts.h"

#define CANCELLED_TEXT "cancelled; nothing was sent"

static void effect(tui_effects *out, tui_effect_kind kind, unsigned id, bool error,
                   const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static void effect(tui_effects *out, tui_effect_kind kind, unsigned id, bool error,
                   const char *fmt, ...)
{
    if (out->n == TUI_EFFECTS_MAX)
        return; /* no step makes more */
    tui_effect *e = &out->at[out->n++];
    e->kind = kind;
    e->id = id;
    e->error = error;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e->text, sizeof e->text, fmt, ap);
    va_end(ap);
}

static bool in_front(tui_action_state s)
{
    return s >= TUI_ACTION_EDITING && s <= TUI_ACTION_UNLOCKING;
}

static tui_action *front(tui_actions *m)
{
    for (size_t i = 0; i < m->n; i++)
        if (in_front(m->at[i].state))
            return &m->at[i];
    return NULL;
}

static tui_action *by_id(tui_actions *m, unsigned id)
{
    for (size_t i = 0; i < m->n; i++)
        if (m->at[i].id == id)
            return &m->at[i];
    return NULL;
}

static void release(tui_action *a)
{
    bytebuf_free(&a->call.calldata);
    wallet_sim_free(&a->sim);
    a->has_sim = false;
}

static void forget(tui_actions *m, size_t i)
{
    release(&m->at[i]);
    memmove(&m->at[i], &m->at[i + 1], (m->n - i - 1) * sizeof m->at[0]);
    m->n--;
}

/* Forgets the oldest finished transaction; false when none is. */
static bool forget_oldest_done(tui_actions *m)
{
    for (size_t i = 0; i < m->n; i++)
        if (m->at[i].state == TUI_ACTION_DONE) {
            forget(m, i);
            return true;
        }
    return false;
}

/* Cancelled actions go; of the transactions, the last TUI_ACTIONS_KEPT
 * stay. */
static void collect(tui_actions *m)
{
    for (size_t i = m->n; i > 0; i--)
        if (m->at[i - 1].state == TUI_ACTION_CANCELLED)
            forget(m, i - 1);
    while (tui_actions_sent_count(m) > TUI_ACTIONS_KEPT && forget_oldest_done(m))
        ;
}

/* A new action in EDITING for spec, or NULL when every slot holds one
 * still under way. */
static tui_action *new_action(tui_actions *m, const tui_form_spec *spec)
{
    if (m->n == TUI_ACTIONS_MAX && !forget_oldest_done(m))
        return NULL;
    tui_action *a = &m->at[m->n++];
    memset(a, 0, sizeof *a);
    a->id = ++m->last_id;
    a->state = TUI_ACTION_EDITING;
    a->spec = *spec;
    return a;
}

static void open_form(tui_actions *m, const tui_act_event *ev, tui_effects *out)
{
    tui_action *busy = front(m);
    if (busy) {
        effect(out, TUI_DO_MESSAGE, busy->id, true,
               "another transaction is being prepared: finish or cancel it first");
        return;
    }
    if (!new_action(m, ev->spec)) {
        effect(out, TUI_DO_MESSAGE, 0, true,
               "%d transactions still wait for their receipts: wait for one first",
               TUI_ACTIONS_MAX);
    }
}

static bool submit(tui_action *a, const tui_act_event *ev, tui_effects *out)
{
    if (!a || a->state != TUI_ACTION_EDITING) {
        if (a)
            effect(out, TUI_DO_MESSAGE, a->id, true, "another transaction is being prepared");
        return false;
    }
    bytebuf_free(&a->call.calldata);
    a->call = *ev->call;
    ev->call->calldata = (bytebuf)BYTEBUF_INIT;
    memcpy(a->text, ev->text, sizeof a->text);
    a->t = *ev->base;
    a->t.data = a->call.calldata.data;
    a->t.data_len = a->call.calldata.len;
    a->state = TUI_ACTION_PREPARING;
    effect(out, TUI_DO_CLOSE_FORM, a->id, false, "%s", "");
    effect(out, TUI_DO_PREPARE, a->id, false, "%s", "");
    return true;
}

static void prepared(tui_action *a, const tui_act_event *ev, tui_effects *out)
{
    bytebuf_free(&a->call.calldata); /* the worker has its own copy */
    if (ev->status != PC_OK) {
        a->state = TUI_ACTION_EDITING;
        effect(out, TUI_DO_MESSAGE, a->id, true, "not sent: %s", ev->msg);
        effect(out, TUI_DO_EDIT, a->id, false, "not sent: %s", ev->msg);
        return;
    }
    a->tx = *ev->tx;
    a->state = TUI_ACTION_SIMULATING;
}

/* With or without a simulation, the person decides; a refusal the
 * simulation foresees puts the focus on Cancel. */
static void simulated(tui_action *a, const tui_act_event *ev)
{
    char why[PC_ERROR_MSG_MAX];
    if (ev->status == PC_OK && ev->sim) {
        a->sim = *ev->sim;
        memset(ev->sim, 0, sizeof *ev->sim);
        a->has_sim = true;
        a->refused = wallet_sim_refusal(&a->sim, why, sizeof why) != NULL;
    } else {
        snprintf(a->no_sim, sizeof a->no_sim, "%s", ev->msg ? ev->msg : "");
    }
    a->state = TUI_ACTION_CONFIRMING;
    a->sign_focused = !a->refused;
}

static void sign(tui_action *a, bool locked, tui_effects *out)
{
    if (locked) {
        a->state = TUI_ACTION_UNLOCKING;
        a->checking = false;
        effect(out, TUI_DO_ASK_PASSWORD, a->id, false, "%s", "");
        return;
    }
    a->state = TUI_ACTION_SENDING;
    effect(out, TUI_DO_MESSAGE, a->id, false, "signed %s; sending...", a->call.description);
    effect(out, TUI_DO_SEND, a->id, false, "%s", "");
}

static void cancel(tui_action *a, tui_effects *out)
{
    if (a->state != TUI_ACTION_EDITING)
        effect(out, TUI_DO_CANCEL, a->id, false, "%s", ""); /* the worker holds a job */
    a->state = TUI_ACTION_CANCELLED;
    effect(out, TUI_DO_MESSAGE, a->id, false, CANCELLED_TEXT);
}

static void unlocked(tui_action *a, const tui_act_event *ev, tui_effects *out)
{
    if (a->state != TUI_ACTION_UNLOCKING || !a->checking)
        return; /* cancelled meanwhile: the key is kept, nothing is sent */
    if (ev->status == PC_OK) {
        sign(a, false, out);
        return;
    }
    a->checking = false;
    effect(out, TUI_DO_MESSAGE, a->id, true, "%s", ev->msg);
    effect(out, TUI_DO_ASK_PASSWORD, a->id, false, "%s", ev->msg);
}

static bool all_zero(const uint8_t *b, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (b[i])
            return false;
    return true;
}

/* A failed send: the action ends; its form comes back as a new action
 * unless the person is busy or the signed transaction may be out. */
static void send_failed(tui_actions *m, tui_action *a, const tui_act_event *ev,
                        tui_effects *out)
{
    bool signed_tx = ev->hash && !all_zero(ev->hash, 32);
    bool may_be_out = signed_tx && (ev->status == PC_ENODE || ev->status == PC_ETIMEOUT);
    a->state = TUI_ACTION_DONE;
    a->failed = true;
    a->has_hash = signed_tx;
    if (signed_tx)
        memcpy(a->hash, ev->hash, 32);
    snprintf(a->outcome, sizeof a->outcome, "%.250s", ev->msg);
    if (may_be_out) {
        char h[65];
        hex_encode(a->hash, 32, h);
        effect(out, TUI_DO_MESSAGE, a->id, true,
               "%s: %s; the node may still have 0x%.16s..., so it is not offered again",
               a->call.description, ev->msg, h);
        return;
    }
    effect(out, TUI_DO_MESSAGE, a->id, true, "%s: %s", a->call.description, ev->msg);
    if (ev->busy || front(m))
        return;
    tui_form_spec spec = a->spec;
    char text[TUI_FORM_FIELDS][TUI_FIELD_MAX];
    memcpy(text, a->text, sizeof text);
    tui_action *again = new_action(m, &spec); /* may move a */
    if (!again)
        return;
    memcpy(again->text, text, sizeof text);
    effect(out, TUI_DO_EDIT, again->id, false, "not sent: %s", ev->msg);
}

static void sent(tui_actions *m, tui_action *a, const tui_act_event *ev, tui_effects *out)
{
    if (ev->status != PC_OK) {
        send_failed(m, a, ev, out);
        return;
    }
    char h[65];
    a->has_hash = true;
    memcpy(a->hash, ev->hash, 32);
    a->state = TUI_ACTION_WAITING;
    hex_encode(a->hash, 32, h);
    effect(out, TUI_DO_MESSAGE, a->id, false, "sent 0x%.16s..., waiting for the receipt", h);
}

static void mined(tui_action *a, const tui_act_event *ev, tui_effects *out)
{
    a->state = TUI_ACTION_DONE;
    if (ev->status != PC_OK) {
        a->failed = true;
        snprintf(a->outcome, sizeof a->outcome, "%.250s", ev->msg);
    } else {
        a->failed = wallet_outcome_cause(ev->outcome) != PC_CAUSE_NONE;
        a->block = ev->outcome->block;
        char raw[sizeof a->outcome];
        const pc_method *m = NULL;
        abi_value args = { 0 };
        tui_outcome_text(ev->outcome, raw, sizeof raw);
        /* Raw 18-decimal amounts (the thesis's texts) with their figures:
         * the call's arguments again from the texts it was encoded from
         * (its calldata went to the worker). */
        char *encoded[PC_MAX_ARGS];
        bytebuf cd = BYTEBUF_INIT;
        for (size_t i = 0; i < a->call.nargs; i++)
            encoded[i] = a->call.encoded[i];
        if (!a->call.method ||
            pc_encode_call(a->call.method, (int)a->call.nargs, encoded, &cd, NULL) != PC_OK ||
            pc_decode_calldata(cd.data, cd.len, &m, &args, NULL) != PC_OK)
            m = NULL;
        wallet_text_amounts(raw, m, &args, a->outcome, sizeof a->outcome);
        abi_value_free(&args);
        bytebuf_free(&cd);
    }
    effect(out, TUI_DO_MESSAGE, a->id, a->failed, "%s", a->outcome);
}

/* Keys of the dialogs: they concern the front action. */
static bool key_event(tui_action *a, const tui_act_event *ev, tui_effects *out)
{
    if (!a)
        return false;
    bool confirming = a->state == TUI_ACTION_CONFIRMING;
    switch (ev->kind) {
    case TUI_ACT_NO:
        cancel(a, out);
        return true;
    case TUI_ACT_YES:
    case TUI_ACT_ENTER:
        if (!confirming)
            return false;
        if (ev->kind == TUI_ACT_ENTER && !a->sign_focused)
            cancel(a, out);
        else
            sign(a, ev->locked, out);
        return true;
    case TUI_ACT_FOCUS:
        if (!confirming)
            return false;
        a->sign_focused = !a->sign_focused;
        return true;
    case TUI_ACT_PASSWORD:
        if (a->state != TUI_ACTION_UNLOCKING || a->checking)
            return false;
        a->checking = true;
        return true;
    default:
        return false;
    }
}

/* The worker's answers and the password's check: by id, in the state that
 * awaits them. */
static bool answer(tui_actions *m, tui_action *a, const tui_act_event *ev, tui_effects *out)
{
    switch (ev->kind) {
    case TUI_ACT_PREPARED:
        if (a->state != TUI_ACTION_PREPARING)
            return false;
        prepared(a, ev, out);
        return true;
    case TUI_ACT_SIMULATED:
        if (a->state != TUI_ACTION_SIMULATING)
            return false;
        simulated(a, ev);
        return true;
    case TUI_ACT_UNLOCKED:
        unlocked(a, ev, out);
        return true;
    case TUI_ACT_SENT:
        if (a->state != TUI_ACTION_SENDING)
            return false;
        sent(m, a, ev, out);
        return true;
    case TUI_ACT_MINED:
        if (a->state != TUI_ACTION_WAITING)
            return false;
        mined(a, ev, out);
        return true;
    default:
        return false;
    }
}

bool tui_actions_step(tui_actions *m, const tui_act_event *ev, tui_effects *out)
{
    out->n = 0;
    bool taken;
    switch (ev->kind) {
    case TUI_ACT_OPEN:
        open_form(m, ev, out);
        taken = out->n == 0;
        break;
    case TUI_ACT_SUBMIT:
        taken = submit(front(m), ev, out);
        break;
    case TUI_ACT_PREPARED:
    case TUI_ACT_SIMULATED:
    case TUI_ACT_UNLOCKED:
    case TUI_ACT_SENT:
    case TUI_ACT_MINED: {
        tui_action *a = by_id(m, ev->id);
        taken = a && answer(m, a, ev, out);
        break;
    }
    default:
        taken = key_event(front(m), ev, out);
        break;
    }
    collect(m);
    return taken;
}

const tui_action *tui_actions_front(const tui_actions *m)
{
    return front((tui_actions *)m);
}

const tui_action *tui_actions_find(const tui_actions *m, unsigned id)
{
    return by_id((tui_actions *)m, id);
}

static bool was_sent(const tui_action *a)
{
    return a->state >= TUI_ACTION_SENDING && a->state <= TUI_ACTION_DONE;
}

size_t tui_actions_sent_count(const tui_actions *m)
{
    size_t n = 0;
    for (size_t i = 0; i < m->n; i++)
        n += was_sent(&m->at[i]);
    return n;
}

const tui_action *tui_actions_sent_at(const tui_actions *m, size_t i)
{
    for (size_t k = 0; k < m->n; k++)
        if (was_sent(&m->at[k]) && i-- == 0)
            return &m->at[k];
    return NULL;
}

size_t tui_actions_pending(const tui_actions *m)
{
    size_t n = 0;
    for (size_t i = 0; i < m->n; i++)
        n += m->at[i].state == TUI_ACTION_SENDING || m->at[i].state == TUI_ACTION_WAITING;
    return n;
}

void tui_actions_free(tui_actions *m)
{
    for (size_t i = 0; i < m->n; i++)
        release(&m->at[i]);
    m->n = 0;
}

tui_tx_state tui_action_tx_state(const tui_action *a)
{
    switch (a->state) {
    case TUI_ACTION_WAITING: return TUI_TX_PENDING;
    case TUI_ACTION_DONE: return a->failed ? TUI_TX_FAILED : TUI_TX_MINED;
    default: return TUI_TX_SIGNING;
    }
}

void tui_outcome_text(const pc_outcome *o, char *out, size_t cap)
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
