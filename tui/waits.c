#include "tui/waits.h"

#include <stdio.h>
#include <string.h>

#include "tui/shell.h"

/* Whether two items are the same news: a proposal by where it is, the
 * gap whatever its size, others by what they say (a fill also by its
 * block; a session's block is the head's). */
static bool same_item(const waiting_item *a, const waiting_item *b)
{
    if (a->kind != b->kind)
        return false;
    switch (a->kind) {
    case WAITING_VOTE: return a->count == b->count && a->block == b->block;
    case WAITING_PEG_GAP: return true;
    case WAITING_FILL: return a->block == b->block && strcmp(a->text, b->text) == 0;
    default: return strcmp(a->text, b->text) == 0;
    }
}

static void tell_news(tui_app *app, const waiting *before, const waiting *now)
{
    const waiting_item *first = NULL;
    size_t news = 0;
    for (size_t i = 0; i < now->count; i++) {
        bool known = false;
        for (size_t j = 0; j < before->count && !known; j++)
            known = same_item(&now->items[i], &before->items[j]);
        if (!known && !news++)
            first = &now->items[i];
    }
    if (!news || app->cfg->notify == TUI_NOTIFY_OFF)
        return;
    char text[TUI_TERM_TEXT_MAX], seq[TUI_TERM_SEQ_MAX];
    if (news > 1)
        snprintf(text, sizeof text, "%.400s (and %zu more)", first->text, news - 1);
    else
        snprintf(text, sizeof text, "%s", first->text);
    tui_notify_sequence(app->cfg->notify, text, seq, sizeof seq);
    tui_app_term(app, seq);
}

void tui_waits_update(tui_app *app)
{
    const wallet_state *s = app->snap;
    const wallet_past *p = app->past;
    waiting now = { 0 };
    bool ready = s && p && s->has_account && app->has_seen &&
                 eth_address_equal(&app->seen_account, &s->account);
    if (ready) {
        series_peg_detail peg = { .sessions = p->sessions, .nsessions = p->nsessions };
        waiting_input in = {
            .state = s, .past = p, .peg = &peg, .account = s->account,
            .seen_block = app->seen_block, .has_peg_threshold = app->cfg->has_peg_gap,
            .peg_threshold = app->cfg->peg_gap, .book = tui_app_names(app),
        };
        if (waiting_compute(&in, &now, NULL) != PC_OK)
            return; /* out of memory: the items known stay */
        if (app->waits_known && eth_address_equal(&app->waits_account, &s->account))
            tell_news(app, &app->waits, &now);
        app->waits_account = s->account;
    }
    waiting_free(&app->waits);
    app->waits = now;
    app->waits_known = ready;
}

void tui_waits_take_seen(tui_app *app, const tui_ev *ev)
{
    if (!ev->has_seen)
        return;
    bool same = app->has_seen && eth_address_equal(&app->seen_account, &ev->seen_account);
    if (same && app->seen_block > ev->seen_block)
        return; /* this panel's own mark, not written yet when that was read */
    app->has_seen = true;
    app->seen_account = ev->seen_account;
    app->seen_block = ev->seen_block;
}

void tui_waits_looking(tui_app *app, bool ending)
{
    bool on = !ending && app->cfg->pages[app->page].lists_waiting;
    if (on && app->past) {
        if (!app->looking || app->past->head > app->looked_head)
            app->looked_head = app->past->head;
        app->looking = true;
        return;
    }
    if (!app->looking)
        return;
    app->looking = false;
    const wallet_state *s = app->snap;
    if (!s || !s->has_account || !app->has_seen ||
        !eth_address_equal(&app->seen_account, &s->account) ||
        app->looked_head <= app->seen_block)
        return;
    app->seen_block = app->looked_head;
    tui_worker_mark_seen(app->worker, &s->account, app->seen_block);
    tui_waits_update(app);
}
