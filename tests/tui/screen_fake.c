#include "screen_fake.h"

#include <stdarg.h>
#include <stdio.h>

#include "screens/screens.h"
#include "tui/chrome.h"

/* ---- tui/app.h: what pages read ---- */

const wallet_state *tui_app_snapshot(const tui_app *app) { return app->snap; }
const wallet_past *tui_app_past(const tui_app *app) { return app->past; }
const char *tui_app_past_problem(const tui_app *app)
{
    return app->past_problem ? app->past_problem : "";
}

bool tui_app_indexing(const tui_app *app, uint64_t *done, uint64_t *total)
{
    *done = app->indexed;
    *total = app->to_index;
    return app->indexing;
}

unsigned tui_app_roles(const tui_app *app) { return app->roles; }
bool tui_app_connected(const tui_app *app) { return app->connected; }
uint64_t tui_app_chain_id(const tui_app *app) { return app->chain_id; }
const char *tui_app_node(const tui_app *app) { return app->node; }
const pc_contract *tui_app_contract(const tui_app *app) { return app->contract; }
const names *tui_app_names(const tui_app *app) { return app->book; }
tui_wallet *tui_app_wallet(tui_app *app) { return &app->wallet; }
const tui_wallet *tui_app_wallet_view(const tui_app *app) { return &app->wallet; }
size_t tui_app_network_count(const tui_app *app) { return app->nnetworks; }
const char *tui_app_network_at(const tui_app *app, size_t i) { return app->networks[i]; }
const char *tui_app_network(const tui_app *app) { return app->network; }
unsigned long tui_app_clock_ms(const tui_app *app) { return app->clock_ms; }
size_t tui_app_tx_count(const tui_app *app) { return app->ntxs; }
const tui_action *tui_app_tx_at(const tui_app *app, size_t i) { return &app->txs[i]; }

/* ---- what pages ask for: recorded ---- */

void tui_app_message(tui_app *app, bool error, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(app->message, sizeof app->message, fmt, ap);
    va_end(ap);
    app->message_error = error;
}

void tui_app_open_form(tui_app *app, const tui_form_spec *spec)
{
    app->form = *spec;
    app->form_open = true;
}

void tui_app_submit_form(tui_app *app, const tui_form_spec *spec) { tui_app_open_form(app, spec); }

void tui_app_read(tui_app *app, pc_fn method, int argc, char *const argv[])
{
    (void)argc, (void)argv;
    tui_app_message(app, false, "reading %s...", pc_method_get(method)->name);
}

void tui_app_account_changed(tui_app *app) { (void)app; }
void tui_app_term(tui_app *app, const char *seq) { (void)app, (void)seq; }
void tui_app_go_page(tui_app *app, size_t i) { app->page = i; }
const waiting *tui_app_waiting(const tui_app *app) { return app->waits; }
const nodes_report *tui_app_nodes(const tui_app *app) { return app->nodes; }
const wallet_settle *tui_app_settle(const tui_app *app) { return app->settle; }

bool tui_app_offline(const tui_app *app, char *out, size_t cap)
{
    if (app->offline)
        snprintf(out, cap, "%s", app->offline);
    return app->offline != NULL;
}

/* As the panel's: the pages of screens_all. */
int tui_app_page_for(const tui_app *app, waiting_kind k)
{
    size_t n;
    const tui_page *pages = screens_all(&n);
    (void)app;
    for (size_t i = 0; i < n; i++)
        if (pages[i].waits & (1u << k) && !pages[i].lists_waiting)
            return (int)i;
    return -1;
}

void tui_app_page_label(const tui_app *app, size_t i, char *out, size_t cap)
{
    size_t n;
    const tui_page *pages = screens_all(&n);
    (void)app;
    snprintf(out, cap, "%c %s", tui_chrome_page_char(i), pages[i].title);
}

void tui_app_switch_network(tui_app *app, size_t i)
{
    tui_app_message(app, false, "switching to %s", app->networks[i]);
}

/* ---- tui/wallet.h: the account and the keystore's list ---- */

bool tui_wallet_address(const tui_wallet *w, eth_address *out)
{
    if (w->has_account)
        *out = w->account;
    return w->has_account;
}

const char *tui_wallet_name(const tui_wallet *w) { return w->name ? w->name : ""; }
unsigned tui_wallet_unlocked_for(const tui_wallet *w) { return w->unlocked_for; }
bool tui_wallet_has_keystore(const tui_wallet *w) { return w->keystore; }
size_t tui_wallet_count(const tui_wallet *w) { return w->naccounts; }
const keystore_account *tui_wallet_at(const tui_wallet *w, size_t i) { return &w->accounts[i]; }
void tui_wallet_lock(tui_wallet *w) { w->unlocked_for = 0; }

/* The keystore's changes are not the screens' business here. */
static pc_status refused(pc_error *err)
{
    return pc_fail(err, PC_EINPUT, "the screen checker changes no keystore");
}

pc_status tui_wallet_switch(tui_wallet *w, const char *address_or_name, pc_error *err)
{
    (void)w, (void)address_or_name;
    return refused(err);
}

pc_status tui_wallet_switch_unlock(tui_wallet *w, const char *name, secret *password,
                                   pc_error *err)
{
    (void)w, (void)name, (void)password;
    return refused(err);
}

pc_status tui_wallet_create(tui_wallet *w, secret *password, const char *name, pc_error *err)
{
    (void)w, (void)password, (void)name;
    return refused(err);
}

pc_status tui_wallet_import_key(tui_wallet *w, secret *hex, secret *password, const char *name,
                                pc_error *err)
{
    (void)w, (void)hex, (void)password, (void)name;
    return refused(err);
}

pc_status tui_wallet_import_file(tui_wallet *w, const char *path, secret *password,
                                 const char *name, pc_error *err)
{
    (void)w, (void)path, (void)password, (void)name;
    return refused(err);
}

pc_status tui_wallet_rename(tui_wallet *w, const char *account, const char *name, pc_error *err)
{
    (void)w, (void)account, (void)name;
    return refused(err);
}
