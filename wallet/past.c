#include "wallet/past.h"

#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

/* Records are only ever appended, past the ntxs of every past already
 * handed out, so a past may read its records on another thread while the
 * reader appends. The array never moves: when it is full, the reader
 * continues in a bigger store, copying the records (not their arguments and
 * texts) over. The bigger store then owns every record, and the full one
 * keeps a reference to it for as long as a past still reads the full one's
 * array: records are never loaded again, and no array outlives its pasts. */
struct wallet_past_log {
    atomic_size_t refs;
    history_tx *txs;  /* cap slots; the first n are filled */
    size_t n, cap;
    wallet_past_log *next; /* owned reference: the store that continues this
                              one and owns its records' arguments and texts;
                              NULL while this one owns them */
};

/* Room for as many records again as a store of n holds, and some:
 * slots not yet written take no memory in practice. 0 when too many. */
static size_t log_cap(size_t n)
{
    size_t most = SIZE_MAX / sizeof(history_tx);
    return n <= (most - 1024) / 2 ? 2 * n + 1024 : 0;
}

static pc_status log_alloc(size_t n, wallet_past_log **out, pc_error *err)
{
    size_t cap = log_cap(n);
    wallet_past_log *log = cap ? malloc(sizeof *log) : NULL;
    history_tx *txs = log ? malloc(cap * sizeof *txs) : NULL;
    if (!txs) {
        free(log);
        return pc_fail(err, PC_ENOMEM, "out of memory");
    }
    atomic_init(&log->refs, 1);
    log->txs = txs;
    log->n = 0;
    log->cap = cap;
    log->next = NULL;
    *out = log;
    return PC_OK;
}

static void log_append(wallet_past_log *log, const history_tx *txs, size_t k)
{
    if (k)
        memcpy(&log->txs[log->n], txs, k * sizeof *txs);
    log->n += k;
}

static wallet_past_log *log_ref(wallet_past_log *log)
{
    atomic_fetch_add_explicit(&log->refs, 1, memory_order_relaxed);
    return log;
}

static void log_unref(wallet_past_log *log)
{
    while (log && atomic_fetch_sub_explicit(&log->refs, 1, memory_order_acq_rel) == 1) {
        wallet_past_log *next = log->next;
        if (next)
            free(log->txs); /* the records are next's */
        else
            history_tx_free_all(log->txs, log->n);
        free(log);
        log = next;
    }
}

/* Moves k fresh records (and their array) into the reader's store, or into
 * a bigger one that continues it when they do not fit. On failure the
 * records are freed and the reader keeps its store. */
static pc_status log_take(wallet_past_reader *r, history_tx *fresh, size_t k, pc_error *err)
{
    wallet_past_log *log = r->log;
    if (!log || k > log->cap - log->n) {
        size_t had = log ? log->n : 0;
        wallet_past_log *bigger = NULL;
        pc_status st = k <= SIZE_MAX - had ? log_alloc(had + k, &bigger, err)
                                           : pc_fail(err, PC_ENOMEM, "out of memory");
        if (st != PC_OK) {
            history_tx_free_all(fresh, k);
            return st;
        }
        if (log) {
            log_append(bigger, log->txs, log->n);
            log->next = log_ref(bigger); /* before the reader lets go of log */
            log_unref(log);
        }
        r->log = log = bigger;
    }
    log_append(log, fresh, k);
    free(fresh); /* the records now belong to the store */
    return PC_OK;
}

/* Whether the records of `older` are the first ones of `log` (the same
 * store, or one it continues). */
static bool log_continues(const wallet_past_log *log, const wallet_past_log *older)
{
    while (older && older != log)
        older = older->next;
    return older == log;
}

/* Loads the records of the blocks after the reader's head up to `head`. */
static pc_status load_new(wallet_past_reader *r, history *h, uint64_t head, pc_error *err)
{
    history_filter f = HISTORY_FILTER_ALL;
    f.from_block = r->log ? r->head + 1 : 0;
    f.to_block = head;
    history_tx *fresh = NULL;
    size_t k = 0;
    pc_status st = history_load(h, &f, &fresh, &k, err);
    if (st != PC_OK)
        return st;
    st = log_take(r, fresh, k, err);
    if (st == PC_OK)
        r->head = head;
    return st;
}

/* The sessions open after out's transactions, replaying only those the
 * reader's replay has not seen. */
static pc_status read_sessions(wallet_past_reader *r, wallet_past *out, pc_error *err)
{
    if (r->sessions && series_sessions_done(r->sessions) > out->ntxs) {
        series_sessions_free(r->sessions);
        r->sessions = NULL;
    }
    pc_status st = r->sessions ? PC_OK : series_sessions_new(&r->sessions, err);
    if (st == PC_OK)
        st = series_sessions_feed(r->sessions, out->txs, out->ntxs, &out->governance,
                                  &out->market, err);
    if (st == PC_OK)
        st = series_sessions_open(r->sessions, &out->sessions, &out->nsessions, err);
    if (st != PC_OK) { /* a failed feed leaves it unusable */
        series_sessions_free(r->sessions);
        r->sessions = NULL;
    }
    return st;
}

pc_status wallet_past_reader_read(wallet_past_reader *r, history *h, wallet_past *out,
                                  pc_error *err)
{
    memset(out, 0, sizeof *out);
    uint64_t head;
    if (!history_head(h, &head))
        head = 0;
    /* Another process may have rolled the index back under the reader. */
    if (r->log && head < r->head)
        wallet_past_reader_reset(r);
    pc_status st = load_new(r, h, head, err);
    if (st != PC_OK)
        return st;
    out->head = head;
    out->log = log_ref(r->log);
    out->txs = r->log->txs;
    out->ntxs = r->log->n;
    st = view_governance_replay(out->txs, out->ntxs, &out->governance, err);
    if (st == PC_OK)
        st = wallet_owners_from_governance(&out->governance, &out->owners, &out->nowners, err);
    if (st == PC_OK)
        st = view_withdrawals_replay(out->txs, out->ntxs, &out->withdrawals, err);
    if (st == PC_OK)
        st = view_market_replay(out->txs, out->ntxs, &out->market, err);
    if (st == PC_OK)
        st = read_sessions(r, out, err);
    if (st != PC_OK)
        wallet_past_free(out);
    return st;
}

pc_status wallet_past_series(wallet_past *p, const eth_address *account, pc_error *err)
{
    series_set_free(&p->series);
    pc_status st = series_set_replay(p->txs, p->ntxs, &p->governance, &p->market, account,
                                     &p->series, err);
    p->has_series = st == PC_OK;
    return st;
}

pc_status wallet_past_reader_series(wallet_past_reader *r, wallet_past *p,
                                    const eth_address *account, pc_error *err)
{
    series_set_free(&p->series);
    /* Fed from another store, or for someone else: not a start for this one. */
    if (r->series && (!log_continues(r->log, p->log) || !series_replay_is_for(r->series, account) ||
                      series_replay_done(r->series) > p->ntxs))
        wallet_past_reader_drop_series(r);
    pc_status st = r->series ? PC_OK : series_replay_new(account, &r->series, err);
    if (st == PC_OK)
        st = series_replay_feed(r->series, p->txs, p->ntxs, &p->governance, &p->market, err);
    if (st == PC_OK)
        st = series_replay_share(r->series, &p->series, err);
    if (st != PC_OK)
        wallet_past_reader_drop_series(r); /* a failed feed leaves it unusable */
    p->has_series = st == PC_OK;
    return st;
}

void wallet_past_reader_drop_series(wallet_past_reader *r)
{
    series_replay_free(r->series);
    r->series = NULL;
}

void wallet_past_reader_reset(wallet_past_reader *r)
{
    wallet_past_reader_drop_series(r);
    series_sessions_free(r->sessions);
    r->sessions = NULL;
    log_unref(r->log);
    r->log = NULL;
    r->head = 0;
}

pc_status wallet_past_read(history *h, wallet_past *out, pc_error *err)
{
    wallet_past_reader r = { 0 };
    pc_status st = wallet_past_reader_read(&r, h, out, err);
    wallet_past_reader_reset(&r);
    return st;
}

void wallet_past_free(wallet_past *p)
{
    if (!p)
        return;
    log_unref(p->log);
    free(p->owners);
    view_withdrawals_free(&p->withdrawals);
    view_governance_free(&p->governance);
    view_market_free(&p->market);
    free(p->sessions);
    series_set_free(&p->series);
    memset(p, 0, sizeof *p);
}
