/* A node's JSON-RPC answer: bytes as they come off the wire, through cJSON
 * and every node_parse_* function, then the receipt through the binding's
 * event decoding (what `send` does with a receipt) and a block's
 * transactions' calldata through the binding's decoding (what the history
 * index does), and the simulations' parsers (an eth_simulateV1 block of two
 * calls, a debug_traceCall frame). Both the bare result and
 * the "result" member of a whole answer object are tried, so a seed can be
 * either. */
#include <cjson/cJSON.h>

#include "fuzz/fuzz.h"
#include "rpcclient/node.h"
#include "rpcclient/powerchain.h"
#include "rpcclient/simulate.h"

static void check_receipt(const cJSON *v)
{
    node_receipt r;
    bool found = true;
    pc_error err = { 0 };
    pc_status st = node_parse_receipt(v, &r, &found, &err);
    if (st != PC_OK) {
        fuzz_check_error(st, &err);
        FUZZ_CHECK(!found && r.logs == NULL && r.nlogs == 0);
        return;
    }
    if (!found) {
        FUZZ_CHECK(cJSON_IsNull(v));
        return;
    }
    FUZZ_CHECK(r.status <= 1);
    for (size_t i = 0; i < r.nlogs; i++)
        FUZZ_CHECK(r.logs[i].ntopics <= 4 && (r.logs[i].data || r.logs[i].data_len == 0));
    pc_outcome o;
    st = pc_outcome_from_receipt(NULL, &r, &o, &err);
    if (st == PC_OK) {
        FUZZ_CHECK(o.nevents <= r.nlogs);
        for (size_t i = 0; i < o.nevents; i++)
            for (const unsigned char *p = (const unsigned char *)o.events[i].text; *p; p++)
                FUZZ_CHECK(*p >= 0x20 && *p != 0x7f); /* sanitised for the terminal */
        pc_outcome_free(&o);
    } else {
        fuzz_check_error(st, &err);
    }
    node_receipt_free(&r);
}

static void check_full_block(const cJSON *v)
{
    node_full_block b;
    bool found = true;
    pc_error err = { 0 };
    pc_status st = node_parse_full_block(v, &b, &found, &err);
    if (st != PC_OK) {
        fuzz_check_error(st, &err);
        FUZZ_CHECK(!found && b.txs == NULL && b.ntxs == 0);
        return;
    }
    FUZZ_CHECK(found || cJSON_IsNull(v));
    for (size_t i = 0; i < b.ntxs; i++) {
        const node_tx *t = &b.txs[i];
        FUZZ_CHECK(t->index == i && (t->input || t->input_len == 0));
        const pc_method *m;
        abi_value args;
        st = pc_decode_calldata(t->input, t->input_len, &m, &args, &err);
        if (st != PC_OK)
            fuzz_check_error(st, &err);
        FUZZ_CHECK(args.kind == ABI_TUPLE && (m || args.count == 0));
        FUZZ_CHECK(!m || args.count == m->nargs);
        abi_value_free(&args);
    }
    node_full_block_free(&b);
}

static void check_sim_result(const sim_result *r, const sim_call *call)
{
    FUZZ_CHECK(r->status <= 1 && r->nlogs <= SIM_MAX_LOGS);
    FUZZ_CHECK(!call->has_gas || r->gas_used <= call->gas);
    FUZZ_CHECK(r->status == 1 || r->nlogs == 0); /* a failed call emitted nothing */
    for (size_t i = 0; i < r->nlogs; i++)
        FUZZ_CHECK(r->logs[i].ntopics <= 4 && (r->logs[i].data || r->logs[i].data_len == 0));
    for (const unsigned char *p = (const unsigned char *)r->error; p && *p; p++)
        FUZZ_CHECK(*p >= 0x20 && *p != 0x7f);
}

static void check_simulations(const cJSON *v)
{
    static const eth_address zero;
    const sim_call calls[2] = { { .from = zero, .has_to = true },
                                { .from = zero, .has_to = true, .has_gas = true, .gas = 100000 } };
    sim_result res[2];
    pc_error err = { 0 };
    pc_status st = sim_parse_block(v, calls, 2, res, &err);
    if (st == PC_OK) {
        for (size_t i = 0; i < 2; i++) {
            check_sim_result(&res[i], &calls[i]);
            sim_result_free(&res[i]);
        }
    } else {
        fuzz_check_error(st, &err);
    }
    sim_result traced;
    st = sim_parse_trace(v, &calls[1], &traced, &err);
    if (st == PC_OK) {
        check_sim_result(&traced, &calls[1]);
        sim_result_free(&traced);
    } else {
        fuzz_check_error(st, &err);
    }
}

static void check_value(const cJSON *v)
{
    pc_error err = { 0 };
    node_block b;
    pc_status st = node_parse_block(v, &b, &err);
    if (st != PC_OK)
        fuzz_check_error(st, &err);

    node_log l;
    st = node_parse_log(v, &l, &err);
    if (st == PC_OK)
        node_log_clear(&l);
    else
        fuzz_check_error(st, &err);

    check_receipt(v);
    check_full_block(v);
    check_simulations(v);

    uint64_t n;
    u256 x;
    uint8_t hash[32];
    eth_address a;
    bytebuf data = BYTEBUF_INIT;
    if ((st = node_parse_u64(v, "u64", &n, &err)) != PC_OK)
        fuzz_check_error(st, &err);
    if ((st = node_parse_u256(v, "u256", &x, &err)) != PC_OK)
        fuzz_check_error(st, &err);
    if ((st = node_parse_hash(v, "hash", hash, &err)) != PC_OK)
        fuzz_check_error(st, &err);
    if ((st = node_parse_address(v, "address", &a, &err)) != PC_OK)
        fuzz_check_error(st, &err);
    if ((st = node_parse_data(v, "data", &data, &err)) != PC_OK)
        fuzz_check_error(st, &err);
    bytebuf_free(&data);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    cJSON *doc = cJSON_ParseWithLength((const char *)data, size);
    if (!doc)
        return 0;
    check_value(doc);
    const cJSON *result = cJSON_IsObject(doc) ? cJSON_GetObjectItemCaseSensitive(doc, "result")
                                              : NULL;
    if (result)
        check_value(result);
    /* Batch answers are arrays of answer objects. */
    const cJSON *item;
    if (cJSON_IsArray(doc))
        cJSON_ArrayForEach(item, doc)
        {
            result = cJSON_GetObjectItemCaseSensitive(item, "result");
            if (result)
                check_value(result);
        }
    cJSON_Delete(doc);
    return 0;
}
