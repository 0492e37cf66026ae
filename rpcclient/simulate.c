#include "rpcclient/simulate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "eth/hex.h"
#include "eth/text.h"

const char *sim_method_name(sim_method m)
{
    switch (m) {
    case SIM_SIMULATE_V1: return "eth_simulateV1";
    case SIM_TRACE_CALL: return "debug_traceCall";
    case SIM_ETH_CALL: return "eth_call";
    case SIM_UNKNOWN: break;
    }
    return "none";
}

static const cJSON *field(const cJSON *obj, const char *name)
{
    return cJSON_GetObjectItemCaseSensitive(obj, name);
}

/* ---- requests ---- */

static bool add_hex(cJSON *obj, const char *name, const uint8_t *data, size_t len)
{
    char *h = hex_encode_prefixed(data, len);
    bool ok = h && cJSON_AddStringToObject(obj, name, h);
    free(h);
    return ok;
}

static bool add_address(cJSON *obj, const char *name, const eth_address *a)
{
    char text[ETH_ADDRESS_TEXT_LEN];
    eth_address_to_checksum(a, text);
    return cJSON_AddStringToObject(obj, name, text) != NULL;
}

static bool add_quantity(cJSON *obj, const char *name, const u256 *v)
{
    char text[68];
    u256_to_quantity(v, text);
    return cJSON_AddStringToObject(obj, name, text) != NULL;
}

static bool add_u64(cJSON *obj, const char *name, uint64_t v)
{
    u256 x = u256_from_u64(v);
    return add_quantity(obj, name, &x);
}

/* Adds the call object of s to list; false when out of memory (list keeps
 * whatever part was made, to be freed with it). */
static bool add_call(cJSON *list, const sim_call *s)
{
    cJSON *o = cJSON_CreateObject();
    if (!o || !cJSON_AddItemToArray(list, o)) {
        cJSON_Delete(o);
        return false;
    }
    bool ok = add_address(o, "from", &s->from) && (!s->has_to || add_address(o, "to", &s->to)) &&
              add_hex(o, "input", s->data, s->data_len) &&
              (!s->has_gas || add_u64(o, "gas", s->gas)) &&
              (!s->has_nonce || add_u64(o, "nonce", s->nonce));
    if (ok && s->has_fees && s->tx_type == ETH_TX_EIP1559)
        ok = add_quantity(o, "maxFeePerGas", &s->max_fee) &&
             add_quantity(o, "maxPriorityFeePerGas", &s->max_priority_fee);
    else if (ok && s->has_fees)
        ok = add_quantity(o, "gasPrice", &s->gas_price);
    return ok;
}

sim_call sim_call_of_tx(const eth_tx *tx, const eth_address *from)
{
    return (sim_call){ .from = *from, .has_to = tx->has_to, .to = tx->to, .data = tx->data,
                       .data_len = tx->data_len, .has_gas = tx->gas_limit != 0,
                       .gas = tx->gas_limit, .has_nonce = true, .nonce = tx->nonce,
                       .has_fees = true, .tx_type = tx->type, .gas_price = tx->gas_price,
                       .max_fee = tx->max_fee, .max_priority_fee = tx->max_priority_fee };
}

/* Each piece is attached as it is made, so that one cJSON_Delete of
 * params frees whatever was made when memory runs out. */
cJSON *sim_block_params(const sim_override *ov, size_t nov, const sim_call *calls, size_t n)
{
    cJSON *params = cJSON_CreateArray(), *payload = cJSON_CreateObject();
    if (!params || !payload || !cJSON_AddItemToArray(params, payload)) {
        cJSON_Delete(params);
        cJSON_Delete(payload);
        return NULL;
    }
    cJSON *blocks = cJSON_AddArrayToObject(payload, "blockStateCalls");
    cJSON *block = cJSON_CreateObject();
    bool ok = blocks && block && cJSON_AddItemToArray(blocks, block);
    if (!ok)
        cJSON_Delete(block);
    cJSON *overrides = ok && nov ? cJSON_AddObjectToObject(block, "stateOverrides") : NULL;
    ok = ok && (!nov || overrides);
    for (size_t i = 0; ok && i < nov; i++) {
        char at[ETH_ADDRESS_TEXT_LEN];
        eth_address_to_checksum(&ov[i].address, at);
        cJSON *code = cJSON_AddObjectToObject(overrides, at);
        ok = code && add_hex(code, "code", ov[i].code, ov[i].code_len);
    }
    cJSON *list = ok ? cJSON_AddArrayToObject(block, "calls") : NULL;
    ok = list != NULL;
    for (size_t i = 0; ok && i < n; i++)
        ok = add_call(list, &calls[i]);
    ok = ok && cJSON_AddBoolToObject(payload, "validation", false);
    cJSON *tag = ok ? cJSON_CreateString("latest") : NULL;
    if (!tag || !cJSON_AddItemToArray(params, tag)) {
        cJSON_Delete(tag);
        cJSON_Delete(params);
        return NULL;
    }
    return params;
}

cJSON *sim_trace_params(const sim_call *call)
{
    cJSON *params = cJSON_CreateArray();
    bool ok = params && add_call(params, call);
    cJSON *tag = ok ? cJSON_CreateString("latest") : NULL;
    ok = tag && cJSON_AddItemToArray(params, tag);
    if (!ok)
        cJSON_Delete(tag);
    cJSON *opts = ok ? cJSON_CreateObject() : NULL;
    ok = opts && cJSON_AddItemToArray(params, opts);
    if (!ok)
        cJSON_Delete(opts);
    cJSON *config = ok ? cJSON_AddObjectToObject(opts, "tracerConfig") : NULL;
    ok = config && cJSON_AddStringToObject(opts, "tracer", "callTracer") &&
         cJSON_AddBoolToObject(config, "withLog", true);
    if (!ok) {
        cJSON_Delete(params);
        return NULL;
    }
    return params;
}

/* ---- answers ---- */

void sim_result_free(sim_result *r)
{
    bytebuf_free(&r->output);
    for (size_t i = 0; i < r->nlogs; i++)
        node_log_clear(&r->logs[i]);
    free(r->logs);
    free(r->error);
    memset(r, 0, sizeof *r);
}

static pc_status append_log(sim_result *r, const cJSON *v, pc_error *err)
{
    if (r->nlogs == SIM_MAX_LOGS)
        return pc_fail(err, PC_ENODE, "node sent a simulated call with more than %d logs",
                       SIM_MAX_LOGS);
    node_log *p = realloc(r->logs, (r->nlogs + 1) * sizeof *p);
    if (!p)
        return pc_fail(err, PC_ENOMEM, "out of memory");
    r->logs = p;
    pc_status st = node_parse_log(v, &r->logs[r->nlogs], err);
    if (st == PC_OK)
        r->nlogs++;
    return st;
}

/* The node's word for a failure: a string, or an object's "message". */
static pc_status take_error(const cJSON *e, sim_result *r, pc_error *err)
{
    if (cJSON_IsObject(e))
        e = field(e, "message");
    if (!e || cJSON_IsNull(e))
        return PC_OK;
    if (!cJSON_IsString(e))
        return pc_fail(err, PC_ENODE, "node sent a simulated call's error that is not text");
    char shown[256];
    snprintf(shown, sizeof shown, "%s", e->valuestring);
    text_sanitize(shown);
    if (!(r->error = strdup(shown)))
        return pc_fail(err, PC_ENOMEM, "out of memory");
    return PC_OK;
}

static pc_status gas_within(const sim_result *r, const sim_call *call, pc_error *err)
{
    if (call->has_gas && r->gas_used > call->gas)
        return pc_fail(err, PC_ENODE, "node says a simulated call used %llu gas of the %llu it "
                                      "was given",
                       (unsigned long long)r->gas_used, (unsigned long long)call->gas);
    return PC_OK;
}

static pc_status parse_call(const cJSON *v, const sim_call *call, sim_result *r, pc_error *err)
{
    memset(r, 0, sizeof *r);
    if (!cJSON_IsObject(v))
        return pc_fail(err, PC_ENODE, "node sent a simulated call that is not an object");
    pc_status st = node_parse_u64(field(v, "status"), "simulated call status", &r->status, err);
    if (st == PC_OK && r->status > 1)
        st = pc_fail(err, PC_ENODE, "node sent simulated call status %llu (0 or 1 expected)",
                     (unsigned long long)r->status);
    if (st == PC_OK)
        st = node_parse_u64(field(v, "gasUsed"), "simulated gasUsed", &r->gas_used, err);
    r->has_gas_used = st == PC_OK;
    if (st == PC_OK)
        st = gas_within(r, call, err);
    const cJSON *max = field(v, "maxUsedGas");
    if (st == PC_OK && max && !cJSON_IsNull(max)) {
        st = node_parse_u64(max, "simulated maxUsedGas", &r->max_used_gas, err);
        r->has_max_used = st == PC_OK;
    }
    if (st == PC_OK)
        st = node_parse_data(field(v, "returnData"), "simulated returnData", &r->output, err);
    const cJSON *logs = field(v, "logs"), *l;
    if (st == PC_OK && logs && !cJSON_IsNull(logs) && !cJSON_IsArray(logs))
        st = pc_fail(err, PC_ENODE, "node sent simulated logs that are not a list");
    /* A failed call's logs never happened. */
    if (st == PC_OK && r->status == 1 && logs) {
        cJSON_ArrayForEach(l, logs)
        {
            if ((st = append_log(r, l, err)) != PC_OK)
                break;
        }
    }
    if (st == PC_OK && r->status == 0)
        st = take_error(field(v, "error"), r, err);
    if (st != PC_OK)
        sim_result_free(r);
    return st;
}

pc_status sim_parse_block(const cJSON *v, const sim_call *calls, size_t n, sim_result *out,
                          pc_error *err)
{
    memset(out, 0, n * sizeof *out);
    if (!cJSON_IsArray(v) || cJSON_GetArraySize(v) != 1)
        return pc_fail(err, PC_ENODE, "node answered eth_simulateV1 with something other than "
                                      "the one block asked for");
    const cJSON *results = field(cJSON_GetArrayItem(v, 0), "calls");
    if (!cJSON_IsArray(results) || (size_t)cJSON_GetArraySize(results) != n)
        return pc_fail(err, PC_ENODE, "node answered eth_simulateV1 with another number of "
                                      "calls than the %zu asked for", n);
    size_t i = 0;
    pc_status st = PC_OK;
    const cJSON *r;
    cJSON_ArrayForEach(r, results)
    {
        if ((st = parse_call(r, &calls[i], &out[i], err)) != PC_OK)
            break;
        i++;
    }
    if (st != PC_OK)
        while (i > 0)
            sim_result_free(&out[--i]);
    return st;
}

/* One frame of a callTracer answer: its logs before and after each of its
 * subcalls, by their position (how many subcalls came before the log). A
 * frame that failed, and everything under it, left no log. */
static pc_status walk_frame(const cJSON *f, unsigned depth, sim_result *r, pc_error *err)
{
    if (depth > SIM_MAX_DEPTH)
        return pc_fail(err, PC_ENODE, "node sent a call trace nested deeper than %d",
                       SIM_MAX_DEPTH);
    if (!cJSON_IsObject(f))
        return pc_fail(err, PC_ENODE, "node sent a call trace frame that is not an object");
    const cJSON *e = field(f, "error");
    if (e && !cJSON_IsNull(e))
        return PC_OK;
    const cJSON *logs = field(f, "logs"), *calls = field(f, "calls");
    if ((logs && !cJSON_IsNull(logs) && !cJSON_IsArray(logs)) ||
        (calls && !cJSON_IsNull(calls) && !cJSON_IsArray(calls)))
        return pc_fail(err, PC_ENODE, "node sent a call trace frame whose logs or calls are not "
                                      "lists");
    size_t ncalls = cJSON_IsArray(calls) ? (size_t)cJSON_GetArraySize(calls) : 0;
    const cJSON *sub = ncalls ? calls->child : NULL;
    pc_status st = PC_OK;
    for (size_t at = 0; st == PC_OK && at <= ncalls; at++) {
        const cJSON *l;
        if (cJSON_IsArray(logs)) {
            cJSON_ArrayForEach(l, logs)
            {
                uint64_t pos = 0;
                const cJSON *p = field(l, "position");
                if (p && !cJSON_IsNull(p) &&
                    (st = node_parse_u64(p, "trace log position", &pos, err)) != PC_OK)
                    break;
                /* Positions past the last subcall count as after it. */
                if ((pos > ncalls ? ncalls : pos) == at && (st = append_log(r, l, err)) != PC_OK)
                    break;
            }
        }
        if (st == PC_OK && at < ncalls) {
            st = walk_frame(sub, depth + 1, r, err);
            sub = sub->next;
        }
    }
    return st;
}

pc_status sim_parse_trace(const cJSON *v, const sim_call *call, sim_result *out, pc_error *err)
{
    memset(out, 0, sizeof *out);
    if (!cJSON_IsObject(v))
        return pc_fail(err, PC_ENODE, "node answered debug_traceCall with something other than a "
                                      "call frame");
    const cJSON *e = field(v, "error");
    bool failed = e && !cJSON_IsNull(e);
    out->status = failed ? 0 : 1;
    pc_status st = node_parse_u64(field(v, "gasUsed"), "traced gasUsed", &out->gas_used, err);
    out->has_gas_used = st == PC_OK;
    if (st == PC_OK)
        st = gas_within(out, call, err);
    const cJSON *output = field(v, "output");
    if (st == PC_OK && output && !cJSON_IsNull(output))
        st = node_parse_data(output, "traced output", &out->output, err);
    if (st == PC_OK && failed)
        st = take_error(e, out, err);
    if (st == PC_OK)
        st = walk_frame(v, 0, out, err);
    if (st != PC_OK)
        sim_result_free(out);
    return st;
}

/* ---- calls ---- */

pc_status sim_block(rpc_client *c, const sim_override *ov, size_t nov, const sim_call *calls,
                    size_t n, sim_result *out, pc_error *err)
{
    memset(out, 0, n * sizeof *out);
    if (n == 0 || n > SIM_MAX_CALLS)
        return pc_fail(err, PC_EINPUT, "a simulated block holds 1 to %d calls", SIM_MAX_CALLS);
    cJSON *params = sim_block_params(ov, nov, calls, n), *res = NULL;
    if (!params)
        return pc_fail(err, PC_ENOMEM, "out of memory");
    pc_status st = rpc_call(c, "eth_simulateV1", params, true, &res, err);
    if (st == PC_OK)
        st = sim_parse_block(res, calls, n, out, err);
    cJSON_Delete(res);
    return st;
}

pc_status sim_trace(rpc_client *c, const sim_call *call, sim_result *out, pc_error *err)
{
    memset(out, 0, sizeof *out);
    cJSON *params = sim_trace_params(call), *res = NULL;
    if (!params)
        return pc_fail(err, PC_ENOMEM, "out of memory");
    pc_status st = rpc_call(c, "debug_traceCall", params, true, &res, err);
    if (st == PC_OK)
        st = sim_parse_trace(res, call, out, err);
    cJSON_Delete(res);
    return st;
}

pc_status sim_probe(rpc_client *c, sim_offers *o, sim_method *out, pc_error *err)
{
    size_t at = rpc_client_node_index(c);
    if (o->best[at] != SIM_UNKNOWN) {
        *out = o->best[at];
        return PC_OK;
    }
    /* Harmless questions: an empty simulated block, and a trace of a call
     * to the zero address. */
    static const eth_address zero;
    sim_call nothing = { .from = zero, .has_to = true, .to = zero };
    cJSON *empty = sim_block_params(NULL, 0, NULL, 0);
    rpc_batch *b = rpc_batch_new();
    int i_sim = b && empty ? rpc_batch_add(b, "eth_simulateV1", empty) : -1;
    int i_trace = b ? rpc_batch_add(b, "debug_traceCall", sim_trace_params(&nothing)) : -1;
    if (!b)
        cJSON_Delete(empty);
    pc_status st = i_sim < 0 || i_trace < 0 ? pc_fail(err, PC_ENOMEM, "out of memory") : PC_OK;
    if (st == PC_OK)
        st = rpc_batch_send(c, b, true, err);
    if (st == PC_OK) {
        const cJSON *sim = rpc_batch_result(b, (size_t)i_sim, NULL);
        const cJSON *trace = rpc_batch_result(b, (size_t)i_trace, NULL);
        sim_method best = cJSON_IsArray(sim)    ? SIM_SIMULATE_V1
                          : cJSON_IsObject(trace) ? SIM_TRACE_CALL
                                                  : SIM_ETH_CALL;
        /* The node that answered, which a failover may have changed. */
        o->best[rpc_client_node_index(c)] = best;
        *out = best;
    }
    rpc_batch_free(b);
    return st;
}
