/* The simulation's node calls (rpcclient/simulate.h) without a node: the
 * requests as the execution-apis spec writes them, answers recorded from
 * anvil 1.7.1 (an Error event, an out-of-gas failure), answers that break
 * the bounds (another number of calls, more gas used than given, a status
 * that is neither 0 nor 1), a call trace whose logs come before, between
 * and after its subcalls and whose failed frame emitted nothing, a trace
 * nested too deep, and what a node offers, probed once and remembered. */
#include <stdlib.h>
#include <string.h>

#include "../check.h"
#include "../fake_node.h"
#include "eth/hex.h"
#include "rpcclient/simulate.h"

#define ERROR_TOPIC "0x08c379a0afcc32b1a39302f7cb8073359698411ab5fd6e3edb2c02c0b5fba8aa"
#define INFO_TOPIC "0x6d128f203c67be3b2d9bf1612fd59bdd6ae01f4f0d2ffedd05e76ab2a09b7f8a"
#define CONTRACT "0x5fbdb2315678afecb367f032d93f642f64180aa3"

static cJSON *parse(const char *text)
{
    cJSON *v = cJSON_Parse(text);
    if (!v)
        abort();
    return v;
}

static void test_request(void)
{
    eth_address from = { { 0xf3 } }, to = { { 0x5f } }, at = { { 0xc0 } };
    uint8_t data[2] = { 0xab, 0xcd }, code[1] = { 0xf3 };
    eth_tx tx = { .type = ETH_TX_EIP1559, .nonce = 7, .gas_limit = 30000,
                  .max_fee = u256_from_u64(2), .max_priority_fee = u256_from_u64(1),
                  .has_to = true, .to = to, .data = data, .data_len = 2 };
    sim_call call = sim_call_of_tx(&tx, &from);
    sim_override ov = { at, code, 1 };
    cJSON *p = sim_block_params(&ov, 1, &call, 1);
    char *text = cJSON_PrintUnformatted(p);
    CHECK_STR(text,
              "[{\"blockStateCalls\":[{\"stateOverrides\":{\"0xC000000000000000000000000000000000"
              "000000\":{\"code\":\"0xf3\"}},\"calls\":[{\"from\":\"0xF3000000000000000000000000000"
              "00000000000\",\"to\":\"0x5f00000000000000000000000000000000000000\",\"input\":\"0x"
              "abcd\",\"gas\":\"0x7530\",\"nonce\":\"0x7\",\"maxFeePerGas\":\"0x2\",\"maxPriority"
              "FeePerGas\":\"0x1\"}]}],\"validation\":false},\"latest\"]");
    free(text);
    cJSON_Delete(p);
    p = sim_trace_params(&call);
    text = cJSON_PrintUnformatted(p);
    CHECK(strstr(text, ",\"latest\",{\"tracerConfig\":{\"withLog\":true},\"tracer\":\"callTracer\"}]") !=
          NULL);
    free(text);
    cJSON_Delete(p);
}

/* Recorded from anvil 1.7.1: a consumption reading that emits the
 * contract's Error (status 1), then one given too little gas. */
static const char *const BLOCK =
    "[{\"number\":\"0x15\",\"calls\":[{\"returnData\":\"0x\",\"logs\":[{\"address\":\"" CONTRACT
    "\",\"topics\":[\"" ERROR_TOPIC "\"],\"data\":\"0x\",\"blockNumber\":\"0x15\","
    "\"logIndex\":\"0x0\"}],\"gasUsed\":\"0xb9e0\",\"status\":\"0x1\"},{\"returnData\":\"0x\","
    "\"logs\":[],\"gasUsed\":\"0x5800\",\"status\":\"0x0\",\"error\":{\"code\":-3200,"
    "\"message\":\"execution failed\"}}]}]";

static void test_block(void)
{
    sim_call calls[2] = { { .has_to = true }, { .has_to = true, .has_gas = true, .gas = 0x5800 } };
    sim_result r[2];
    pc_error e = { 0 };
    cJSON *v = parse(BLOCK);
    CHECK(sim_parse_block(v, calls, 2, r, &e) == PC_OK);
    CHECK(r[0].status == 1 && r[0].gas_used == 0xb9e0 && r[0].nlogs == 1 && !r[0].error);
    CHECK(r[1].status == 0 && r[1].gas_used == 0x5800 && r[1].nlogs == 0);
    CHECK_STR(r[1].error, "execution failed");
    sim_result_free(&r[0]);
    sim_result_free(&r[1]);
    /* Another number of calls than asked for. */
    CHECK(sim_parse_block(v, calls, 1, r, &e) == PC_ENODE);
    CHECK(strstr(e.msg, "another number of calls than the 1 asked for") != NULL);
    /* More gas used than the call was given. */
    calls[1].gas = 0x57ff;
    CHECK(sim_parse_block(v, calls, 2, r, &e) == PC_ENODE);
    CHECK(strstr(e.msg, "used 22528 gas of the 22527 it was given") != NULL);
    cJSON_Delete(v);
    v = parse("[{\"calls\":[{\"returnData\":\"0x\",\"gasUsed\":\"0x1\",\"status\":\"0x2\"}]}]");
    CHECK(sim_parse_block(v, calls, 1, r, &e) == PC_ENODE);
    cJSON_Delete(v);
    v = parse("[{\"calls\":[]},{\"calls\":[]}]");
    CHECK(sim_parse_block(v, calls, 0, r, &e) == PC_ENODE);
    cJSON_Delete(v);
    /* A failed call's logs never happened. */
    v = parse("[{\"calls\":[{\"returnData\":\"0x\",\"gasUsed\":\"0x1\",\"status\":\"0x0\","
              "\"logs\":[{\"address\":\"" CONTRACT "\",\"topics\":[],\"data\":\"0x\"}]}]}]");
    CHECK(sim_parse_block(v, calls, 1, r, &e) == PC_OK && r[0].nlogs == 0 && !r[0].error);
    sim_result_free(&r[0]);
    cJSON_Delete(v);
}

/* A log with one topic (Info's) and data `d`, at `position`. */
#define LOG(d, position)                                                                  \
    "{\"address\":\"" CONTRACT "\",\"topics\":[\"" INFO_TOPIC "\"],\"data\":\"" d          \
    "\",\"position\":\"" position "\"}"

static void test_trace(void)
{
    const char *trace =
        "{\"gasUsed\":\"0x5000\",\"output\":\"0x\",\"logs\":[" LOG("0x03", "0x2") "," LOG(
            "0x01", "0x0") "],\"calls\":[{\"gasUsed\":\"0x1\",\"logs\":[" LOG("0x02", "0x0")
        "]},{\"gasUsed\":\"0x1\",\"error\":\"out of gas\",\"logs\":[" LOG("0xff", "0x0") "]}]}";
    sim_call call = { .has_to = true };
    sim_result r;
    pc_error e = { 0 };
    cJSON *v = parse(trace);
    CHECK(sim_parse_trace(v, &call, &r, &e) == PC_OK);
    CHECK(r.status == 1 && r.gas_used == 0x5000 && r.nlogs == 3);
    for (size_t i = 0; i < r.nlogs && i < 3; i++)
        CHECK(r.logs[i].data_len == 1 && r.logs[i].data[0] == i + 1);
    sim_result_free(&r);
    cJSON_Delete(v);
    /* A failed top frame: its error, its revert data, no logs. */
    v = parse("{\"gasUsed\":\"0x5337\",\"output\":\"0x08c379a0\",\"error\":\"execution "
              "reverted\",\"logs\":[" LOG("0x01", "0x0") "]}");
    CHECK(sim_parse_trace(v, &call, &r, &e) == PC_OK);
    CHECK(r.status == 0 && r.nlogs == 0 && r.output.len == 4);
    CHECK_STR(r.error, "execution reverted");
    sim_result_free(&r);
    cJSON_Delete(v);
    /* Nested past the bound. */
    char deep[SIM_MAX_DEPTH * 40 + 200] = "";
    size_t n = 0;
    for (int i = 0; i <= SIM_MAX_DEPTH + 1; i++)
        n += (size_t)snprintf(deep + n, sizeof deep - n, "{\"gasUsed\":\"0x1\",\"calls\":[");
    n += (size_t)snprintf(deep + n, sizeof deep - n, "{\"gasUsed\":\"0x1\"}");
    for (int i = 0; i <= SIM_MAX_DEPTH + 1; i++)
        n += (size_t)snprintf(deep + n, sizeof deep - n, "]}");
    v = parse(deep);
    CHECK(sim_parse_trace(v, &call, &r, &e) == PC_ENODE);
    CHECK(strstr(e.msg, "nested deeper than") != NULL);
    cJSON_Delete(v);
}

static void test_probe(void)
{
    static const char *const offers_both =
        "[{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":[{\"calls\":[]}]},"
        "{\"jsonrpc\":\"2.0\",\"id\":2,\"result\":{\"gasUsed\":\"0x0\"}}]";
    /* Ganache's answers, and Hardhat's refusal of a tracer. */
    static const char *const offers_none =
        "[{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32700,\"message\":\"The method "
        "eth_simulateV1 does not exist/is not available\"}},{\"jsonrpc\":\"2.0\",\"id\":2,"
        "\"error\":{\"code\":-32602,\"message\":\"Hardhat currently only supports the default "
        "tracer\"}}]";
    static const char *const offers_trace =
        "[{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32601,\"message\":\"method not "
        "found\"}},{\"jsonrpc\":\"2.0\",\"id\":2,\"result\":{\"gasUsed\":\"0x0\"}}]";
    const char *const answers[] = { offers_both, offers_none, offers_trace };
    const sim_method want[] = { SIM_SIMULATE_V1, SIM_ETH_CALL, SIM_TRACE_CALL };
    for (size_t i = 0; i < 3; i++) {
        fake_node n;
        fake_node_start(&n, answers[i]);
        sim_offers o = { { SIM_UNKNOWN } };
        sim_method m = SIM_UNKNOWN;
        pc_error e = { 0 };
        CHECK(sim_probe(n.client, &o, &m, &e) == PC_OK && m == want[i]);
        /* Remembered: the node, which answers nothing more, is not asked again. */
        m = SIM_UNKNOWN;
        CHECK(sim_probe(n.client, &o, &m, &e) == PC_OK && m == want[i]);
        CHECK(rpc_client_request_count(n.client) == 1);
        fake_node_stop(&n);
    }
    CHECK_STR(sim_method_name(SIM_TRACE_CALL), "debug_traceCall");
}

int main(void)
{
    pc_error e;
    if (rpc_global_init(&e) != PC_OK)
        return 1;
    test_request();
    test_block();
    test_trace();
    test_probe();
    rpc_global_cleanup();
    return check_summary();
}
