#include "tui/worker.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "eth/hex.h"
#include "rpcclient/node.h"
#include "rpcclient/units.h"
#include "tui/counters.h"
#include "wallet/read.h"
#include "wallet/series_node.h"
#include "wallet/waiting.h"

#define TICK_MS 1000u
#define MAX_ARGS PC_MAX_ARGS

typedef enum job_kind {
    JOB_PREPARE, JOB_SEND, JOB_CANCEL, JOB_READ, JOB_MARK, JOB_SETTLE
} job_kind;

/* A request from the input thread. */
typedef struct job {
    job_kind kind;
    unsigned id;
    wallet_tx t;            /* PREPARE, with data pointing into `data` */
    bytebuf data;           /* PREPARE: a copy of the calldata */
    secret *key;            /* SEND */
    eth_address from;       /* READ; MARK, SETTLE: the account */
    view_withdrawal request; /* SETTLE */
    uint64_t block;         /* MARK */
    bool has_from;
    const pc_method *m;     /* READ */
    int argc;
    char *argv[MAX_ARGS];
    struct job *next;
} job;

typedef struct evnode {
    tui_ev ev;
    struct evnode *next;
} evnode;

struct tui_worker {
    pthread_t thread;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    bool stop;
    bool kick;              /* wake the thread before its next tick */
    bool refresh;
    bool has_account;
    eth_address account;
    bool want_series;       /* the charts' series are shown: replay them */
    bool want_nodes;        /* the nodes' health is shown: probe them ... */
    bool nodes_now;         /* ... at once, not when due */
    job *jobs, **jobs_tail;
    evnode *evs, **evs_tail;
    /* Owned by the thread alone: */
    rpc_client *client;
    const pc_contract *k;
    wallet_engine *engine;  /* the transactions, from prepared to mined */
    sim_offers offers;      /* what each node simulates with, for JOB_SETTLE */
    bool connected;
    bool has_chain;         /* the chain id was asked once (and known, if connected) */
    bool has_genesis;       /* the chain the past shown is of: from the node ... */
    uint64_t chain_id;      /* ... or, before one answered, from the index */
    uint8_t genesis[32];
    uint64_t last_block;
    history *hist;          /* NULL until opened (again) */
    bool has_past;          /* a past was handed over from hist ... */
    uint64_t past_head;     /* ... read at this indexed block ... */
    uint8_t past_hash[32];  /* ... whose hash was this ... */
    bool past_has_series;   /* ... with the charts' series ... */
    bool past_has_account;  /* ... of this account */
    eth_address past_account;
    wallet_past_reader reader; /* ... by this reader, which keeps its transactions */
    bool past_failed;       /* the last catch-up failed: tried again next tick */
    series_node node_series; /* the node's figures of the peg's series, per block */
    bool series_more;       /* blocks of them not read yet: read on the next tick */
    nodes_set *nodes;       /* every configured node, for their health */
    struct timespec nodes_next; /* when they are probed next while wanted (the
                                   thread's alone) */
};

static void post(tui_worker *w, const tui_ev *ev)
{
    evnode *n = malloc(sizeof *n);
    if (!n) {
        tui_ev copy = *ev;
        tui_ev_clear(&copy);
        return;
    }
    n->ev = *ev;
    n->next = NULL;
    pthread_mutex_lock(&w->mu);
    *w->evs_tail = n;
    w->evs_tail = &n->next;
    pthread_mutex_unlock(&w->mu);
}

/* A copy of the node in use, for an event (NULL when out of memory: the
 * panel then keeps showing the node it knew). */
static char *node_now(const tui_worker *w)
{
    return strdup(rpc_client_url(w->client));
}

/* The header's words for a node on another chain than the index's. */
static void another_chain_headline(const tui_worker *w, tui_ev *ev)
{
    char g[65];
    hex_encode(w->genesis, 32, g);
    snprintf(ev->text, sizeof ev->text,
             "node serves another chain than the one indexed: genesis 0x%.8s...", g);
}

/* `another`: the node that answers now serves another chain than the
 * past shown, which was dropped. */
static void post_conn(tui_worker *w, bool connected, uint64_t chain_id, bool another,
                      const char *msg)
{
    tui_ev ev = { .kind = TUI_EV_CONN, .connected = connected, .chain_id = chain_id,
                  .node = node_now(w), .another_chain = another };
    snprintf(ev.msg, sizeof ev.msg, "%s", msg ? msg : "");
    if (another)
        another_chain_headline(w, &ev);
    w->connected = connected;
    post(w, &ev);
}

/* The engine's news of one transaction, as the panel's events. */
static void on_job(void *user, wallet_job *j, wallet_job_event what)
{
    tui_worker *w = user;
    tui_ev ev = { .id = j->id };
    const pc_error *why = NULL;
    switch (what) {
    case WALLET_JOB_PREPARED:
        ev.kind = TUI_EV_PREPARED;
        ev.tx = j->tx;
        ev.tx.data = NULL;
        break;
    case WALLET_JOB_SIMULATED:
        ev.kind = TUI_EV_SIMULATED;
        if (j->has_sim) {
            ev.sim = j->sim;
            memset(&j->sim, 0, sizeof j->sim);
        } else {
            why = &j->sim_error;
        }
        break;
    case WALLET_JOB_SENT:
        ev.kind = TUI_EV_SENT;
        memcpy(ev.hash, j->hash, 32);
        pthread_mutex_lock(&w->mu);
        w->refresh = w->kick = true;
        pthread_mutex_unlock(&w->mu);
        break;
    case WALLET_JOB_RESENT:
        ev.kind = TUI_EV_RESENT;
        ev.node = node_now(w);
        memcpy(ev.hash, j->hash, 32);
        break;
    case WALLET_JOB_RETRYING:
        return; /* the panel sends once */
    case WALLET_JOB_SETTLED:
        if (j->stage == WALLET_STAGE_CANCELLED)
            return;
        memcpy(ev.hash, j->hash, 32);
        if (j->stage == WALLET_STAGE_DONE) {
            ev.kind = TUI_EV_MINED;
            ev.outcome = j->outcome;
            memset(&j->outcome, 0, sizeof j->outcome);
            break;
        }
        why = &j->error;
        ev.kind = j->failed_at <= WALLET_STAGE_CHECK      ? TUI_EV_PREPARED
                  : j->failed_at == WALLET_STAGE_SIMULATE ? TUI_EV_SIMULATED
                  : j->failed_at == WALLET_STAGE_WATCH    ? TUI_EV_MINED
                                                          : TUI_EV_SENT;
        break;
    }
    if (why) {
        ev.status = why->status;
        snprintf(ev.msg, sizeof ev.msg, "%s", why->msg);
    }
    post(w, &ev);
}

/* Forgets the transactions that are over: their events are posted. */
static void sweep(tui_worker *w)
{
    wallet_job *j = wallet_engine_next(w->engine, NULL);
    while (j) {
        wallet_job *next = wallet_engine_next(w->engine, j);
        if (j->stage == WALLET_STAGE_DONE || j->stage == WALLET_STAGE_FAILED ||
            j->stage == WALLET_STAGE_CANCELLED)
            wallet_engine_remove(w->engine, j);
        j = next;
    }
}

/* One stage of the first transaction that has work to do before the
 * person's word; false when none has. */
static bool step_one(tui_worker *w)
{
    for (wallet_job *j = wallet_engine_next(w->engine, NULL); j;
         j = wallet_engine_next(w->engine, j)) {
        if (j->stage > WALLET_STAGE_SIMULATE)
            continue;
        wallet_engine_step(w->engine, j);
        sweep(w);
        return true;
    }
    return false;
}

static void run_prepare(tui_worker *w, job *r)
{
    wallet_job *j;
    pc_error e = { 0 };
    if (wallet_engine_add(w->engine, r->id, &r->t, NULL, &j, &e) != PC_OK) {
        tui_ev ev = { .kind = TUI_EV_PREPARED, .id = r->id, .status = e.status };
        snprintf(ev.msg, sizeof ev.msg, "%s", e.msg);
        post(w, &ev);
    }
}

static void run_send(tui_worker *w, job *r)
{
    wallet_job *j = wallet_engine_find(w->engine, r->id);
    if (!j || j->stage != WALLET_STAGE_CONFIRM) {
        tui_ev ev = { .kind = TUI_EV_SENT, .id = r->id, .status = PC_EINPUT };
        snprintf(ev.msg, sizeof ev.msg, "this transaction is not waiting to be sent");
        post(w, &ev);
    } else {
        wallet_job_confirm(j, r->key);
        wallet_engine_step(w->engine, j);
    }
    secret_free(r->key);
    r->key = NULL;
    sweep(w);
}

static void run_cancel(tui_worker *w, job *r)
{
    wallet_job *j = wallet_engine_find(w->engine, r->id);
    if (j && j->stage <= WALLET_STAGE_CONFIRM) {
        wallet_job_cancel(w->engine, j);
        wallet_engine_remove(w->engine, j);
    }
}

static void run_read(tui_worker *w, job *j)
{
    tui_ev ev = { .kind = TUI_EV_READ, .id = j->id };
    pc_error e = { 0 };
    bytebuf call = BYTEBUF_INIT;
    wallet_reading r = { 0 };
    ev.status = pc_encode_call(j->m, j->argc, j->argv, &call, &e);
    if (ev.status == PC_OK)
        ev.status = wallet_read(w->client, w->k, j->m, j->has_from ? &j->from : NULL, call.data,
                                call.len, &r, &e);
    if (ev.status == PC_OK) {
        const abi_value *v = &r.value;
        const abi_type *units = r.type;
        size_t used = 0;
        for (size_t i = 0; i < v->count && i < units->nfields; i++) {
            char val[PC_UNIT_TEXT_MAX];
            const abi_value *f = &v->items[i];
            if (f->kind == ABI_UINT)
                pc_format_unit(&f->num, pc_method_unit(j->m, units->fields[i].name), val,
                               sizeof val);
            else if (f->kind == ABI_BOOL)
                snprintf(val, sizeof val, "%s", f->boolean ? "yes" : "no");
            else if (f->kind == ABI_ADDRESS)
                eth_address_to_checksum(&f->addr, val);
            else
                snprintf(val, sizeof val, "(list of %zu)", f->count);
            int n = snprintf(ev.text + used, sizeof ev.text - used, "%s%s = %s", i ? ", " : "",
                             units->fields[i].name ? units->fields[i].name : "value", val);
            if (n < 0 || (size_t)n >= sizeof ev.text - used)
                break;
            used += (size_t)n;
        }
        wallet_reading_free(&r);
    }
    snprintf(ev.msg, sizeof ev.msg, "%s", e.msg);
    bytebuf_free(&call);
    post(w, &ev);
}

static void run_settle(tui_worker *w, job *j)
{
    tui_ev ev = { .kind = TUI_EV_SETTLE };
    pc_error e = { 0 };
    ev.status = wallet_settle_try(w->client, w->k, &w->offers, &j->from, &j->request,
                                  &ev.settle, &e);
    snprintf(ev.msg, sizeof ev.msg, "%s", e.msg);
    post(w, &ev);
}

static void on_indexing(uint64_t done, uint64_t total, void *user)
{
    tui_ev ev = { .kind = TUI_EV_INDEXING, .done = done, .total = total };
    post(user, &ev);
}

/* The indexed block the pages' past now stands for, and its hash in the
 * index (zero when none is kept: the next read then loads everything). */
static void set_past_head(tui_worker *w, uint64_t head)
{
    w->past_head = head;
    if (!history_block_hash(w->hist, head, w->past_hash))
        memset(w->past_hash, 0, sizeof w->past_hash);
}

/* Forgets the index and the past read from it: the node serves another
 * chain than theirs. */
static void drop_past(tui_worker *w)
{
    history_close(w->hist);
    w->hist = NULL;
    w->has_past = false;
    wallet_past_reader_reset(&w->reader);
    series_node_forget(&w->node_series);
}

/* The index of the node's chain. One of another chain is there (and was
 * the one shown, if any): the person is told, and the node's chain is
 * indexed beside it. */
static pc_status open_online(tui_worker *w, pc_error *e)
{
    pc_status st = history_open(w->client, w->k, &w->hist, e);
    if (st != PC_OK && e->cause == PC_CAUSE_WRONG_CHAIN) {
        tui_ev ev = { .kind = TUI_EV_PAST, .status = st, .another_chain = true };
        another_chain_headline(w, &ev);
        snprintf(ev.msg, sizeof ev.msg, "%s: it is indexed beside the old one (the command line "
                 "refuses it until `powerchain sync --reset`)", ev.text);
        post(w, &ev);
        pc_error_clear(e);
        st = history_open_beside(w->client, w->k, &w->hist, e);
    }
    return st;
}

/* The peg's series' points read from the node at their blocks, as many
 * blocks as one refresh's calls read; the rest on the next ticks. Out of memory,
 * the series stay replayed (and say so). */
static void series_from_node(tui_worker *w, wallet_past *p)
{
    pc_error e = { 0 };
    if (series_node_read(&w->node_series, w->client, w->k, &p->series,
                         SERIES_NODE_REFRESH_CALLS, &e) != PC_OK)
        series_node_forget(&w->node_series);
    w->series_more = p->series.origin.unread > 0;
}

/* Brings the history index up to date (offline: opens the one written last
 * and reads it as it is) and hands over what the pages take from it, with
 * the charts' series replayed for `account` (NULL: none) when `series`; or
 * why not. */
static void read_past(tui_worker *w, const eth_address *account, bool series, bool offline)
{
    tui_ev ev = { .kind = TUI_EV_PAST, .offline = offline };
    pc_error e = { 0 };
    history_sync_stats stats = { 0 };
    unsigned long start = tui_counters_clock_us();
    if (w->hist)
        ev.status = PC_OK;
    else if (offline)
        ev.status = history_open_offline(w->k, &w->hist, &e);
    else
        ev.status = open_online(w, &e);
    if (ev.status == PC_OK && offline) {
        ev.as_of = history_written_at(w->hist);
        w->has_genesis = true;
        w->chain_id = history_chain_id(w->hist);
        memcpy(w->genesis, history_genesis(w->hist), 32);
    } else if (ev.status == PC_OK) {
        ev.status = history_sync(w->hist, w->client, on_indexing, w, &stats, &e);
    }
    /* The index is another chain's than the node's: what was shown of it
     * goes. */
    ev.another_chain = ev.status != PC_OK && e.cause == PC_CAUSE_WRONG_CHAIN;
    if (ev.another_chain) {
        drop_past(w);
        another_chain_headline(w, &ev);
    }
    unsigned long synced = tui_counters_clock_us();
    ev.index_us = synced - start;
    /* While the index only grew after the blocks of the last past (by this
     * sync, an earlier one that failed halfway, or another process), the
     * reader loads just the new blocks' transactions; when this sync alone
     * added them and they hold none (most blocks), that past stands, unless
     * the charts' series are wanted for another account. After a reorg it
     * loads everything again. */
    bool same_account = account ? w->past_has_account &&
                                      eth_address_equal(account, &w->past_account)
                                : !w->past_has_account;
    bool same_series = series == w->past_has_series && (!series || same_account);
    uint8_t hash[32];
    /* Another process may have rolled the index back and indexed as many
     * blocks again (a reorg): the last past's block must still be the
     * index's. */
    bool appended = ev.status == PC_OK && w->has_past && !stats.rolled_back &&
                    history_block_hash(w->hist, w->past_head, hash) &&
                    memcmp(hash, w->past_hash, 32) == 0;
    /* A catch-up that failed (the node went away) leaves the reader as it
     * was: what it loaded is still the index's. */
    ev.whole = ev.status == PC_OK && !appended;
    if (ev.whole) {
        wallet_past_reader_reset(&w->reader);
        series_node_forget(&w->node_series);
    }
    /* The series' replay goes on from where it stopped only while Charts is
     * shown; its memory is not kept for the other pages. */
    if (!series)
        wallet_past_reader_drop_series(&w->reader);
    bool unchanged = appended && stats.head == w->past_head + stats.blocks && !stats.txs &&
                     same_series && !(series && !offline && w->series_more);
    if (unchanged) {
        set_past_head(w, stats.head); /* the blocks it stands for */
        ev.past_head = stats.head;
    }
    if (ev.status == PC_OK && !unchanged && !(ev.past = calloc(1, sizeof *ev.past)))
        ev.status = pc_fail(&e, PC_ENOMEM, "out of memory");
    if (ev.past &&
        ((ev.status = wallet_past_reader_read(&w->reader, w->hist, ev.past, &e)) != PC_OK ||
         (series && (ev.status = wallet_past_reader_series(&w->reader, ev.past, account, &e)) !=
                        PC_OK))) {
        wallet_past_free(ev.past);
        free(ev.past);
        ev.past = NULL;
    }
    w->series_more = false;
    if (ev.past && series && !offline)
        series_from_node(w, ev.past);
    if (ev.past) {
        w->has_past = true;
        set_past_head(w, ev.past->head);
        w->past_has_series = series;
        w->past_has_account = account != NULL;
        if (account)
            w->past_account = *account;
        ev.past_us = tui_counters_clock_us() - synced;
    }
    uint64_t seen = 0;
    bool found = false;
    if (ev.status == PC_OK && account &&
        history_mark_get(w->hist, account, WAITING_MARK, &seen, &found, NULL) == PC_OK) {
        ev.has_seen = true;
        ev.seen_account = *account;
        ev.seen_block = found ? seen : 0;
    }
    snprintf(ev.msg, sizeof ev.msg, "%s", e.msg);
    /* Not only when the chain moves: a quiet chain may not move for long. */
    w->past_failed = ev.status != PC_OK;
    /* The panel runs for days: what SQLite cached for this read would
     * otherwise stay, growing with the index. */
    if (w->hist)
        history_release_memory(w->hist);
    post(w, &ev);
}

/* Reads a snapshot, with the receipts of every transaction being watched. */
static void read_snapshot(tui_worker *w, uint64_t block)
{
    size_t nq = wallet_engine_watching(w->engine);
    wallet_receipt_query *q = calloc(nq ? nq : 1, sizeof *q);
    if (!q)
        return;
    nq = wallet_engine_receipt_queries(w->engine, q, nq);

    pthread_mutex_lock(&w->mu);
    bool has = w->has_account, series = w->want_series;
    eth_address account = w->account;
    w->refresh = false;
    pthread_mutex_unlock(&w->mu);

    wallet_state *s = NULL;
    pc_error e = { 0 };
    unsigned long before = rpc_client_request_count(w->client);
    unsigned long start = tui_counters_clock_us();
    wallet_state_query query = { .account = has ? &account : NULL, .receipts = q,
                                 .nreceipts = nq };
    if (wallet_state_fetch(w->client, w->k, &query, &s, &e) != PC_OK) {
        if (e.status == PC_ENODE)
            post_conn(w, false, 0, false, e.msg);
        free(q);
        return;
    }
    w->last_block = block;
    tui_ev ev = { .kind = TUI_EV_SNAPSHOT, .snap = s, .node = node_now(w),
                  .requests = rpc_client_request_count(w->client) };
    ev.refresh_requests = ev.requests - before;
    ev.snapshot_us = tui_counters_clock_us() - start;
    post(w, &ev);

    wallet_engine_take_receipts(w->engine, q, nq);
    sweep(w);
    free(q);
    read_past(w, has ? &account : NULL, series, false);
}

/* The past for the account and the series wanted now: before a node has
 * answered (offline), as the index last held it. */
static void read_past_wanted(tui_worker *w, bool offline)
{
    pthread_mutex_lock(&w->mu);
    bool has = w->has_account, series = w->want_series;
    eth_address account = w->account;
    pthread_mutex_unlock(&w->mu);
    read_past(w, has ? &account : NULL, series, offline);
}

/* The node answered (again): the chain it serves. The same chain as the
 * past's keeps the index and what was read from it, so that only new
 * blocks are read; another drops them: true then. */
static bool took_chain(tui_worker *w, uint64_t chain_id, const uint8_t genesis[32])
{
    bool another = w->has_genesis &&
                   (w->chain_id != chain_id || memcmp(w->genesis, genesis, 32) != 0);
    w->has_genesis = true;
    w->chain_id = chain_id;
    memcpy(w->genesis, genesis, 32);
    if (another)
        drop_past(w);
    return another;
}

static void tick(tui_worker *w)
{
    pc_error e = { 0 };
    uint64_t chain_id = 0, block = 0;
    uint8_t genesis[32];
    if (!w->has_chain || !w->connected) {
        if (node_chain_identity(w->client, &chain_id, genesis, &e) != PC_OK) {
            if (w->connected || !w->has_chain)
                post_conn(w, false, 0, false, e.msg);
            if (!w->has_chain)
                read_past_wanted(w, true);
            w->has_chain = true; /* reported once; retried every tick */
            return;
        }
        bool another = took_chain(w, chain_id, genesis);
        post_conn(w, true, chain_id, another, NULL);
        w->has_chain = true;
        w->last_block = UINT64_MAX;
    }
    if (node_block_number(w->client, &block, &e) != PC_OK) {
        post_conn(w, false, 0, false, e.msg);
        return;
    }
    pthread_mutex_lock(&w->mu);
    bool refresh = w->refresh;
    pthread_mutex_unlock(&w->mu);
    if (refresh || block != w->last_block || w->past_failed)
        read_snapshot(w, block);
    else if (w->series_more)
        read_past_wanted(w, false); /* the series' next blocks from the node */
}

static void job_free(job *j)
{
    secret_free(j->key);
    bytebuf_free(&j->data);
    for (int i = 0; i < j->argc; i++)
        free(j->argv[i]);
    free(j);
}

static void deadline_after(struct timespec *ts, unsigned ms)
{
    clock_gettime(CLOCK_MONOTONIC, ts);
    ts->tv_sec += ms / 1000;
    ts->tv_nsec += (long)(ms % 1000) * 1000000L;
    if (ts->tv_nsec >= 1000000000L) {
        ts->tv_sec++;
        ts->tv_nsec -= 1000000000L;
    }
}

static bool deadline_passed(const struct timespec *deadline)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return now.tv_sec > deadline->tv_sec ||
           (now.tv_sec == deadline->tv_sec && now.tv_nsec >= deadline->tv_nsec);
}

static void run_mark(tui_worker *w, job *j)
{
    if (w->hist)
        history_mark_set(w->hist, &j->from, WAITING_MARK, j->block, NULL);
}

/* Every configured node's health, when wanted and due. */
static void probe_nodes(tui_worker *w)
{
    pthread_mutex_lock(&w->mu);
    bool want = w->want_nodes, now = w->nodes_now;
    w->nodes_now = false;
    pthread_mutex_unlock(&w->mu);
    if (!want || (!now && !deadline_passed(&w->nodes_next)))
        return;
    tui_ev ev = { .kind = TUI_EV_NODES, .nodes = malloc(sizeof *ev.nodes) };
    if (!ev.nodes)
        return;
    nodes_probe(w->nodes, NODES_FULL, false, 0, ev.nodes);
    post(w, &ev);
    deadline_after(&w->nodes_next, TUI_NODES_EVERY_MS);
}

static void *thread_main(void *arg)
{
    tui_worker *w = arg;
    struct timespec next;
    deadline_after(&next, 0);
    bool busy = false; /* a transaction has a stage to run before the person's word */
    for (;;) {
        pthread_mutex_lock(&w->mu);
        bool timed_out = false;
        while (!w->stop && !w->jobs && !w->kick && !busy && !timed_out)
            timed_out = pthread_cond_timedwait(&w->cv, &w->mu, &next) != 0;
        bool kicked = w->kick;
        w->kick = false;
        if (w->stop) {
            pthread_mutex_unlock(&w->mu);
            break;
        }
        job *j = w->jobs;
        if (j) {
            w->jobs = j->next;
            if (!w->jobs)
                w->jobs_tail = &w->jobs;
        }
        pthread_mutex_unlock(&w->mu);
        if (j) {
            if (j->kind == JOB_PREPARE)
                run_prepare(w, j);
            else if (j->kind == JOB_SEND)
                run_send(w, j);
            else if (j->kind == JOB_CANCEL)
                run_cancel(w, j);
            else if (j->kind == JOB_MARK)
                run_mark(w, j);
            else if (j->kind == JOB_SETTLE)
                run_settle(w, j);
            else
                run_read(w, j);
            job_free(j);
            busy = true; /* a prepare or a send may have left work */
            continue;
        }
        /* Requests first, so that a cancel lands between two stages. */
        if (busy && (busy = step_one(w)))
            continue;
        /* The tick comes when it is due, or asked for; not after each stage. */
        if (!kicked && !timed_out && !deadline_passed(&next))
            continue;
        tick(w);
        probe_nodes(w);
        deadline_after(&next, TICK_MS);
    }
    return NULL;
}

pc_status tui_worker_start(const char *const urls[], size_t nurls, long timeout_s,
                           const char *cacert, const pc_contract *k, tui_worker **out,
                           pc_error *err)
{
    if (nurls == 0)
        return pc_fail(err, PC_EINPUT, "no node to connect to");
    tui_worker *w = calloc(1, sizeof *w);
    if (!w)
        return pc_fail(err, PC_ENOMEM, "out of memory");
    /* A short timeout keeps "disconnected" prompt and a dead node's failover
     * quick; the panel retries anyway. */
    pc_status st = rpc_client_new(urls[0], timeout_s < 5 ? timeout_s : 5, &w->client, err);
    for (size_t i = 1; st == PC_OK && i < nurls; i++)
        st = rpc_client_add_node(w->client, urls[i], err);
    if (st == PC_OK && cacert)
        st = rpc_client_set_cacert(w->client, cacert, err);
    if (st == PC_OK)
        st = wallet_engine_new(w->client, k, on_job, w, &w->engine, err);
    if (st == PC_OK)
        st = nodes_open(urls, nurls, timeout_s < 5 ? timeout_s : 5, cacert, &w->nodes, err);
    if (st != PC_OK) {
        wallet_engine_free(w->engine);
        rpc_client_free(w->client);
        free(w);
        return st;
    }
    w->k = k;
    w->jobs_tail = &w->jobs;
    w->evs_tail = &w->evs;
    w->connected = true; /* so that a first failure is reported */
    pthread_condattr_t ca;
    pthread_condattr_init(&ca);
    pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
    pthread_mutex_init(&w->mu, NULL);
    pthread_cond_init(&w->cv, &ca);
    pthread_condattr_destroy(&ca);
    if (pthread_create(&w->thread, NULL, thread_main, w) != 0) {
        nodes_close(w->nodes);
        wallet_engine_free(w->engine);
        rpc_client_free(w->client);
        pthread_mutex_destroy(&w->mu);
        pthread_cond_destroy(&w->cv);
        free(w);
        return pc_fail(err, PC_ENOMEM, "cannot start the worker thread");
    }
    *out = w;
    return PC_OK;
}

void tui_worker_stop(tui_worker *w)
{
    if (!w)
        return;
    pthread_mutex_lock(&w->mu);
    w->stop = true;
    pthread_cond_signal(&w->cv);
    pthread_mutex_unlock(&w->mu);
    pthread_join(w->thread, NULL);
    while (w->jobs) {
        job *j = w->jobs;
        w->jobs = j->next;
        if (j->kind == JOB_MARK) /* the thread has ended: its index is ours now */
            run_mark(w, j);
        job_free(j);
    }
    tui_ev ev;
    while (tui_worker_poll(w, &ev))
        tui_ev_clear(&ev);
    wallet_engine_free(w->engine);
    wallet_past_reader_reset(&w->reader);
    series_node_forget(&w->node_series);
    history_close(w->hist);
    nodes_close(w->nodes);
    rpc_client_free(w->client);
    pthread_mutex_destroy(&w->mu);
    pthread_cond_destroy(&w->cv);
    free(w);
}

static void enqueue(tui_worker *w, job *j)
{
    pthread_mutex_lock(&w->mu);
    *w->jobs_tail = j;
    w->jobs_tail = &j->next;
    pthread_cond_signal(&w->cv);
    pthread_mutex_unlock(&w->mu);
}

/* A job that could not be queued still gets its answer. */
static void refuse(tui_worker *w, tui_ev_kind kind, unsigned id)
{
    tui_ev ev = { .kind = kind, .id = id, .status = PC_ENOMEM };
    snprintf(ev.msg, sizeof ev.msg, "out of memory");
    post(w, &ev);
}

void tui_worker_set_account(tui_worker *w, const eth_address *account)
{
    pthread_mutex_lock(&w->mu);
    w->has_account = account != NULL;
    if (account)
        w->account = *account;
    w->refresh = w->kick = true;
    pthread_cond_signal(&w->cv);
    pthread_mutex_unlock(&w->mu);
}

void tui_worker_want_series(tui_worker *w, bool want)
{
    pthread_mutex_lock(&w->mu);
    if (want != w->want_series) {
        w->want_series = want;
        if (want)
            w->refresh = w->kick = true; /* shown now: replay them at once */
        pthread_cond_signal(&w->cv);
    }
    pthread_mutex_unlock(&w->mu);
}

void tui_worker_want_nodes(tui_worker *w, bool want)
{
    pthread_mutex_lock(&w->mu);
    if (want != w->want_nodes) {
        w->want_nodes = want;
        if (want)
            w->nodes_now = w->kick = true; /* shown now: probe at once */
        pthread_cond_signal(&w->cv);
    }
    pthread_mutex_unlock(&w->mu);
}

void tui_worker_mark_seen(tui_worker *w, const eth_address *account, uint64_t block)
{
    job *j = calloc(1, sizeof *j);
    if (!j)
        return; /* looked at again next time */
    j->kind = JOB_MARK;
    j->from = *account;
    j->block = block;
    enqueue(w, j);
}

void tui_worker_try_settle(tui_worker *w, const eth_address *sender,
                           const view_withdrawal *request)
{
    job *j = calloc(1, sizeof *j);
    if (!j) { /* answered unknown: asked again at the next news */
        tui_ev ev = { .kind = TUI_EV_SETTLE, .status = PC_ENOMEM,
                      .settle = { .sender = *sender, .request = *request } };
        snprintf(ev.msg, sizeof ev.msg, "out of memory");
        post(w, &ev);
        return;
    }
    *j = (job){ .kind = JOB_SETTLE, .from = *sender, .request = *request };
    enqueue(w, j);
}

void tui_worker_refresh(tui_worker *w)
{
    pthread_mutex_lock(&w->mu);
    w->refresh = w->kick = true;
    pthread_cond_signal(&w->cv);
    pthread_mutex_unlock(&w->mu);
}

void tui_worker_prepare(tui_worker *w, unsigned id, const wallet_tx *t)
{
    job *j = calloc(1, sizeof *j);
    if (!j || bytebuf_append(&j->data, t->data, t->data_len) != PC_OK) {
        free(j);
        refuse(w, TUI_EV_PREPARED, id);
        return;
    }
    j->kind = JOB_PREPARE;
    j->id = id;
    j->t = *t;
    j->t.data = j->data.data;
    enqueue(w, j);
}

void tui_worker_send(tui_worker *w, unsigned id, secret *key)
{
    job *j = calloc(1, sizeof *j);
    if (!j) {
        secret_free(key);
        refuse(w, TUI_EV_SENT, id);
        return;
    }
    j->kind = JOB_SEND;
    j->id = id;
    j->key = key;
    enqueue(w, j);
}

void tui_worker_cancel(tui_worker *w, unsigned id)
{
    job *j = calloc(1, sizeof *j);
    if (!j)
        return; /* it waits, unsent, until the worker stops */
    j->kind = JOB_CANCEL;
    j->id = id;
    enqueue(w, j);
}

void tui_worker_read(tui_worker *w, unsigned id, const pc_method *m, const eth_address *from,
                     int argc, char *const argv[])
{
    job *j = calloc(1, sizeof *j);
    bool ok = j && argc <= MAX_ARGS;
    for (int i = 0; ok && i < argc; i++)
        ok = (j->argv[j->argc++] = strdup(argv[i])) != NULL;
    if (!ok) {
        if (j)
            job_free(j);
        refuse(w, TUI_EV_READ, id);
        return;
    }
    j->kind = JOB_READ;
    j->id = id;
    j->m = m;
    if (from) {
        j->has_from = true;
        j->from = *from;
    }
    enqueue(w, j);
}

bool tui_worker_poll(tui_worker *w, tui_ev *ev)
{
    pthread_mutex_lock(&w->mu);
    evnode *n = w->evs;
    if (n) {
        w->evs = n->next;
        if (!w->evs)
            w->evs_tail = &w->evs;
    }
    pthread_mutex_unlock(&w->mu);
    if (!n)
        return false;
    *ev = n->ev;
    free(n);
    return true;
}

void tui_ev_clear(tui_ev *ev)
{
    wallet_state_free(ev->snap);
    ev->snap = NULL;
    wallet_past_free(ev->past);
    free(ev->past);
    ev->past = NULL;
    free(ev->node);
    ev->node = NULL;
    free(ev->nodes);
    ev->nodes = NULL;
    if (ev->kind == TUI_EV_MINED)
        pc_outcome_free(&ev->outcome);
    if (ev->kind == TUI_EV_SIMULATED)
        wallet_sim_free(&ev->sim);
}
