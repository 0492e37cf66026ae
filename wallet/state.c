#include "wallet/state.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "eth/hex.h"
#include "eth/text.h"
#include "rpcclient/node.h"

/* Indexes of one read in the batch; -1 when not asked. */
typedef struct slot {
    pc_fn method;
    int index;
    unsigned section;
} slot;

enum {
    R_BAL_ENT, R_BAL_EUR, R_TOT_ENT, R_TOT_EUR, R_TOT_WH, R_COSTS, R_UNITS, R_SESSIONS,
    R_PARAMS, R_BANKER, R_ISVOTER, R_VOTES, R_ORDERS, R_COUNT
};

static const struct { pc_fn method; unsigned section; bool sender; } READS[R_COUNT] = {
    [R_BAL_ENT] = { PC_FN_BALANCE_ENT, WALLET_SEC_BALANCES, true },
    [R_BAL_EUR] = { PC_FN_BALANCE_EEURO, WALLET_SEC_BALANCES, true },
    [R_TOT_ENT] = { PC_FN_GET_TOTAL_ENT, WALLET_SEC_TOTALS, false },
    [R_TOT_EUR] = { PC_FN_GET_TOTAL_EEURO, WALLET_SEC_TOTALS, false },
    [R_TOT_WH] = { PC_FN_GET_TOTAL_ENERGY, WALLET_SEC_TOTALS, false },
    [R_COSTS] = { PC_FN_GET_ENERGY_COSTS, WALLET_SEC_COSTS, false },
    [R_UNITS] = { PC_FN_GET_STORAGE_UNITS_INFO, WALLET_SEC_UNITS, false },
    [R_SESSIONS] = { PC_FN_GET_CONSUMPTION_SESSIONS, WALLET_SEC_SESSIONS, true },
    [R_PARAMS] = { PC_FN_GET_PARAMETERS, WALLET_SEC_PARAMS, false },
    [R_BANKER] = { PC_FN_GET_BANKER_ADDRESS, WALLET_SEC_BANKER, false },
    [R_ISVOTER] = { PC_FN_IS_VOTER, WALLET_SEC_VOTER, true },
    [R_VOTES] = { PC_FN_GET_VOTES, WALLET_SEC_VOTES, true },
    [R_ORDERS] = { PC_FN_GET_ORDERS, WALLET_SEC_ORDERS, false },
};

/* The first failure with a reason is kept: a section missing by design (no
 * account selected: e is NULL) must not hide the reason of a later one. */
static void mark_missing(wallet_state *s, unsigned section, const char *what, const pc_error *e)
{
    if (!s->first_problem[0] && e)
        snprintf(s->first_problem, sizeof s->first_problem, "%.40s: %.400s", what, e->msg);
    s->missing |= section;
}

static uint64_t to_u64(const u256 *v)
{
    uint64_t x;
    return u256_to_u64(v, &x) ? x : UINT64_MAX;
}

static char *dup_text(const abi_value *v)
{
    char *t = malloc(v->len + 1);
    if (!t)
        return NULL;
    /* Vote strings and session ids come from other people: keep them printable. */
    for (size_t i = 0; i < v->len; i++)
        t[i] = v->bytes[i] ? (char)v->bytes[i] : '?';
    t[v->len] = '\0';
    text_sanitize(t);
    return t;
}

static bool take_units(wallet_state *s, const abi_value *arr)
{
    s->units = calloc(arr->count ? arr->count : 1, sizeof *s->units);
    if (!s->units)
        return false;
    for (size_t i = 0; i < arr->count; i++) {
        const abi_value *t = &arr->items[i];
        if (!t->items[0].boolean)
            continue; /* an empty slot */
        s->units[s->nunits].addr = t->items[1].addr;
        s->units[s->nunits++].wh = t->items[2].num;
    }
    return true;
}

static bool take_sessions(wallet_state *s, const abi_value *arr)
{
    s->sessions = calloc(arr->count ? arr->count : 1, sizeof *s->sessions);
    if (!s->sessions)
        return false;
    for (size_t i = 0; i < arr->count; i++) {
        const abi_value *t = &arr->items[i];
        wallet_session *x = &s->sessions[s->nsessions];
        if (!(x->id = dup_text(&t->items[0])))
            return false;
        x->wh = t->items[1].num;
        x->timestamp = to_u64(&t->items[2].num);
        x->unit = t->items[3].addr;
        s->nsessions++;
    }
    return true;
}

static bool take_votes(wallet_state *s, const abi_value *arr)
{
    s->votes = calloc(arr->count ? arr->count : 1, sizeof *s->votes);
    if (!s->votes)
        return false;
    for (size_t i = 0; i < arr->count; i++) {
        const abi_value *t = &arr->items[i];
        wallet_vote *v = &s->votes[s->nvotes];
        if (!(v->text = dup_text(&t->items[0])))
            return false;
        v->in_favour = t->items[1].boolean;
        v->passed = t->items[2].boolean;
        s->nvotes++;
    }
    return true;
}

/* Decodes read r into *v; marks its section missing on failure. */
static bool decoded(wallet_state *s, const rpc_batch *b, const slot *sl, abi_value *v)
{
    pc_error e = { 0 };
    if (sl->index < 0)
        return false;
    if (pc_batch_decode(b, sl->index, pc_method_get(sl->method), v, &e) != PC_OK) {
        mark_missing(s, sl->section, pc_method_get(sl->method)->name, &e);
        return false;
    }
    return true;
}

/* The account's coin balance, read beside the contract's figures. */
static void take_coin(wallet_state *s, const rpc_batch *b, int i_coin)
{
    pc_error e = { 0 };
    const cJSON *r = i_coin < 0 ? NULL : rpc_batch_result(b, (size_t)i_coin, &e);
    if (!r || node_parse_u256(r, "coin balance", &s->coin, &e) != PC_OK)
        mark_missing(s, WALLET_SEC_COIN, "eth_getBalance", i_coin < 0 ? NULL : &e);
}

static pc_status fill(wallet_state *s, const rpc_batch *b, const slot *sl, int i_chain,
                      int i_block, int i_coin, pc_error *err)
{
    pc_error e = { 0 };
    node_block blk;
    const cJSON *r = rpc_batch_result(b, (size_t)i_block, &e);
    if (!r || node_parse_block(r, &blk, &e) != PC_OK)
        return pc_fail_cause(err, PC_ENODE, e.cause, "latest block: %s", e.msg);
    r = rpc_batch_result(b, (size_t)i_chain, &e);
    if (!r || node_parse_u64(r, "chain id", &s->chain_id, &e) != PC_OK)
        return pc_fail_cause(err, PC_ENODE, e.cause, "chain id: %s", e.msg);
    s->block = blk.number;
    s->block_time = blk.timestamp;
    take_coin(s, b, i_coin);

    abi_value v;
    bool ok = true;
#define READ(R, CODE)                                   \
    if (decoded(s, b, &sl[R], &v)) {                    \
        CODE;                                           \
        abi_value_free(&v);                             \
    }
    READ(R_BAL_ENT, s->ent_available = v.items[0].num; s->ent_locked = v.items[1].num)
    READ(R_BAL_EUR, s->eeuro_available = v.items[0].num; s->eeuro_locked = v.items[1].num)
    READ(R_TOT_ENT, s->total_ent = v.items[0].num)
    READ(R_TOT_EUR, s->total_eeuro = v.items[0].num)
    READ(R_TOT_WH, s->total_wh = v.items[0].num)
    READ(R_COSTS, s->mint_cost = v.items[0].num; s->burn_cost = v.items[1].num)
    READ(R_UNITS, ok &= take_units(s, &v.items[0]))
    READ(R_SESSIONS, ok &= take_sessions(s, &v.items[0]))
    READ(R_PARAMS, for (int p = 0; p < WALLET_NPARAMS; p++) s->params[p] = v.items[p].num)
    READ(R_BANKER, s->banker = v.items[0].addr)
    READ(R_ISVOTER, s->is_voter = v.items[0].boolean)
    READ(R_VOTES, ok &= take_votes(s, &v.items[0]))
    READ(R_ORDERS, ok &= wallet_orders_take(&v.items[0], &s->buys, &s->nbuys) &&
                         wallet_orders_take(&v.items[1], &s->sells, &s->nsells))
#undef READ
    if (!s->has_account)
        s->missing |= WALLET_SEC_BALANCES | WALLET_SEC_SESSIONS | WALLET_SEC_VOTER |
                      WALLET_SEC_VOTES | WALLET_SEC_COIN;
    /* Only voters may list votes; for others the read fails by design. */
    if (!s->is_voter)
        s->missing |= WALLET_SEC_VOTES;

    return ok ? PC_OK : pc_fail(err, PC_ENOMEM, "out of memory");
}

pc_status wallet_state_fetch(rpc_client *c, const pc_contract *k, const wallet_state_query *q,
                             wallet_state **out, pc_error *err)
{
    *out = NULL;
    const eth_address *account = q->account;
    size_t nqueries = q->nreceipts;
    wallet_state *s = calloc(1, sizeof *s);
    rpc_batch *b = rpc_batch_new();
    int *i_query = calloc(nqueries ? nqueries : 1, sizeof *i_query);
    if (!s || !b || !i_query) {
        free(s), rpc_batch_free(b), free(i_query);
        return pc_fail(err, PC_ENOMEM, "out of memory");
    }
    if (account) {
        s->has_account = true;
        s->account = *account;
    }
    pc_status st = PC_OK;
    slot sl[R_COUNT];
    int i_chain = rpc_batch_add(b, "eth_chainId", NULL);
    int i_block = rpc_batch_add(b, "eth_getBlockByNumber", node_params_latest_block());
    int i_coin = account ? rpc_batch_add(b, "eth_getBalance",
                                         node_params_address_tag(account, "latest"))
                         : -1;
    for (int r = 0; r < R_COUNT; r++) {
        sl[r] = (slot){ READS[r].method, -1, READS[r].section };
        if (READS[r].sender && !account)
            continue;
        sl[r].index = pc_batch_add_read(b, k, pc_method_get(READS[r].method), account, 0, NULL,
                                        err);
        if (sl[r].index < 0)
            st = PC_ENOMEM;
    }
    for (size_t i = 0; i < nqueries; i++)
        if ((i_query[i] = rpc_batch_add(b, "eth_getTransactionReceipt",
                                        node_params_hash(q->receipts[i].hash))) < 0)
            st = PC_ENOMEM;
    if (i_chain < 0 || i_block < 0 || (account && i_coin < 0))
        st = PC_ENOMEM;
    if (st != PC_OK)
        pc_fail(err, PC_ENOMEM, "out of memory");
    if (st == PC_OK)
        st = rpc_batch_send(c, b, true, err);
    if (st == PC_OK)
        st = fill(s, b, sl, i_chain, i_block, i_coin, err);
    for (size_t i = 0; st == PC_OK && i < nqueries; i++) {
        pc_error e = { 0 };
        wallet_receipt_query *rq = &q->receipts[i];
        const cJSON *r = rpc_batch_result(b, (size_t)i_query[i], &e);
        rq->found = false;
        if (r && node_parse_receipt(r, &rq->receipt, &rq->found, &e) != PC_OK)
            rq->found = false;
    }
    rpc_batch_free(b);
    free(i_query);
    if (st != PC_OK) {
        wallet_state_free(s);
        return st;
    }
    *out = s;
    return PC_OK;
}

void wallet_state_free(wallet_state *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->nsessions; i++)
        free(s->sessions[i].id);
    for (size_t i = 0; i < s->nvotes; i++)
        free(s->votes[i].text);
    free(s->units), free(s->sessions), free(s->votes), free(s->buys), free(s->sells);
    free(s);
}

bool wallet_session_wh(const wallet_state *s, const u256 *ent, u256 *wh)
{
    u256 one = u256_pow10(18), k = u256_from_u64(1000), num, den;
    return u256_mul(&num, ent, &k) && u256_add(&den, &one, &s->burn_cost) &&
           u256_divmod(wh, NULL, &num, &den);
}

uint64_t wallet_session_seconds_left(const wallet_state *s, uint64_t start)
{
    uint64_t h = to_u64(&s->params[WALLET_PARAM_H]);
    if (h == UINT64_MAX || start > UINT64_MAX - h)
        return UINT64_MAX;
    uint64_t end = start + h;
    return end > s->block_time ? end - s->block_time : 0;
}

void wallet_peg(const wallet_state *s, u256 *stored_fixed, u256 *ent)
{
    u256 scale = u256_pow10(15); /* Wh * 10^18 / 1000 */
    if (!u256_mul(stored_fixed, &s->total_wh, &scale))
        *stored_fixed = s->total_wh;
    *ent = s->total_ent;
}

bool wallet_peg_gap(const wallet_state *s, u256 *gap)
{
    u256 stored, ent;
    wallet_peg(s, &stored, &ent);
    bool below = u256_cmp(&ent, &stored) < 0;
    u256_sub(gap, below ? &stored : &ent, below ? &ent : &stored);
    return below;
}
