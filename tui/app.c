#include "tui/app.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "tui/chrome.h"
#include "tui/shell.h"

/* ---- what pages ask ---- */

/* The form opens after the page's key: its presets, which may live on the
 * page's stack, are copied now. */
static void ask_form(tui_app *app, const tui_form_spec *spec, bool submit)
{
    app->asked = true;
    app->asked_submit = submit;
    app->asked_spec = *spec;
    for (size_t i = 0; i < spec->nfields && i < TUI_FORM_FIELDS; i++)
        if (spec->fields[i].preset) {
            snprintf(app->asked_presets[i], sizeof app->asked_presets[i], "%s",
                     spec->fields[i].preset);
            app->asked_spec.fields[i].preset = app->asked_presets[i];
        }
}

void tui_app_open_form(tui_app *app, const tui_form_spec *spec) { ask_form(app, spec, false); }
void tui_app_submit_form(tui_app *app, const tui_form_spec *spec) { ask_form(app, spec, true); }

void tui_app_read(tui_app *app, pc_fn method, int argc, char *const argv[])
{
    eth_address a;
    bool has = tui_wallet_address(app->wallet, &a);
    const pc_method *m = pc_method_get(method);
    if (!m)
        return;
    tui_worker_read(app->worker, ++app->last_read, m, has ? &a : NULL, argc, argv);
    tui_app_message(app, false, "reading %s...", m->name);
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

void tui_app_term(tui_app *app, const char *seq)
{
    size_t used = strlen(app->term_out), len = strlen(seq);
    if (used + len < sizeof app->term_out)
        memcpy(app->term_out + used, seq, len + 1);
}

void tui_app_go_page(tui_app *app, size_t i)
{
    if (i < app->cfg->npages)
        app->page = i;
}

int tui_app_page_for(const tui_app *app, waiting_kind k)
{
    for (size_t i = 0; i < app->cfg->npages; i++)
        if (app->cfg->pages[i].waits & (1u << k) && !app->cfg->pages[i].lists_waiting)
            return (int)i;
    return -1;
}

void tui_app_page_label(const tui_app *app, size_t i, char *out, size_t cap)
{
    snprintf(out, cap, "%c %s", tui_chrome_page_char(i), app->cfg->pages[i].title);
}

const waiting *tui_app_waiting(const tui_app *app)
{
    return app->waits_known ? &app->waits : NULL;
}

const nodes_report *tui_app_nodes(const tui_app *app) { return app->nodes; }

void tui_app_account_changed(tui_app *app)
{
    eth_address a;
    bool has = tui_wallet_address(app->wallet, &a);
    tui_worker_set_account(app->worker, has ? &a : NULL);
}

void tui_app_switch_network(tui_app *app, size_t i)
{
    if (tui_actions_pending(&app->acts)) {
        tui_app_message(app, true, "wait for the pending transactions before switching");
        return;
    }
    snprintf(app->cfg->switch_to->network, sizeof app->cfg->switch_to->network, "%s",
             app->cfg->networks[i]);
    app->cfg->switch_to->page = (int)app->page;
    app->quit = true;
}

/* ---- what pages read ---- */

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

const wallet_settle *tui_app_settle(const tui_app *app)
{
    const wallet_state *s = app->snap;
    return app->settle_known && s && s->has_account &&
                   eth_address_equal(&app->settle.sender, &s->account)
               ? &app->settle
               : NULL;
}
bool tui_app_connected(const tui_app *app) { return app->connected; }

bool tui_app_offline(const tui_app *app, char *out, size_t cap)
{
    bool offline = !app->ever_connected && app->past && app->past_offline;
    if (offline)
        tui_chrome_offline_text(app->past->head, app->past_as_of, out, cap);
    return offline;
}
uint64_t tui_app_chain_id(const tui_app *app) { return app->chain_id; }
const char *tui_app_node(const tui_app *app) { return app->node ? app->node : "the node"; }
const pc_contract *tui_app_contract(const tui_app *app) { return app->cfg->contract; }
const names *tui_app_names(const tui_app *app) { return app->cfg->names; }
tui_wallet *tui_app_wallet(tui_app *app) { return app->wallet; }
const tui_wallet *tui_app_wallet_view(const tui_app *app) { return app->wallet; }
size_t tui_app_network_count(const tui_app *app) { return app->cfg->nnetworks; }
const char *tui_app_network_at(const tui_app *app, size_t i) { return app->cfg->networks[i]; }
const char *tui_app_network(const tui_app *app) { return app->cfg->network; }

unsigned long tui_app_clock_ms(const tui_app *app)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (unsigned long)(ts.tv_sec - app->started.tv_sec) * 1000ul +
           (unsigned long)((ts.tv_nsec - app->started.tv_nsec) / 1000000L);
}

size_t tui_app_tx_count(const tui_app *app) { return tui_actions_sent_count(&app->acts); }
const tui_action *tui_app_tx_at(const tui_app *app, size_t i)
{
    return tui_actions_sent_at(&app->acts, i);
}
