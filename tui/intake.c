#include "tui/intake.h"

#include <stdlib.h>
#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "eth/hex.h"
#include "tui/shell.h"
#include "tui/waits.h"

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

/* Whether question a is `sender` settling r. */
static bool same_question(const wallet_settle *a, const eth_address *sender,
                          const view_withdrawal *r)
{
    return eth_address_equal(&a->sender, sender) &&
           eth_address_equal(&a->request.account, &r->account) &&
           u256_cmp(&a->request.amount, &r->amount) == 0 && a->request.block == r->block;
}

/* Whether the banker may settle other accounts' requests on this
 * deployment: asked of the worker (a simulation) once the account is the
 * banker and another account's request is in the index, and again when
 * that request (the first such) changes, as the answer holds for the
 * state it was asked on. */
static void ask_settle(tui_app *app)
{
    const wallet_state *s = app->snap;
    const wallet_past *p = app->past;
    if (!s || !p || !s->has_account || !(app->roles & WALLET_ROLE_BANKER))
        return;
    const view_withdrawal *r = NULL;
    for (size_t i = 0; i < p->withdrawals.count && !r; i++)
        if (!eth_address_equal(&p->withdrawals.items[i].account, &s->account))
            r = &p->withdrawals.items[i];
    const wallet_settle *a = &app->settle_ask;
    if (!r || (app->settle_asked && same_question(a, &s->account, r)))
        return;
    app->settle_asked = true;
    app->settle_ask = (wallet_settle){ .sender = s->account, .request = *r };
    tui_worker_try_settle(app->worker, &s->account, r);
}

/* The answer to the last question asked; an older one is stale. */
static void settle(tui_app *app, const tui_ev *ev)
{
    const wallet_settle *got = &ev->settle;
    if (!app->settle_asked || !same_question(&app->settle_ask, &got->sender, &got->request))
        return;
    app->settle_known = ev->status == PC_OK;
    app->settle = *got;
    app->settle_asked = app->settle_known; /* asked again at the next news */
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

/* Returns the allocator's free pages to the system: every record of a
 * past is a few small blocks, which glibc keeps for later when they are
 * freed, so a panel that read its history again would otherwise hold the
 * memory of both reads for as long as it runs. */
static void give_back_memory(void)
{
#ifdef __GLIBC__
    malloc_trim(0);
#endif
}

static void drop_past(tui_app *app)
{
    wallet_past_free(app->past);
    free(app->past);
    app->past = NULL;
}

/* Nothing of another chain stays on the pages; the header says why until
 * a node of the chain shown answers. */
static void another_chain(tui_app *app, const tui_ev *ev)
{
    drop_past(app);
    give_back_memory();
    app->settle_asked = app->settle_known = false;
    snprintf(app->chain_problem, sizeof app->chain_problem, "%s", ev->text);
}

static void connection(tui_app *app, const tui_ev *ev)
{
    if (ev->connected) {
        app->chain_id = ev->chain_id;
        if (ev->another_chain)
            another_chain(app, ev);
        else
            app->chain_problem[0] = '\0';
        if (ev->another_chain)
            tui_app_message(app, true, "%s %s: what was shown of the old one is dropped",
                            app->ever_connected ? "node back: connected again, but the" : "the",
                            ev->text);
        else if (!app->ever_connected)
            tui_app_message(app, false, "connected to %s", tui_app_node(app));
        else if (!app->connected)
            tui_app_message(app, false, "node back: connected again");
        app->ever_connected = true;
    } else {
        tui_app_message(app, true, "disconnected, retrying: %s", ev->msg);
    }
    app->connected = ev->connected;
}

static void snapshot(tui_app *app, tui_ev *ev)
{
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
    tui_waits_update(app);
    ask_settle(app);
}

static void past(tui_app *app, tui_ev *ev)
{
    app->counters.index_us = ev->index_us;
    app->counters.past_us = ev->past_us;
    app->counters.whole_reads += ev->past && ev->whole;
    app->indexing = false;
    snprintf(app->past_problem, sizeof app->past_problem, "%s",
             ev->status == PC_OK ? "" : ev->msg);
    /* The connection's message said it already, when it found the chain. */
    if (ev->another_chain && strcmp(app->chain_problem, ev->text) != 0)
        tui_app_message(app, true, "%s", ev->msg);
    if (ev->another_chain)
        another_chain(app, ev);
    /* A catch-up that failed, or found nothing new, keeps the past read
     * before it (older, not wrong). */
    if (ev->past) {
        /* Records read into a new store (a whole read, as after another
         * chain's past was dropped), or moved into a bigger one (the old
         * store was full): the old records, or the old array, went or go
         * with this drop, the worker having let go of them first. */
        bool new_store = ev->whole || (app->past && app->past->log != ev->past->log);
        drop_past(app);
        app->past = ev->past;
        ev->past = NULL;
        app->past_offline = ev->offline;
        app->past_as_of = ev->as_of;
        if (new_store)
            give_back_memory();
    } else if (app->past && ev->past_head > app->past->head) {
        app->past->head = ev->past_head; /* as true up to this block */
    }
    update_roles(app);
    tui_waits_take_seen(app, ev);
    tui_waits_update(app);
    ask_settle(app);
}

static void nodes(tui_app *app, tui_ev *ev)
{
    free(app->nodes);
    app->nodes = ev->nodes;
    ev->nodes = NULL;
}

bool tui_intake_takes(const tui_ev *ev)
{
    switch (ev->kind) {
    case TUI_EV_CONN:
    case TUI_EV_SNAPSHOT:
    case TUI_EV_INDEXING:
    case TUI_EV_PAST:
    case TUI_EV_RESENT:
    case TUI_EV_NODES:
    case TUI_EV_SETTLE:
    case TUI_EV_READ: return true;
    default: return false;
    }
}

void tui_intake(tui_app *app, tui_ev *ev)
{
    char h[65];
    if (ev->kind == TUI_EV_CONN || ev->kind == TUI_EV_SNAPSHOT)
        take_node(app, ev);
    switch (ev->kind) {
    case TUI_EV_CONN: connection(app, ev); break;
    case TUI_EV_SNAPSHOT: snapshot(app, ev); break;
    case TUI_EV_INDEXING:
        app->indexing = ev->done < ev->total;
        app->indexed = ev->done;
        app->to_index = ev->total;
        break;
    case TUI_EV_PAST: past(app, ev); break;
    case TUI_EV_NODES: nodes(app, ev); break;
    case TUI_EV_SETTLE: settle(app, ev); break;
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
    default: break; /* not taken here */
    }
}
