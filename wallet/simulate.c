#include "wallet/simulate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "eth/abi.h"
#include "eth/text.h"
#include "rpcclient/units.h"

/* The chain's own coin, which pays for gas (18 decimals). */
#define COIN "ETH"

/* The most accounts whose figures are read: the sender and the call's
 * address arguments. */
#define MAX_ACCOUNTS (1 + PC_MAX_ARGS)

static const char *const FIGURE_NAMES[WALLET_FIG_KINDS] = {
    [WALLET_FIG_ENT] = "ENT available",        [WALLET_FIG_ENT_LOCKED] = "ENT locked",
    [WALLET_FIG_EEURO] = "eEuro available",    [WALLET_FIG_EEURO_LOCKED] = "eEuro locked",
    [WALLET_FIG_ENERGY] = "energy",            [WALLET_FIG_COIN] = "coin",
    [WALLET_FIG_TOTAL_ENT] = "ENT in circulation",
    [WALLET_FIG_TOTAL_ENERGY] = "energy stored",
};

const char *wallet_figure_name(wallet_figure_kind k)
{
    return k < WALLET_FIG_KINDS ? FIGURE_NAMES[k] : "?";
}

void wallet_figure_format(wallet_figure_kind k, const u256 *v, char *out, size_t cap)
{
    static const pc_unit UNITS[WALLET_FIG_KINDS] = {
        [WALLET_FIG_ENT] = PC_UNIT_ENT,       [WALLET_FIG_ENT_LOCKED] = PC_UNIT_ENT,
        [WALLET_FIG_EEURO] = PC_UNIT_EEURO,   [WALLET_FIG_EEURO_LOCKED] = PC_UNIT_EEURO,
        [WALLET_FIG_ENERGY] = PC_UNIT_WH,     [WALLET_FIG_TOTAL_ENT] = PC_UNIT_ENT,
        [WALLET_FIG_TOTAL_ENERGY] = PC_UNIT_WH,
    };
    if (k == WALLET_FIG_COIN) {
        char d[U256_DEC_MAX];
        u256_format_fixed(v, 18, d);
        snprintf(out, cap, "%s " COIN, d);
    } else {
        pc_format_unit(v, k < WALLET_FIG_KINDS ? UNITS[k] : PC_UNIT_RAW, out, cap);
    }
}

void wallet_sim_free(wallet_sim *s)
{
    for (size_t i = 0; i < s->ntexts; i++)
        free(s->texts[i].text);
    free(s->texts);
    free(s->revert_reason);
    free(s->figures);
    memset(s, 0, sizeof *s);
}

const wallet_figure *wallet_sim_figure(const wallet_sim *s, const eth_address *account,
                                       wallet_figure_kind what)
{
    for (size_t i = 0; i < s->nfigures; i++)
        if (s->figures[i].what == what && eth_address_equal(&s->figures[i].account, account))
            return &s->figures[i];
    return NULL;
}

bool wallet_figure_changed(const wallet_figure *f)
{
    return f->has_before && f->has_after && u256_cmp(&f->before, &f->after) != 0;
}

void wallet_sim_unsimulated(const wallet_sim *s, char *out, size_t cap)
{
    switch (s->via) {
    case SIM_SIMULATE_V1:
        snprintf(out, cap, "%s", "");
        break;
    case SIM_TRACE_CALL:
        snprintf(out, cap, "the node offers no eth_simulateV1: the figures after it (ENT, "
                           "eEuro, energy, coin) could not be simulated");
        break;
    case SIM_ETH_CALL:
        snprintf(out, cap, "the node offers neither eth_simulateV1 nor debug_traceCall: only "
                           "whether it reverts is known; its Info/Error texts, gas and the "
                           "figures after it could not be simulated");
        break;
    case SIM_UNKNOWN:
        snprintf(out, cap, "nothing could be simulated");
        break;
    }
}

const char *wallet_sim_refusal(const wallet_sim *s, char *buf, size_t cap)
{
    if (s->via == SIM_UNKNOWN || s->outcome == WALLET_SIM_OK)
        return NULL;
    if (s->outcome == WALLET_SIM_REVERTED) {
        snprintf(buf, cap, "reverted: %s", s->revert_reason ? s->revert_reason : "no reason given");
        return buf;
    }
    for (size_t i = 0; i < s->ntexts; i++)
        if (s->texts[i].is_error) {
            snprintf(buf, cap, "Error: %s", s->texts[i].text);
            return buf;
        }
    return NULL;
}

uint64_t wallet_gas_limit(uint64_t used, bool has_max_used, uint64_t max_used)
{
    uint64_t peak = has_max_used && max_used > used ? max_used : used;
    if (!has_max_used) {
        if (used > UINT64_MAX / 2)
            return 0;
        peak = used * 2;
    }
    if (peak > (UINT64_MAX - 2300 - 62) / 64)
        return 0;
    return (peak * 64 + 62) / 63 + 2300;
}

/* ---- the figures: which reads, and their answers ---- */

/* A reader of any account's coin, placed for the simulated block only at
 * an address nobody uses ("powerchain-coin-read" in ASCII): it returns
 * BALANCE of the address in its calldata (PUSH1 0 CALLDATALOAD BALANCE
 * PUSH1 0 MSTORE PUSH1 32 PUSH1 0 RETURN; no opcode past Byzantium). */
static const eth_address COIN_READER = { { 'p', 'o', 'w', 'e', 'r', 'c', 'h', 'a', 'i', 'n', '-',
                                           'c', 'o', 'i', 'n', '-', 'r', 'e', 'a', 'd' } };
static const uint8_t COIN_READER_CODE[] = { 0x60, 0x00, 0x35, 0x31, 0x60, 0x00, 0x52,
                                            0x60, 0x20, 0x60, 0x00, 0xf3 };

typedef enum read_kind { READ_ENT, READ_EEURO, READ_ENERGY, READ_COIN, READ_TOTAL_ENT,
                         READ_TOTAL_ENERGY } read_kind;

/* One read: a call as `as`, and where its answer's fields go. */
typedef struct figure_read {
    read_kind kind;
    eth_address as;        /* the account it is about (the contract for totals) */
    const pc_method *m;    /* NULL for the coin */
    bytebuf call;          /* calldata */
    size_t figure;         /* its first figure in the simulation's list */
} figure_read;

typedef struct figure_plan {
    figure_read reads[4 * MAX_ACCOUNTS + 2];
    size_t nreads;
    eth_address accounts[MAX_ACCOUNTS];
    size_t naccounts;
} figure_plan;

static void plan_free(figure_plan *p)
{
    for (size_t i = 0; i < p->nreads; i++)
        bytebuf_free(&p->reads[i].call);
    p->nreads = 0;
}

static bool listed(const figure_plan *p, const eth_address *a)
{
    for (size_t i = 0; i < p->naccounts; i++)
        if (eth_address_equal(&p->accounts[i], a))
            return true;
    return false;
}

/* The accounts: the sender, then the call's address arguments. */
static void plan_accounts(figure_plan *p, const pc_contract *k, const eth_tx *tx,
                          const eth_address *from)
{
    p->accounts[p->naccounts++] = *from;
    const pc_method *m = NULL;
    abi_value args;
    if (pc_decode_calldata(tx->data, tx->data_len, &m, &args, NULL) != PC_OK)
        return;
    static const eth_address zero;
    for (size_t i = 0; m && i < args.count && p->naccounts < MAX_ACCOUNTS; i++) {
        const abi_value *a = &args.items[i];
        if (a->kind == ABI_ADDRESS && !eth_address_equal(&a->addr, &zero) &&
            !eth_address_equal(&a->addr, pc_contract_address(k)) && !listed(p, &a->addr))
            p->accounts[p->naccounts++] = a->addr;
    }
    abi_value_free(&args);
}

static pc_status add_read(figure_plan *p, read_kind kind, const eth_address *as,
                          pc_fn method, const eth_address *arg, size_t *nfig,
                          pc_error *err)
{
    static const size_t FIELDS[] = { [READ_ENT] = 2, [READ_EEURO] = 2, [READ_ENERGY] = 1,
                                     [READ_COIN] = 1, [READ_TOTAL_ENT] = 1,
                                     [READ_TOTAL_ENERGY] = 1 };
    figure_read *r = &p->reads[p->nreads];
    memset(r, 0, sizeof *r);
    r->kind = kind;
    r->as = *as;
    r->figure = *nfig;
    pc_status st = PC_OK;
    if (kind == READ_COIN) {
        uint8_t word[32] = { 0 };
        memcpy(word + 12, as->b, 20);
        st = bytebuf_append(&r->call, word, sizeof word) == PC_OK
                 ? PC_OK
                 : pc_fail(err, PC_ENOMEM, "out of memory");
    } else {
        char text[ETH_ADDRESS_TEXT_LEN];
        char *argv[1] = { text };
        if (arg)
            eth_address_to_checksum(arg, text);
        r->m = pc_method_get(method);
        st = pc_encode_call(r->m, arg ? 1 : 0, argv, &r->call, err);
    }
    if (st != PC_OK) {
        bytebuf_free(&r->call);
        return st;
    }
    p->nreads++;
    *nfig += FIELDS[kind];
    return PC_OK;
}

/* Every read, in the order their figures are listed. */
static pc_status plan_reads(figure_plan *p, const pc_contract *k, size_t *nfig, pc_error *err)
{
    pc_status st = PC_OK;
    for (size_t i = 0; st == PC_OK && i < p->naccounts; i++) {
        const eth_address *a = &p->accounts[i];
        st = add_read(p, READ_ENT, a, PC_FN_BALANCE_ENT, NULL, nfig, err);
        if (st == PC_OK)
            st = add_read(p, READ_EEURO, a, PC_FN_BALANCE_EEURO, NULL, nfig, err);
        if (st == PC_OK)
            st = add_read(p, READ_ENERGY, a, PC_FN_GET_STORAGE_UNIT_ENERGY, a, nfig, err);
        if (st == PC_OK && i == 0)
            st = add_read(p, READ_COIN, a, PC_FN_NONE, NULL, nfig, err);
    }
    const eth_address *self = pc_contract_address(k);
    if (st == PC_OK)
        st = add_read(p, READ_TOTAL_ENT, self, PC_FN_GET_TOTAL_ENT, NULL, nfig, err);
    if (st == PC_OK)
        st = add_read(p, READ_TOTAL_ENERGY, self, PC_FN_GET_TOTAL_ENERGY, NULL, nfig, err);
    return st;
}

static void name_figures(const figure_plan *p, wallet_figure *f)
{
    static const wallet_figure_kind FIRST[] = {
        [READ_ENT] = WALLET_FIG_ENT,       [READ_EEURO] = WALLET_FIG_EEURO,
        [READ_ENERGY] = WALLET_FIG_ENERGY, [READ_COIN] = WALLET_FIG_COIN,
        [READ_TOTAL_ENT] = WALLET_FIG_TOTAL_ENT, [READ_TOTAL_ENERGY] = WALLET_FIG_TOTAL_ENERGY,
    };
    for (size_t i = 0; i < p->nreads; i++) {
        const figure_read *r = &p->reads[i];
        size_t n = r->kind == READ_ENT || r->kind == READ_EEURO ? 2 : 1;
        for (size_t j = 0; j < n; j++) {
            f[r->figure + j].account = r->as;
            f[r->figure + j].what = FIRST[r->kind] + (wallet_figure_kind)j;
        }
    }
}

/* Puts one read's answer (its return data) into the figures' before or
 * after; an answer that does not decode leaves them unknown. */
static void take_answer(const figure_read *r, const uint8_t *data, size_t len, bool after,
                        wallet_figure *f)
{
    u256 v[2];
    size_t n = 0;
    if (r->kind == READ_COIN) {
        if (len == 32) {
            v[0] = u256_from_be32(data);
            n = 1;
        }
    } else {
        abi_value out;
        if (pc_decode_result(r->m, data, len, &out, NULL, NULL) == PC_OK) {
            for (size_t i = 0; i < out.count && i < 2; i++)
                if (out.items[i].kind == ABI_UINT)
                    v[n++] = out.items[i].num;
            abi_value_free(&out);
        }
        if (n != (r->kind == READ_ENT || r->kind == READ_EEURO ? 2u : 1u))
            n = 0;
    }
    for (size_t i = 0; i < n; i++) {
        wallet_figure *x = &f[r->figure + i];
        if (after) {
            x->has_after = true;
            x->after = v[i];
        } else {
            x->has_before = true;
            x->before = v[i];
        }
    }
}

static sim_call read_call(const figure_read *r, const pc_contract *k)
{
    return (sim_call){ .from = r->as, .has_to = true,
                       .to = r->kind == READ_COIN ? COIN_READER : *pc_contract_address(k),
                       .data = r->call.data, .data_len = r->call.len };
}

/* ---- the transaction's own outcome ---- */

static pc_status take_outcome(const pc_contract *k, const sim_call *call, sim_result *r,
                              wallet_sim *out, pc_error *err)
{
    out->has_gas = r->has_gas_used;
    out->gas_used = r->gas_used;
    out->has_texts = true;
    if (r->nlogs && !(out->texts = calloc(r->nlogs, sizeof *out->texts)))
        return pc_fail(err, PC_ENOMEM, "out of memory");
    for (size_t i = 0; i < r->nlogs; i++) {
        bool matched = false;
        pc_status st = pc_decode_event(k, &r->logs[i], &matched, &out->texts[out->ntexts], err);
        if (st != PC_OK)
            return st;
        out->ntexts += matched;
    }
    if (r->status == 0) {
        out->outcome = WALLET_SIM_REVERTED;
        char *reason = NULL;
        if (call->has_gas && r->has_gas_used && r->gas_used == call->gas) {
            char text[80];
            snprintf(text, sizeof text, "out of gas (all %llu gas used)",
                     (unsigned long long)call->gas);
            reason = strdup(text);
        } else if (r->output.len) {
            abi_decode_revert(r->output.data, r->output.len, &reason, NULL);
        } else if (r->error) {
            reason = strdup(r->error);
        }
        if (reason)
            text_sanitize(reason);
        out->revert_reason = reason;
        return PC_OK;
    }
    out->outcome = WALLET_SIM_OK;
    for (size_t i = 0; i < out->ntexts; i++)
        if (out->texts[i].is_error)
            out->outcome = WALLET_SIM_ERROR;
    return PC_OK;
}

/* eth_simulateV1: reads, the transaction, the reads again, in one block. */
static pc_status by_simulation(rpc_client *c, const pc_contract *k, const figure_plan *p,
                               const sim_call *tx, wallet_sim *out, pc_error *err)
{
    size_t n = 2 * p->nreads + 1;
    sim_call calls[2 * (4 * MAX_ACCOUNTS + 2) + 1];
    sim_result res[2 * (4 * MAX_ACCOUNTS + 2) + 1];
    for (size_t i = 0; i < p->nreads; i++)
        calls[i] = calls[p->nreads + 1 + i] = read_call(&p->reads[i], k);
    calls[p->nreads] = *tx;
    sim_override reader = { COIN_READER, COIN_READER_CODE, sizeof COIN_READER_CODE };
    pc_status st = sim_block(c, &reader, 1, calls, n, res, err);
    if (st != PC_OK)
        return st;
    for (size_t i = 0; i < p->nreads; i++) {
        const sim_result *b = &res[i], *a = &res[p->nreads + 1 + i];
        if (b->status == 1)
            take_answer(&p->reads[i], b->output.data, b->output.len, false, out->figures);
        if (a->status == 1)
            take_answer(&p->reads[i], a->output.data, a->output.len, true, out->figures);
    }
    st = take_outcome(k, tx, &res[p->nreads], out, err);
    for (size_t i = 0; i < n; i++)
        sim_result_free(&res[i]);
    return st;
}

/* The figures before, read at "latest" in one batch beside `first` (the
 * trace, when given: its index is 0). */
static pc_status read_before(rpc_client *c, const pc_contract *k, const figure_plan *p,
                             const sim_call *trace, sim_result *traced, wallet_sim *out,
                             pc_error *err)
{
    rpc_batch *b = rpc_batch_new();
    if (!b)
        return pc_fail(err, PC_ENOMEM, "out of memory");
    int first = trace ? rpc_batch_add(b, "debug_traceCall", sim_trace_params(trace)) : 0;
    int at[4 * MAX_ACCOUNTS + 2];
    pc_status st = first < 0 ? pc_fail(err, PC_ENOMEM, "out of memory") : PC_OK;
    for (size_t i = 0; st == PC_OK && i < p->nreads; i++) {
        const figure_read *r = &p->reads[i];
        at[i] = r->kind == READ_COIN
                    ? rpc_batch_add(b, "eth_getBalance", node_params_address_tag(&r->as, "latest"))
                    : rpc_batch_add(b, "eth_call",
                                    node_params_call(&r->as, pc_contract_address(k), r->call.data,
                                                     r->call.len, "latest"));
        if (at[i] < 0)
            st = pc_fail(err, PC_ENOMEM, "out of memory");
    }
    if (st == PC_OK)
        st = rpc_batch_send(c, b, true, err);
    if (st == PC_OK && trace) {
        const cJSON *t = rpc_batch_result(b, (size_t)first, err);
        st = t ? sim_parse_trace(t, trace, traced, err) : PC_ENODE;
    }
    for (size_t i = 0; st == PC_OK && i < p->nreads; i++) {
        const cJSON *v = rpc_batch_result(b, (size_t)at[i], NULL);
        if (!v)
            continue;
        if (p->reads[i].kind == READ_COIN) {
            wallet_figure *f = &out->figures[p->reads[i].figure];
            f->has_before = node_parse_u256(v, "balance", &f->before, NULL) == PC_OK;
            continue;
        }
        bytebuf data = BYTEBUF_INIT;
        if (node_parse_data(v, "call result", &data, NULL) == PC_OK)
            take_answer(&p->reads[i], data.data, data.len, false, out->figures);
        bytebuf_free(&data);
    }
    rpc_batch_free(b);
    return st;
}

/* eth_call: whether it reverts, and why. */
static pc_status by_call(rpc_client *c, const eth_tx *tx, const eth_address *from,
                         wallet_sim *out, pc_error *err)
{
    bytebuf ret = BYTEBUF_INIT;
    char *reason = NULL;
    pc_error e = { 0 };
    pc_status st = node_call_reason(c, from, tx->has_to ? &tx->to : NULL, tx->data, tx->data_len,
                                    "latest", &ret, &reason, &e);
    bytebuf_free(&ret);
    if (st == PC_ETX) {
        out->outcome = WALLET_SIM_REVERTED;
        out->revert_reason = reason;
        return PC_OK;
    }
    free(reason);
    if (st != PC_OK && err)
        *err = e;
    out->outcome = WALLET_SIM_OK;
    return st;
}

static pc_status simulate_once(rpc_client *c, const pc_contract *k, sim_offers *offers,
                               const eth_tx *tx, const eth_address *from, wallet_sim *out,
                               pc_error *err)
{
    memset(out, 0, sizeof *out);
    sim_method via = SIM_UNKNOWN;
    pc_status st = sim_probe(c, offers, &via, err);
    if (st != PC_OK)
        return st;
    figure_plan plan = { .nreads = 0 };
    size_t nfig = 0;
    bool figures = k && tx->has_to;
    if (figures) {
        plan_accounts(&plan, k, tx, from);
        st = plan_reads(&plan, k, &nfig, err);
    }
    if (st == PC_OK && nfig && !(out->figures = calloc(nfig, sizeof *out->figures)))
        st = pc_fail(err, PC_ENOMEM, "out of memory");
    if (st == PC_OK) {
        out->nfigures = nfig;
        name_figures(&plan, out->figures);
    }
    sim_call call = sim_call_of_tx(tx, from);
    if (st == PC_OK && via == SIM_SIMULATE_V1) {
        st = by_simulation(c, k, &plan, &call, out, err);
    } else if (st == PC_OK && via == SIM_TRACE_CALL) {
        sim_result traced;
        st = read_before(c, k, &plan, &call, &traced, out, err);
        if (st == PC_OK) {
            st = take_outcome(k, &call, &traced, out, err);
            sim_result_free(&traced);
        }
    } else if (st == PC_OK) {
        st = plan.nreads ? read_before(c, k, &plan, NULL, NULL, out, err) : PC_OK;
        if (st == PC_OK)
            st = by_call(c, tx, from, out, err);
    }
    plan_free(&plan);
    if (st != PC_OK) {
        wallet_sim_free(out);
        return st;
    }
    out->via = via;
    return PC_OK;
}

pc_status wallet_simulate(rpc_client *c, const pc_contract *k, sim_offers *offers,
                          const eth_tx *tx, const eth_address *from, wallet_sim *out,
                          pc_error *err)
{
    size_t node = rpc_client_node_index(c);
    pc_status st = simulate_once(c, k, offers, tx, from, out, err);
    /* A node that could not be reached was left for the next one, which
     * refused what the first offered: ask it what it offers, once. */
    if (st == PC_ENODE && err && err->cause == PC_CAUSE_REFUSED &&
        rpc_client_node_index(c) != node)
        st = simulate_once(c, k, offers, tx, from, out, err);
    return st;
}

pc_status wallet_sim_gas(rpc_client *c, const pc_contract *k, sim_offers *offers,
                         const eth_address *from, const bytebuf data[], size_t n, uint64_t gas[],
                         pc_error why[], bool *offered, pc_error *err)
{
    *offered = false;
    sim_method via = SIM_UNKNOWN;
    pc_status st = sim_probe(c, offers, &via, err);
    if (st != PC_OK || via != SIM_SIMULATE_V1 || n == 0)
        return st;
    if (n > SIM_MAX_CALLS)
        return pc_fail(err, PC_EINPUT, "at most %d transactions are simulated at once",
                       SIM_MAX_CALLS);
    sim_call *calls = calloc(n, sizeof *calls);
    sim_result *res = calloc(n, sizeof *res);
    if (!calls || !res) {
        free(calls);
        free(res);
        return pc_fail(err, PC_ENOMEM, "out of memory");
    }
    for (size_t i = 0; i < n; i++)
        calls[i] = (sim_call){ .from = *from, .has_to = true, .to = *pc_contract_address(k),
                               .data = data[i].data, .data_len = data[i].len };
    st = sim_block(c, NULL, 0, calls, n, res, err);
    for (size_t i = 0; st == PC_OK && i < n; i++) {
        const sim_result *r = &res[i];
        uint64_t limit = r->status == 1 ? wallet_gas_limit(r->gas_used, r->has_max_used,
                                                           r->max_used_gas)
                                        : 0;
        if (limit) {
            gas[i] = limit;
        } else if (r->status == 1) {
            pc_fail(&why[i], PC_ENODE, "the node's simulated gas of %llu is absurd",
                    (unsigned long long)r->gas_used);
        } else {
            char *reason = NULL;
            if (r->output.len)
                abi_decode_revert(r->output.data, r->output.len, &reason, NULL);
            if (reason)
                text_sanitize(reason);
            pc_fail_cause(&why[i], PC_ETX, PC_CAUSE_REVERTED,
                          "the simulation says it would fail: %s",
                          reason ? reason : r->error ? r->error : "reverted without a reason");
            free(reason);
        }
        sim_result_free(&res[i]);
    }
    *offered = st == PC_OK;
    free(calls);
    free(res);
    return st;
}
