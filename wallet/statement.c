#include "wallet/statement.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Blocks whose balances one batch asks for (two reads each): the newest
 * ones of an account are all read in one such batch (a node answers a state
 * it keeps on disk in several milliseconds: 16 blocks cost about 0.2 s). */
#define STATEMENT_BATCH_BLOCKS 16

typedef struct balances {
    u256 v[LEDGER_PARTS];
} balances;

void statement_free(statement *s)
{
    free(s->rows);
    s->rows = NULL;
    s->count = 0;
}

/* balanceENT and balanceeEuro of `a` after each of blocks[0..n), in one
 * batch. kept[i] is false when the node answered block i's reads with an
 * error (it keeps no state that old). PC_ENODE when the round trip fails
 * or an answer does not decode. */
static pc_status read_balances(rpc_client *c, const pc_contract *k, const eth_address *a,
                               const uint64_t *blocks, size_t n, balances *out, bool *kept,
                               pc_error *err)
{
    const pc_method *ent = pc_method_get(PC_FN_BALANCE_ENT), *eeuro = pc_method_get(PC_FN_BALANCE_EEURO);
    rpc_batch *b = rpc_batch_new();
    pc_status st = b ? PC_OK : pc_fail(err, PC_ENOMEM, "out of memory");
    for (size_t i = 0; st == PC_OK && i < n; i++) {
        char tag[24];
        snprintf(tag, sizeof tag, "0x%" PRIx64, blocks[i]);
        if (pc_batch_add_read_at(b, k, ent, a, 0, NULL, tag, err) < 0 ||
            pc_batch_add_read_at(b, k, eeuro, a, 0, NULL, tag, err) < 0)
            st = PC_ENOMEM;
    }
    if (st == PC_OK)
        st = rpc_batch_send(c, b, true, err);
    for (size_t i = 0; st == PC_OK && i < n; i++) {
        abi_value x, y;
        pc_error e = { 0 };
        pc_status sx = pc_batch_decode(b, (int)(2 * i), ent, &x, &e);
        pc_status sy = sx == PC_OK ? pc_batch_decode(b, (int)(2 * i + 1), eeuro, &y, &e) : sx;
        kept[i] = sx == PC_OK && sy == PC_OK;
        if (kept[i]) {
            out[i].v[LEDGER_ENT_AVAILABLE] = x.items[0].num;
            out[i].v[LEDGER_ENT_LOCKED] = x.items[1].num;
            out[i].v[LEDGER_EEURO_AVAILABLE] = y.items[0].num;
            out[i].v[LEDGER_EEURO_LOCKED] = y.items[1].num;
        } else if (e.cause != PC_CAUSE_REFUSED) {
            st = pc_fail_cause(err, PC_ENODE, e.cause, "%s", e.msg);
        }
        if (sx == PC_OK)
            abi_value_free(&x);
        if (sy == PC_OK)
            abi_value_free(&y);
    }
    rpc_batch_free(b);
    return st;
}

/* The first transaction of a block at or after `block`. */
static size_t first_at(const history_tx *txs, size_t n, uint64_t block)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (txs[mid].block < block)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* The range in blocks; PC_EINPUT when it is empty. */
static pc_status resolve(const history_tx *txs, size_t n, uint64_t head,
                         const statement_bound *from, const statement_bound *to, statement *s,
                         pc_error *err)
{
    /* The first indexed transaction: the deployment, or the first call. */
    uint64_t born = n ? txs[0].block : head;
    s->first_block = born;
    s->last_block = head;
    if (from && !from->is_time) {
        s->first_block = from->value > born ? from->value : born;
    } else if (from) {
        size_t i = 0;
        while (i < n && txs[i].time < from->value)
            i++;
        s->first_block = i < n ? txs[i].block : head + 1;
    }
    if (to && !to->is_time && to->value < head) {
        s->last_block = to->value;
    } else if (to && to->is_time) {
        size_t i = 0;
        while (i < n && txs[i].time <= to->value)
            i++;
        s->last_block = i < n ? txs[i].block - 1 : head;
    }
    if (s->first_block > s->last_block)
        return pc_fail(err, PC_EINPUT, "the range holds no block of the deployment's: from "
                                       "block %" PRIu64 " to block %" PRIu64 " (it is in blocks "
                                       "%" PRIu64 " to %" PRIu64 ")",
                       s->first_block, s->last_block, born, head);
    return PC_OK;
}

static void apply_row(balances *run, const ledger_row *r)
{
    for (int p = 0; p < LEDGER_PARTS; p++)
        if (!ledger_apply(&run->v[p], &r->change[p], &run->v[p]))
            run->v[p] = u256_zero(); /* not a history the contract wrote */
}

/* What the node says minus what the replay says, part by part. */
static void diff(const balances *replayed, const balances *node, ledger_amount *d)
{
    for (int p = 0; p < LEDGER_PARTS; p++)
        d[p] = ledger_diff(&replayed->v[p], &node->v[p]);
}

typedef struct rule_block {
    uint64_t block;
    size_t last_rule_row;        /* the last by_rules row in it */
    balances replayed;           /* the replay's balances after it */
    balances before;             /* the replay's balances before it */
    bool asked;                  /* its state was asked for */
    bool kept;                   /* and the node answered it */
    balances node;
    bool said;                   /* the node's state says its change */
} rule_block;

/* The blocks of by_rules rows, with the replay's balances around them. */
static rule_block *rule_blocks(const ledger *l, const history_tx *txs, size_t *count)
{
    rule_block *out = calloc(l->count ? l->count : 1, sizeof *out);
    balances run = { 0 }, block_start = { 0 };
    *count = 0;
    if (!out)
        return NULL;
    for (size_t i = 0; i < l->count; i++) {
        const ledger_row *r = &l->rows[i];
        uint64_t block = txs[r->tx].block;
        if (i == 0 || txs[l->rows[i - 1].tx].block != block)
            block_start = run;
        rule_block *last = *count ? &out[*count - 1] : NULL;
        if (r->by_rules && (!last || last->block != block)) {
            last = &out[(*count)++];
            last->block = block;
            last->before = block_start; /* the node's state before the block is that */
        }
        apply_row(&run, r);
        if (last && last->block == block) {
            if (r->by_rules)
                last->last_rule_row = i;
            last->replayed = run;
        }
    }
    return out;
}

/* What the statement asks the node for, and where the answers go. */
typedef struct asker {
    rpc_client *c;
    const pc_contract *k;
    const eth_address *a;
    rule_block *rb;
    size_t n;
    size_t asked;                /* blocks whose state was asked for */
} asker;

/* The states after rb[from..to) (at most STATEMENT_BATCH_BLOCKS), in one
 * batch. A round trip that fails (a node slow to load old states) counts
 * as states not kept: their changes stay replayed. PC_ENOMEM only. */
static pc_status ask(asker *q, size_t from, size_t to, pc_error *err)
{
    uint64_t blocks[STATEMENT_BATCH_BLOCKS] = { 0 };
    balances got[STATEMENT_BATCH_BLOCKS] = { 0 };
    bool kept[STATEMENT_BATCH_BLOCKS] = { false };
    for (size_t i = from; i < to; i++)
        blocks[i - from] = q->rb[i].block;
    pc_error e = { 0 };
    pc_status st = read_balances(q->c, q->k, q->a, blocks, to - from, got, kept, &e);
    if (st == PC_ENOMEM)
        return pc_fail(err, st, "%s", e.msg);
    for (size_t i = from; i < to; i++) {
        q->rb[i].asked = true;
        q->rb[i].kept = st == PC_OK && kept[i - from];
        q->rb[i].node = got[i - from];
    }
    q->asked += to - from;
    return PC_OK;
}

static bool same_gap(const rule_block *x, const rule_block *y)
{
    ledger_amount dx[LEDGER_PARTS], dy[LEDGER_PARTS];
    diff(&x->replayed, &x->node, dx);
    diff(&y->replayed, &y->node, dy);
    for (int p = 0; p < LEDGER_PARTS; p++)
        if (dx[p].negative != dy[p].negative || u256_cmp(&dx[p].value, &dy[p].value) != 0)
            return false;
    return true;
}

/* Between two read blocks where the node and the replay differ by
 * different amounts, the blocks in between are read by bisection until
 * the change lies between two neighbours. */
static pc_status bisect(asker *q, size_t x, size_t y, pc_error *err)
{
    if (y <= x + 1 || same_gap(&q->rb[x], &q->rb[y]))
        return PC_OK;
    size_t mid = x + (y - x) / 2;
    pc_status st = q->rb[mid].asked ? PC_OK : ask(q, mid, mid + 1, err);
    if (st != PC_OK || !q->rb[mid].kept)
        return st;
    st = bisect(q, x, mid, err);
    return st == PC_OK ? bisect(q, mid, y, err) : st;
}

/* Which rule blocks' states the node keeps, and their reads: the newest
 * STATEMENT_BATCH_BLOCKS in one batch (all of them for most accounts);
 * past those, the oldest state it keeps is found by bisection, and the
 * blocks in between are read only where the node and the replay come to
 * differ (bisect). Returns the first kept rule block (n: none). */
static pc_status consult(asker *q, size_t *first, pc_error *err)
{
    size_t n = q->n, m = n < STATEMENT_BATCH_BLOCKS ? n : STATEMENT_BATCH_BLOCKS;
    *first = n;
    pc_status st = n ? ask(q, n - m, n, err) : PC_OK;
    if (st != PC_OK || !n || !q->rb[n - 1].kept)
        return st;
    size_t lo = n - 1;
    while (lo > n - m && q->rb[lo - 1].kept)
        lo--;
    if (lo == n - m && lo > 0) {
        /* Older than the batch: the node keeps a newest stretch of states. */
        size_t left = 0, right = lo;
        while (st == PC_OK && left < right) {
            size_t mid = left + (right - left) / 2;
            st = ask(q, mid, mid + 1, err);
            if (q->rb[mid].kept)
                right = mid;
            else
                left = mid + 1;
        }
        lo = right;
    }
    for (size_t x = lo, y = lo + 1; st == PC_OK && y < n; y++) {
        if (!q->rb[y].asked || !q->rb[y].kept)
            continue;
        st = bisect(q, x, y, err);
        x = y;
    }
    *first = lo;
    return st;
}

static void negate(ledger_amount *a)
{
    a->negative = !a->negative && !u256_is_zero(&a->value);
}

/* The node's states make the changes of the rule blocks they bound: the
 * difference between the node and the replay at a read block, less the
 * difference at the read block before it, goes to the block's last
 * by_rules row. A block whose neighbour before it was read too is said by
 * the node; between two read blocks that differ from the replay alike, the
 * replay stands. The first kept block needs the node's state before it
 * (none before `born`, the deployment's block: all zero). */
static pc_status correct(asker *q, ledger *l, size_t first, uint64_t born, pc_error *err)
{
    rule_block *rb = q->rb;
    if (first == q->n)
        return PC_OK;
    ledger_amount prev[LEDGER_PARTS], d[LEDGER_PARTS];
    bool has_prev = false;
    if (rb[first].block <= born) {
        balances zero = { 0 };
        diff(&rb[first].before, &zero, prev);
        has_prev = true;
    } else {
        uint64_t before = rb[first].block - 1;
        balances node;
        bool kept;
        /* A block before the deployment (no creation record tells it)
         * answers no balances: then the first block stays replayed. */
        pc_error e = { 0 };
        pc_status st = read_balances(q->c, q->k, q->a, &before, 1, &node, &kept, &e);
        if (st == PC_ENOMEM)
            return pc_fail(err, st, "%s", e.msg);
        if (st == PC_OK && kept) {
            diff(&rb[first].before, &node, prev);
            has_prev = true;
        }
    }
    size_t last_read = first;
    for (size_t i = first; i < q->n; i++) {
        if (!rb[i].asked || !rb[i].kept)
            continue;
        diff(&rb[i].replayed, &rb[i].node, d);
        if (has_prev) {
            ledger_row *r = &l->rows[rb[i].last_rule_row];
            for (int p = 0; p < LEDGER_PARTS; p++) {
                ledger_amount adj = prev[p];
                negate(&adj);
                ledger_add(&adj, &d[p]);
                ledger_add(&r->change[p], &adj);
            }
            rb[i].said = i == first || last_read + 1 == i;
        }
        memcpy(prev, d, sizeof prev);
        has_prev = true;
        last_read = i;
    }
    return PC_OK;
}

static pc_status fill_rows(const ledger *l, const history_tx *txs, const rule_block *rb,
                           size_t nrb, statement *s, pc_error *err)
{
    balances run = { 0 };
    size_t b = 0;
    s->rows = calloc(l->count ? l->count : 1, sizeof *s->rows);
    if (!s->rows)
        return pc_fail(err, PC_ENOMEM, "out of memory");
    for (size_t i = 0; i < l->count; i++) {
        const ledger_row *r = &l->rows[i];
        const history_tx *t = &txs[r->tx];
        while (b < nrb && rb[b].block < t->block)
            b++;
        bool said = r->by_rules && b < nrb && rb[b].block == t->block && rb[b].said;
        if (t->block < s->first_block) {
            apply_row(&run, r);
            memcpy(s->opening, run.v, sizeof s->opening);
            continue;
        }
        apply_row(&run, r);
        statement_row *o = &s->rows[s->count++];
        o->block = t->block;
        o->time = t->time;
        o->index = t->index;
        memcpy(o->tx, t->hash, 32);
        o->method = t->method;
        o->from = t->from;
        memcpy(o->change, r->change, sizeof o->change);
        memcpy(o->balance, run.v, sizeof o->balance);
        o->source = !r->by_rules ? STATEMENT_CALL : said ? STATEMENT_NODE : STATEMENT_REPLAY;
    }
    memcpy(s->closing, run.v, sizeof s->closing);
    return PC_OK;
}

/* The chain's own balances at the last block. */
static pc_status check(rpc_client *c, const pc_contract *k, statement *s, pc_error *err)
{
    balances node;
    bool kept;
    pc_error e = { 0 };
    pc_status st = read_balances(c, k, &s->account, &s->last_block, 1, &node, &kept, &e);
    if (st == PC_ENOMEM)
        return pc_fail(err, PC_ENOMEM, "%s", e.msg);
    if (st != PC_OK || !kept) {
        snprintf(s->why, sizeof s->why, "%s",
                 st != PC_OK ? e.msg : "the node keeps no state of that block");
        return PC_OK;
    }
    s->checked = true;
    memcpy(s->chain, node.v, sizeof s->chain);
    s->agrees = memcmp(s->chain, s->closing, sizeof s->chain) == 0;
    return PC_OK;
}

pc_status statement_build(rpc_client *c, const pc_contract *k, history *h,
                          const eth_address *account, const statement_bound *from,
                          const statement_bound *to, statement *out, pc_error *err)
{
    memset(out, 0, sizeof *out);
    out->account = *account;
    uint64_t head;
    if (!history_head(h, &head))
        return pc_fail(err, PC_EINPUT, "the history index holds no block yet");
    history_filter f = HISTORY_FILTER_ALL;
    if (to && !to->is_time)
        f.to_block = to->value;
    history_tx *txs = NULL;
    size_t loaded = 0;
    pc_status st = history_load(h, &f, &txs, &loaded, err);
    if (st == PC_OK)
        st = resolve(txs, loaded, head, from, to, out, err);
    /* The replays stop at the range's end. */
    size_t n = st == PC_OK ? first_at(txs, loaded, out->last_block + 1) : 0;
    view_governance g = { 0 };
    view_market m = { 0 };
    ledger l = { 0 };
    rule_block *rb = NULL;
    size_t nrb = 0;
    if (st == PC_OK)
        st = view_governance_replay(txs, n, &g, err);
    if (st == PC_OK)
        st = view_market_replay(txs, n, &m, err);
    if (st == PC_OK)
        st = ledger_replay(txs, n, &g, &m, account, &l, err);
    if (st == PC_OK && !(rb = rule_blocks(&l, txs, &nrb)))
        st = pc_fail(err, PC_ENOMEM, "out of memory");
    asker q = { c, k, account, rb, nrb, 0 };
    size_t first = nrb;
    if (st == PC_OK)
        st = consult(&q, &first, err);
    if (st == PC_OK)
        st = correct(&q, &l, first, n && txs[0].is_creation ? txs[0].block : 0, err);
    out->node_blocks = q.asked;
    if (st == PC_OK)
        st = fill_rows(&l, txs, rb, nrb, out, err);
    if (st == PC_OK)
        st = check(c, k, out, err);
    free(rb);
    ledger_free(&l);
    view_market_free(&m);
    view_governance_free(&g);
    history_tx_free_all(txs, loaded);
    if (st != PC_OK)
        statement_free(out);
    return st;
}
