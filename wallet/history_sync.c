/* The history index's catch-up: finding the deployment block, reading
 * ranges of blocks from the node, noticing reorgs and rolling back. What
 * is written, and how, is history.c's. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "eth/hex.h"
#include "eth/keccak.h"
#include "eth/rlp.h"
#include "rpcclient/node.h"
#include "wallet/history.h"
#include "wallet/history_store.h"

/* A step slower than this halves the span; faster than FAST doubles it,
 * up to below the span that last failed: after CALM_STEPS good steps that
 * one is tried again (the node may have changed), not on every other step. */
#define SLOW_SECONDS 2.0
#define FAST_SECONDS 0.5
#define CALM_STEPS 32
/* A chain that keeps changing under the reader is given up on after this
 * many rollbacks or retries in one sync. */
#define MAX_FORKS 16

static double now_seconds(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static pc_status oom(pc_error *err)
{
    return pc_fail(err, PC_ENOMEM, "out of memory");
}

/* ---- the deployment block ---- */

static pc_status code_at(rpc_client *c, const eth_address *a, uint64_t n, bool *has_code,
                         pc_error *err)
{
    char tag[32];
    snprintf(tag, sizeof tag, "0x%llx", (unsigned long long)n);
    cJSON *params = node_params_address_tag(a, tag);
    if (!params)
        return oom(err);
    cJSON *res = NULL;
    bytebuf code = BYTEBUF_INIT;
    pc_status st = rpc_call(c, "eth_getCode", params, true, &res, err);
    if (st == PC_OK)
        st = node_parse_data(res, "contract code", &code, err);
    *has_code = code.len > 0;
    bytebuf_free(&code);
    cJSON_Delete(res);
    return st;
}

/* The deployment file says where the contract was created; without it, the
 * first block with code at the address, by bisection (code never comes back
 * once gone on these chains, and PowerChain's destroy does not remove it).
 * Bisecting asks for old state: a node that prunes it refuses, and says so. */
static pc_status find_first(history *h, rpc_client *c, uint64_t head, pc_error *err)
{
    uint64_t block, chain_id;
    if (pc_contract_deployment(h->k, &block, &chain_id))
        return history_store_set_first(h, block, err);
    const eth_address *a = pc_contract_address(h->k);
    bool has;
    pc_status st = code_at(c, a, head, &has, err);
    if (st != PC_OK)
        return st;
    if (!has) {
        char text[ETH_ADDRESS_TEXT_LEN];
        eth_address_to_checksum(a, text);
        return pc_fail(err, PC_EINPUT, "no contract at %s on this chain: check --contract and "
                                       "--rpc", text);
    }
    uint64_t lo = 0, hi = head; /* code at hi; the answer is in [lo, hi] */
    while (lo < hi && st == PC_OK) {
        uint64_t mid = lo + (hi - lo) / 2;
        st = code_at(c, a, mid, &has, err);
        if (has)
            hi = mid;
        else
            lo = mid + 1;
    }
    return st == PC_OK ? history_store_set_first(h, lo, err) : st;
}

/* keccak256(rlp([sender, nonce]))[12:]: the address a creation makes. */
static bool creates(const node_tx *t, const eth_address *contract)
{
    bytebuf b = BYTEBUF_INIT;
    size_t list = rlp_list_begin(&b);
    bool ok = rlp_encode_bytes(&b, t->from.b, 20) == PC_OK &&
              rlp_encode_u64(&b, t->nonce) == PC_OK && rlp_list_end(&b, list) == PC_OK;
    uint8_t hash[32];
    if (ok)
        keccak256(b.data, b.len, hash);
    bytebuf_free(&b);
    return ok && memcmp(hash + 12, contract->b, 20) == 0;
}

/* ---- reorgs ---- */

static pc_status block_hash_of(const cJSON *v, bool *found, uint8_t hash[32], pc_error *err)
{
    *found = !cJSON_IsNull(v);
    if (!*found)
        return PC_OK;
    if (!cJSON_IsObject(v))
        return pc_fail(err, PC_ENODE, "node sent a block that is not an object");
    return node_parse_hash(cJSON_GetObjectItemCaseSensitive(v, "hash"), "block hash", hash, err);
}

/* The node's newest block and whether the last indexed block is still the
 * one the index holds, in one round trip. */
static pc_status check_head(history *h, rpc_client *c, uint64_t *head, bool *forked,
                            pc_error *err)
{
    *forked = false;
    uint8_t stored[32];
    bool check = h->has_cursor;
    /* Every step and rollback keeps the hash of the block it ends at. */
    if (check && !history_block_hash(h, h->cursor, stored))
        return pc_fail(err, PC_EIO, "history index %s is damaged (no hash kept for its last "
                                    "block %llu): " HISTORY_REBUILD_HINT,
                       history_path(h), (unsigned long long)h->cursor);
    rpc_batch *b = rpc_batch_new();
    int i_head = b ? rpc_batch_add(b, "eth_blockNumber", NULL) : -1;
    int i_block = -1;
    if (b && check)
        i_block = rpc_batch_add(b, "eth_getBlockByNumber", node_params_block_number(h->cursor,
                                                                                    false));
    pc_status st = i_head < 0 || (check && i_block < 0) ? oom(err) : PC_OK;
    if (st == PC_OK)
        st = rpc_batch_send(c, b, true, err);
    const cJSON *r;
    if (st == PC_OK)
        st = (r = rpc_batch_result(b, (size_t)i_head, err))
                 ? node_parse_u64(r, "block number", head, err)
                 : PC_ENODE;
    if (st == PC_OK && *head > HISTORY_MAX_BLOCK)
        st = pc_fail(err, PC_ENODE, "node says its newest block is %llu: no chain is that long "
                                    "(an index holds blocks up to %llu); refused",
                     (unsigned long long)*head, (unsigned long long)HISTORY_MAX_BLOCK);
    if (st == PC_OK && check) {
        bool found;
        uint8_t hash[32];
        st = (r = rpc_batch_result(b, (size_t)i_block, err)) ? block_hash_of(r, &found, hash, err)
                                                             : PC_ENODE;
        *forked = st == PC_OK && (!found || memcmp(hash, stored, 32) != 0);
    }
    rpc_batch_free(b);
    return st;
}

/* Finds the newest kept block that the node still has, and deletes
 * everything above it; none left: everything, to read again from the
 * deployment block. */
static pc_status roll_back(history *h, rpc_client *c, uint64_t *removed, pc_error *err)
{
    uint64_t *kept = NULL;
    size_t n = 0;
    pc_status st = history_store_kept_blocks(h, &kept, &n, err);
    rpc_batch *b = st == PC_OK ? rpc_batch_new() : NULL;
    if (st == PC_OK && !b)
        st = oom(err);
    for (size_t i = 0; st == PC_OK && i < n; i++)
        if (rpc_batch_add(b, "eth_getBlockByNumber", node_params_block_number(kept[i], false)) < 0)
            st = oom(err);
    if (st == PC_OK && n)
        st = rpc_batch_send(c, b, true, err);
    bool has_keep = false;
    uint64_t keep = 0;
    for (size_t i = 0; st == PC_OK && i < n && !has_keep; i++) {
        const cJSON *r = rpc_batch_result(b, i, err);
        bool found;
        uint8_t node_hash[32], stored[32];
        st = r ? block_hash_of(r, &found, node_hash, err) : PC_ENODE;
        if (st == PC_OK && found && history_block_hash(h, kept[i], stored) &&
            memcmp(node_hash, stored, 32) == 0) {
            has_keep = true;
            keep = kept[i];
        }
    }
    rpc_batch_free(b);
    free(kept);
    if (st == PC_OK)
        st = history_store_rollback(h, has_keep, keep, removed, err);
    return st;
}

/* ---- one step ---- */

typedef enum step_result {
    STEP_WRITTEN,
    STEP_REFUSED, /* the node refused or failed the range: try a smaller one */
    STEP_FORK,    /* the blocks do not join up: check for a reorg */
    STEP_MOVED,   /* another process indexed meanwhile */
} step_result;

typedef struct step {
    node_full_block *blocks; /* blocks[i] is block from+i */
    size_t nblocks;
    history_row *rows;
    bool *has_logs, *has_error;
    size_t nrows, cap;
} step;

static void step_free(step *s)
{
    for (size_t i = 0; i < s->nblocks; i++)
        node_full_block_free(&s->blocks[i]);
    free(s->blocks);
    for (size_t i = 0; i < s->nrows; i++)
        free(s->rows[i].text);
    free(s->rows);
    free(s->has_logs);
    free(s->has_error);
}

static pc_status add_row(step *s, const node_full_block *blk, const node_tx *t, bool creation,
                         pc_error *err)
{
    if (s->nrows == s->cap) {
        size_t cap = s->cap ? 2 * s->cap : 16;
        history_row *rows = realloc(s->rows, cap * sizeof *rows);
        if (rows)
            s->rows = rows;
        bool *logs = rows ? realloc(s->has_logs, cap * sizeof *logs) : NULL;
        if (logs)
            s->has_logs = logs;
        bool *errs = logs ? realloc(s->has_error, cap * sizeof *errs) : NULL;
        if (!errs)
            return oom(err);
        s->has_error = errs;
        s->cap = cap;
    }
    history_row *r = &s->rows[s->nrows];
    memset(r, 0, sizeof *r);
    r->block = blk->number;
    r->index = (uint32_t)t->index;
    r->time = blk->timestamp;
    memcpy(r->hash, t->hash, 32);
    r->from = t->from;
    r->is_creation = creation;
    /* A creation's input is the contract's init code: not kept. */
    r->input = creation ? NULL : t->input;
    r->input_len = creation ? 0 : t->input_len;
    r->outcome = HISTORY_OK;
    s->has_logs[s->nrows] = false;
    s->has_error[s->nrows] = false;
    s->nrows++;
    return PC_OK;
}

static pc_status append_text(char **text, const char *more, pc_error *err)
{
    size_t old = *text ? strlen(*text) : 0, add = strlen(more);
    char *p = realloc(*text, old + add + 2);
    if (!p)
        return oom(err);
    if (old)
        p[old++] = '\n';
    memcpy(p + old, more, add + 1);
    *text = p;
    return PC_OK;
}

/* Adds one decoded Info/Error of row i. */
static pc_status add_event(step *s, size_t i, const pc_contract *k, const node_log *l,
                           pc_error *err)
{
    bool matched;
    pc_event ev;
    pc_status st = pc_decode_event(k, l, &matched, &ev, err);
    if (st != PC_OK || !matched)
        return st;
    st = append_text(&s->rows[i].text, ev.text, err);
    s->has_error[i] = s->has_error[i] || ev.is_error;
    free(ev.text);
    return st;
}

/* The row of the transaction with this hash; logs come in block order like
 * the rows, so the search starts where the last one ended. */
static bool find_row(const step *s, const uint8_t hash[32], size_t *hint)
{
    for (size_t n = 0; n < s->nrows; n++) {
        size_t i = (*hint + n) % s->nrows;
        if (memcmp(s->rows[i].hash, hash, 32) == 0) {
            *hint = i;
            return true;
        }
    }
    return false;
}

/* Blocks [from, from+count) out of the batch (results 1..count): they must
 * be the blocks asked for and join up, the first one onto the index. */
static pc_status take_blocks(history *h, const rpc_batch *b, uint64_t from, step *s,
                             step_result *res, pc_error *err)
{
    pc_status st = PC_OK;
    uint8_t prev[32];
    bool has_prev = from > 0 && h->has_cursor && history_block_hash(h, from - 1, prev);
    for (size_t i = 0; st == PC_OK && i < s->nblocks && *res == STEP_WRITTEN; i++) {
        const cJSON *r = rpc_batch_result(b, 1 + i, err);
        if (!r) {
            *res = STEP_REFUSED;
            return PC_ENODE;
        }
        bool found;
        node_full_block *blk = &s->blocks[i];
        st = node_parse_full_block(r, blk, &found, err);
        if (st == PC_OK && !found) {
            *res = STEP_FORK; /* the chain got shorter since the head was read */
            break;
        }
        if (st == PC_OK && blk->number != from + i)
            st = pc_fail(err, PC_ENODE, "node sent block %llu when asked for block %llu",
                         (unsigned long long)blk->number, (unsigned long long)(from + i));
        if (st == PC_OK && has_prev && memcmp(blk->parent_hash, prev, 32) != 0)
            *res = STEP_FORK;
        memcpy(prev, blk->hash, 32);
        has_prev = true;
        const eth_address *contract = pc_contract_address(h->k);
        for (size_t j = 0; st == PC_OK && j < blk->ntxs; j++) {
            const node_tx *t = &blk->txs[j];
            if (t->has_to && eth_address_equal(&t->to, contract))
                st = add_row(s, blk, t, false, err);
            else if (!t->has_to && blk->number == h->first_block && creates(t, contract))
                st = add_row(s, blk, t, true, err);
        }
    }
    return st;
}

static pc_status take_logs(history *h, const cJSON *logs, uint64_t from, uint64_t to, step *s,
                           pc_error *err)
{
    if (!cJSON_IsArray(logs))
        return pc_fail(err, PC_ENODE, "node answered eth_getLogs with something not a list");
    size_t hint = 0;
    const cJSON *v;
    pc_status st = PC_OK;
    cJSON_ArrayForEach(v, logs)
    {
        node_log l;
        if ((st = node_parse_log(v, &l, err)) != PC_OK)
            break;
        if (!eth_address_equal(&l.address, pc_contract_address(h->k)) || l.block < from ||
            l.block > to)
            st = pc_fail(err, PC_ENODE, "node answered eth_getLogs with a log of another "
                                        "contract or block");
        /* Logs of transactions sent to another contract that called this
         * one are not in the index: only transactions to it are. */
        if (st == PC_OK && s->nrows && find_row(s, l.tx_hash, &hint)) {
            s->has_logs[hint] = true;
            st = add_event(s, hint, h->k, &l, err);
        }
        node_log_clear(&l);
        if (st != PC_OK)
            break;
    }
    return st;
}

/* Transactions with no log need their receipt: reverted, or a success that
 * this deployment does not announce. */
static pc_status take_receipts(history *h, rpc_client *c, step *s, step_result *res,
                               pc_error *err)
{
    rpc_batch *b = rpc_batch_new();
    size_t *which = calloc(s->nrows ? s->nrows : 1, sizeof *which);
    size_t n = 0;
    pc_status st = b && which ? PC_OK : oom(err);
    for (size_t i = 0; st == PC_OK && i < s->nrows; i++) {
        if (s->has_logs[i] || s->rows[i].is_creation)
            continue;
        if (rpc_batch_add(b, "eth_getTransactionReceipt", node_params_hash(s->rows[i].hash)) < 0)
            st = oom(err);
        which[n++] = i;
    }
    if (st == PC_OK && n)
        st = rpc_batch_send(c, b, true, err);
    for (size_t j = 0; st == PC_OK && j < n; j++) {
        history_row *row = &s->rows[which[j]];
        const cJSON *r = rpc_batch_result(b, j, err);
        node_receipt rc;
        bool found = false;
        st = r ? node_parse_receipt(r, &rc, &found, err) : PC_ENODE;
        if (st == PC_OK && !found) {
            *res = STEP_FORK; /* mined a moment ago, gone now */
            break;
        }
        if (st == PC_OK && (memcmp(rc.tx_hash, row->hash, 32) != 0 || rc.block != row->block))
            st = pc_fail(err, PC_ENODE, "node sent a receipt of another transaction or block");
        if (st == PC_OK && rc.status == 0)
            row->outcome = HISTORY_REVERTED;
        for (size_t i = 0; st == PC_OK && i < rc.nlogs; i++)
            st = add_event(s, which[j], h->k, &rc.logs[i], err);
        if (found)
            node_receipt_free(&rc);
    }
    rpc_batch_free(b);
    free(which);
    return st;
}

static cJSON *logs_params(const pc_contract *k, uint64_t from, uint64_t to)
{
    char a[32], b[32], addr[ETH_ADDRESS_TEXT_LEN];
    snprintf(a, sizeof a, "0x%llx", (unsigned long long)from);
    snprintf(b, sizeof b, "0x%llx", (unsigned long long)to);
    eth_address_to_checksum(pc_contract_address(k), addr);
    cJSON *params = cJSON_CreateArray(), *filter = cJSON_CreateObject();
    if (!params || !filter) {
        cJSON_Delete(params);
        cJSON_Delete(filter);
        return NULL;
    }
    cJSON_AddStringToObject(filter, "address", addr);
    cJSON_AddStringToObject(filter, "fromBlock", a);
    cJSON_AddStringToObject(filter, "toBlock", b);
    cJSON_AddItemToArray(params, filter);
    return params;
}

/* Reads blocks [from, to] and writes them. A failure that a smaller range
 * may avoid sets STEP_REFUSED and returns the node's error. */
static pc_status read_step(history *h, rpc_client *c, uint64_t from, uint64_t to,
                           step_result *res, double *seconds, uint64_t *added, pc_error *err)
{
    *res = STEP_WRITTEN;
    *added = 0;
    step s = { 0 };
    s.nblocks = (size_t)(to - from + 1);
    rpc_batch *b = rpc_batch_new();
    s.blocks = calloc(s.nblocks, sizeof *s.blocks);
    bool ready = b && s.blocks &&
                 rpc_batch_add(b, "eth_getLogs", logs_params(h->k, from, to)) == 0;
    pc_status st = ready ? PC_OK : oom(err);
    for (uint64_t n = from; st == PC_OK && n <= to; n++)
        if (rpc_batch_add(b, "eth_getBlockByNumber", node_params_block_number(n, true)) < 0)
            st = oom(err);
    double t0 = now_seconds();
    if (st == PC_OK && (st = rpc_batch_send(c, b, true, err)) != PC_OK)
        *res = STEP_REFUSED;
    *seconds = now_seconds() - t0;
    const cJSON *logs = NULL;
    if (st == PC_OK && !(logs = rpc_batch_result(b, 0, err))) {
        st = PC_ENODE;
        *res = STEP_REFUSED;
    }
    /* Bounded per step: too many for the range is refused like a node's
     * "too many results", and a smaller range tried. */
    int nlogs = st == PC_OK ? cJSON_GetArraySize(logs) : 0;
    if (nlogs > HISTORY_STEP_LOGS) {
        st = pc_fail(err, PC_ENODE, "node sent %d logs for blocks %llu to %llu, more than %d in "
                                    "one step", nlogs, (unsigned long long)from,
                     (unsigned long long)to, HISTORY_STEP_LOGS);
        *res = STEP_REFUSED;
    }
    if (st == PC_OK)
        st = take_blocks(h, b, from, &s, res, err);
    if (st == PC_OK && *res == STEP_WRITTEN)
        st = take_logs(h, logs, from, to, &s, err);
    rpc_batch_free(b);
    if (st == PC_OK && *res == STEP_WRITTEN)
        st = take_receipts(h, c, &s, res, err);
    for (size_t i = 0; st == PC_OK && *res == STEP_WRITTEN && i < s.nrows; i++)
        if (s.rows[i].outcome != HISTORY_REVERTED && s.has_error[i])
            s.rows[i].outcome = HISTORY_ERROR;
    uint8_t(*hashes)[32] = NULL;
    if (st == PC_OK && *res == STEP_WRITTEN && !(hashes = malloc(s.nblocks * sizeof *hashes)))
        st = oom(err);
    for (size_t i = 0; st == PC_OK && *res == STEP_WRITTEN && i < s.nblocks; i++)
        memcpy(hashes[i], s.blocks[i].hash, 32);
    bool moved = false;
    if (st == PC_OK && *res == STEP_WRITTEN)
        st = history_store_step(h, from > h->first_block, from - 1, s.rows, s.nrows, from, to,
                                (const uint8_t(*)[32])hashes, &moved, err);
    if (st == PC_OK && moved)
        *res = STEP_MOVED;
    if (st == PC_OK && *res == STEP_WRITTEN)
        *added = s.nrows;
    free(hashes);
    step_free(&s);
    return st;
}

/* ---- the sync ---- */

/* The span failed (refused, or too slow): half of it, and remember it. */
static void narrow(history *h)
{
    h->ceiling = h->span;
    h->calm = 0;
    h->span /= 2;
}

static void widen(history *h)
{
    if (++h->calm >= CALM_STEPS) {
        h->ceiling = HISTORY_SPAN_MAX * 2;
        h->calm = 0;
    }
    if (h->span < HISTORY_SPAN_MAX && h->span * 2 < h->ceiling)
        h->span *= 2;
}

static pc_status too_many_forks(pc_error *err)
{
    return pc_fail(err, PC_ENODE, "the node's chain keeps changing under the index: try again "
                                  "later");
}

/* A node far behind the index: no reorg goes that deep. */
static pc_status behind(const history *h, uint64_t head, pc_error *err)
{
    char g[65];
    hex_encode(history_genesis(h), 32, g);
    return pc_fail_cause(err, PC_ENODE, PC_CAUSE_WRONG_CHAIN,
                         "node serves another chain than the one indexed: its newest block "
                         "#%llu is %llu blocks behind the index's #%llu (genesis 0x%.16s...), "
                         "deeper than any reorg; to index the node's chain afresh, run "
                         "`powerchain sync --reset`, or point --rpc at a node of the indexed "
                         "chain",
                         (unsigned long long)head, (unsigned long long)(h->cursor - head),
                         (unsigned long long)h->cursor, g);
}

pc_status history_sync(history *h, rpc_client *c, history_progress_fn progress, void *user,
                       history_sync_stats *stats, pc_error *err)
{
    history_sync_stats local = { 0 };
    if (!stats)
        stats = &local;
    memset(stats, 0, sizeof *stats);
    pc_status st = history_store_load_state(h, err);
    uint64_t head = 0, done = 0, total = 0;
    unsigned forks = 0;
    bool again = true;
    while (st == PC_OK && again) {
        again = false;
        bool forked;
        st = check_head(h, c, &head, &forked, err);
        if (st == PC_OK && h->has_cursor && head < h->cursor &&
            h->cursor - head > HISTORY_KEPT_HASHES)
            return behind(h, head, err);
        if (st == PC_OK && !h->has_first)
            st = find_first(h, c, head, err);
        if (st == PC_OK && forked) {
            uint64_t removed;
            if (++forks > MAX_FORKS)
                return too_many_forks(err);
            st = roll_back(h, c, &removed, err);
            stats->rolled_back += removed;
            again = true;
            continue;
        }
        /* head, the cursor and the deployment block are at most
         * HISTORY_MAX_BLOCK (2^63 - 1): next, head - next + 1 and to + 1
         * cannot wrap, and no step is longer than the span. */
        uint64_t next = h->has_cursor ? h->cursor + 1 : h->first_block;
        total = next <= head ? done + (head - next + 1) : done;
        while (st == PC_OK && next <= head) {
            uint64_t to = head - next < h->span ? head : next + h->span - 1;
            step_result res;
            double seconds;
            uint64_t added;
            st = read_step(h, c, next, to, &res, &seconds, &added, err);
            if (res == STEP_REFUSED && st != PC_OK) {
                if (h->span == 1)
                    return pc_error_prefix(err, "the node refuses to read even block %llu alone "
                                                "(try another node with --rpc, or a longer "
                                                "--timeout)", (unsigned long long)next);
                narrow(h);
                st = PC_OK;
                continue;
            }
            if (st != PC_OK)
                break;
            /* Another process's progress is no reason to give up. */
            if (res == STEP_MOVED) {
                again = true;
                break;
            }
            if (res == STEP_FORK) {
                if (++forks > MAX_FORKS)
                    return too_many_forks(err);
                again = true;
                break;
            }
            if (seconds > SLOW_SECONDS && h->span > 1)
                narrow(h);
            else if (seconds < FAST_SECONDS && to - next + 1 == h->span)
                widen(h);
            stats->blocks += to - next + 1;
            stats->txs += added;
            done += to - next + 1;
            if (progress)
                progress(done, total, user);
            next = to + 1;
        }
    }
    stats->head = h->cursor;
    return st;
}
