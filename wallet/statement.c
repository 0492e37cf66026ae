#include "wallet/statement.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Blocks whose balances one batch asks for (two reads each). */
#define STATEMENT_BATCH_BLOCKS 128

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
    const pc_method *ent = pc_method_find("balanceENT"), *eeuro = pc_method_find("balanceeEuro");
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
    bool kept;                   /* the node answered its state */
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

/* Asks the node for the state of the rule blocks, newest first, until it
 * says it keeps nothing that old. */
static pc_status ask_node(rpc_client *c, const pc_contract *k, const eth_address *a,
                          rule_block *rb, size_t n, size_t *asked, pc_error *err)
{
    uint64_t blocks[STATEMENT_BATCH_BLOCKS];
    balances got[STATEMENT_BATCH_BLOCKS];
    bool kept[STATEMENT_BATCH_BLOCKS];
    *asked = 0;
    for (size_t end = n; end > 0;) {
        size_t m = end < STATEMENT_BATCH_BLOCKS ? end : STATEMENT_BATCH_BLOCKS;
        for (size_t i = 0; i < m; i++)
            blocks[i] = rb[end - 1 - i].block;
        pc_status st = read_balances(c, k, a, blocks, m, got, kept, err);
        if (st != PC_OK)
            return st;
        *asked += m;
        for (size_t i = 0; i < m; i++) {
            if (!kept[i])
                return PC_OK;
            rb[end - 1 - i].kept = true;
            rb[end - 1 - i].node = got[i];
        }
        end -= m;
    }
    return PC_OK;
}

static void negate(ledger_amount *a)
{
    a->negative = !a->negative && !u256_is_zero(&a->value);
}

/* Each kept rule block's change becomes the node's: its last by_rules row
 * takes the difference, and its by_rules rows are marked. The first kept
 * block needs the node's state before it too (none before `born`, the
 * deployment's block: all zero); without it, it stays replayed. */
static pc_status correct(rpc_client *c, const pc_contract *k, const eth_address *a, ledger *l,
                         rule_block *rb, size_t n, uint64_t born, pc_error *err)
{
    size_t first = 0;
    while (first < n && !rb[first].kept)
        first++;
    if (first == n)
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
        pc_status st = read_balances(c, k, a, &before, 1, &node, &kept, &e);
        if (st == PC_ENOMEM)
            return pc_fail(err, st, "%s", e.msg);
        if (st == PC_OK && kept) {
            diff(&rb[first].before, &node, prev);
            has_prev = true;
        }
    }
    for (size_t i = first; i < n; i++) {
        diff(&rb[i].replayed, &rb[i].node, d);
        if (has_prev) {
            ledger_row *r = &l->rows[rb[i].last_rule_row];
            for (int p = 0; p < LEDGER_PARTS; p++) {
                ledger_amount adj = prev[p];
                negate(&adj);
                ledger_add(&adj, &d[p]);
                ledger_add(&r->change[p], &adj);
            }
            rb[i].said = true;
        }
        memcpy(prev, d, sizeof prev);
        has_prev = true;
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
    if (st == PC_OK)
        st = ask_node(c, k, account, rb, nrb, &out->node_blocks, err);
    if (st == PC_OK)
        st = correct(c, k, account, &l, rb, nrb, n && txs[0].is_creation ? txs[0].block : 0,
                     err);
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
