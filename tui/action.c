#include "tui/action.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "eth/u256.h"

bool tui_action_start(tui_action *a, const tui_app *app, const tui_form *f, unsigned id,
                      const wallet_tx *base, tui_worker *w, char *why, size_t cap)
{
    if (a->state == TUI_ACTION_CANCELLING) {
        snprintf(why, cap, "the cancelled transaction still waits for the node's answer; "
                           "submit again in a moment");
        return false;
    }
    if (a->state != TUI_ACTION_IDLE) {
        snprintf(why, cap, "another transaction is being prepared");
        return false;
    }
    const pc_method *m = pc_method_find(f->spec.method);
    if (!m) {
        snprintf(why, cap, "unknown method %s", f->spec.method);
        return false;
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
    bytebuf calldata = { 0 };
    pc_error e = { 0 };
    if (pc_encode_call(m, (int)f->spec.nfields, texts, &calldata, &e) != PC_OK) {
        snprintf(why, cap, "%s", e.msg);
        return false;
    }
    tui_action_clear(a);
    a->id = id;
    a->method = m;
    a->calldata = calldata;
    a->spec = f->spec;
    memcpy(a->text, f->text, sizeof a->text);
    size_t used = (size_t)snprintf(a->description, sizeof a->description, "%s", m->name);
    for (size_t i = 0; i < f->spec.nfields && a->nargs < PC_MAX_ARGS; i++) {
        char v[160];
        tui_form_describe_arg(app, f->spec.fields[i].kind, f->text[i], v, sizeof v);
        snprintf(a->encoded[a->nargs], sizeof a->encoded[0], "%s", texts[i]);
        snprintf(a->args[a->nargs++], sizeof a->args[0], "%-12s %s", f->spec.fields[i].label, v);
        if (used < sizeof a->description)
            used += (size_t)snprintf(a->description + used, sizeof a->description - used, " %s",
                                     v);
    }
    a->t = *base;
    a->t.data = a->calldata.data;
    a->t.data_len = a->calldata.len;
    a->state = TUI_ACTION_PREPARING;
    tui_worker_prepare(w, a->id, &a->t);
    return true;
}

tui_prepared tui_action_prepared(tui_action *a, const tui_ev *ev)
{
    if (ev->id != a->id ||
        (a->state != TUI_ACTION_PREPARING && a->state != TUI_ACTION_CANCELLING))
        return TUI_PREPARED_OTHER;
    if (a->state == TUI_ACTION_CANCELLING) {
        tui_action_clear(a);
        return TUI_PREPARED_CANCELLED;
    }
    if (ev->status != PC_OK) {
        bytebuf_free(&a->calldata);
        a->state = TUI_ACTION_IDLE;
        return TUI_PREPARED_FAILED;
    }
    a->tx = ev->tx;
    a->state = TUI_ACTION_CONFIRMING;
    return TUI_PREPARED_CONFIRM;
}

bool tui_action_cancel(tui_action *a)
{
    if (a->state == TUI_ACTION_PREPARING) {
        a->state = TUI_ACTION_CANCELLING;
        return true;
    }
    if (a->state == TUI_ACTION_CONFIRMING || a->state == TUI_ACTION_PASSWORD)
        tui_action_clear(a);
    return false;
}

void tui_action_send(tui_action *a, tui_worker *w, secret *key)
{
    tui_worker_send(w, a->id, key);
    bytebuf_free(&a->calldata);
    a->state = TUI_ACTION_IDLE;
}

void tui_action_clear(tui_action *a)
{
    bytebuf_free(&a->calldata);
    memset(a, 0, sizeof *a);
}

static tui_action_line *line(tui_action_line *l, const char *label, bool emphasis,
                             const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static tui_action_line *line(tui_action_line *l, const char *label, bool emphasis,
                             const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(l->value, sizeof l->value, fmt, ap);
    va_end(ap);
    l->label = label;
    l->emphasis = emphasis;
    l->warning = false;
    return l + 1;
}

/* wallet/effect.h's lines for the prepared call, from the figures held now. */
static tui_action_line *effect_of(tui_action_line *l, const tui_action *a, const tui_app *app)
{
    const char *argv[PC_MAX_ARGS];
    for (size_t i = 0; i < a->nargs; i++)
        argv[i] = a->encoded[i];
    effect_call c = { .method = a->method->name, .nargs = a->nargs, .args = argv,
                      .state = tui_app_snapshot(app), .past = tui_app_past(app),
                      .book = tui_app_names(app), .own = a->t.from, .contract = a->t.to,
                      .gas_limit = a->tx.gas_limit,
                      .max_fee_per_gas = a->tx.type == ETH_TX_EIP1559 ? a->tx.max_fee
                                                                      : a->tx.gas_price };
    effect_lines lines;
    effect_describe(&c, &lines);
    static const char *const LABELS[] = { [EFFECT_WHAT] = "what it does",
                                          [EFFECT_FEE] = "", /* the text says it */
                                          [EFFECT_BALANCE] = "",
                                          [EFFECT_WARNING] = "warning" };
    for (size_t i = 0; i < lines.n; i++) {
        const effect_line *e = &lines.line[i];
        bool first = i == 0 || lines.line[i - 1].kind != e->kind;
        l = line(l, first ? LABELS[e->kind] : "", e->kind == EFFECT_WHAT, "%s", e->text);
        l[-1].warning = e->kind == EFFECT_WARNING;
    }
    return l;
}

size_t tui_action_lines(const tui_action *a, const tui_app *app, const char *account_name,
                        tui_action_line out[TUI_ACTION_LINES])
{
    char from[ETH_ADDRESS_TEXT_LEN], to[ETH_ADDRESS_TEXT_LEN];
    char v1[U256_DEC_MAX], v2[U256_DEC_MAX];
    eth_address_to_checksum(&a->t.from, from);
    eth_address_to_checksum(&a->t.to, to);
    tui_action_line *l = out;
    l = line(l, "method", true, "%s (%s)", a->method->name,
             a->method->kind == PC_VOTE ? "a vote" : "a transaction");
    l = effect_of(l, a, app);
    for (size_t i = 0; i < a->nargs; i++)
        l = line(l, "", false, "%s", a->args[i]);
    l = line(l, "account", false, "%s%s%s", account_name, account_name[0] ? " " : "", from);
    l = line(l, "contract", false, "%s", to);
    l = line(l, "chain id", false, "%llu", (unsigned long long)a->tx.chain_id);
    l = line(l, "nonce", false, "%llu", (unsigned long long)a->tx.nonce);
    l = line(l, "gas limit", false, "%llu", (unsigned long long)a->tx.gas_limit);
    if (a->tx.type == ETH_TX_EIP1559) {
        u256_to_dec(&a->tx.max_fee, v1);
        u256_to_dec(&a->tx.max_priority_fee, v2);
        l = line(l, "fee", false, "max %s wei/gas (tip %s)", v1, v2);
    } else {
        u256_to_dec(&a->tx.gas_price, v1);
        l = line(l, "fee", false, "%s wei/gas", v1);
    }
    return (size_t)(l - out);
}
