/* What a failure is, as codes: a node that refuses a call (JSON-RPC error
 * object, its code kept), one that answers something malformed, one that
 * cannot be reached, and a revert. A canned HTTP server on 127.0.0.1 plays
 * the node, one answer per connection, in the order given. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../check.h"
#include "../fake_node.h"
#include "rpcclient/node.h"
#include "rpcclient/rpc.h"

/* One eth_blockNumber against a node answering `body`; returns the error. */
static pc_error block_number_against(const char *body)
{
    fake_node n;
    fake_node_start(&n, body);
    pc_error e = { 0 };
    uint64_t number = 0;
    node_block_number(n.client, &number, &e);
    fake_node_stop(&n);
    return e;
}

static void test_refused(void)
{
    pc_error e = block_number_against(
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32601,\"message\":\"no such method\"}}");
    CHECK(e.status == PC_ENODE);
    CHECK(e.cause == PC_CAUSE_REFUSED);
    CHECK(e.rpc_code == -32601);
}

static void test_malformed(void)
{
    pc_error e = block_number_against("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"twelve\"}");
    CHECK(e.status == PC_ENODE);
    CHECK(e.cause == PC_CAUSE_MALFORMED);
    CHECK(e.rpc_code == 0);
    e = block_number_against("[1,2");
    CHECK(e.cause == PC_CAUSE_MALFORMED);
}

/* Numbers no long holds: refused as malformed or read as "no code", never
 * converted (that would be undefined behaviour; CI's sanitizer build traps
 * float-cast-overflow). */
static void test_numbers_out_of_range(void)
{
    pc_error e = block_number_against("{\"jsonrpc\":\"2.0\",\"id\":1e300,\"result\":\"0x1\"}");
    CHECK(e.status == PC_ENODE);
    CHECK(strstr(e.msg, "wrong id") != NULL);
    e = block_number_against("{\"jsonrpc\":\"2.0\",\"id\":1.5,\"result\":\"0x1\"}");
    CHECK(strstr(e.msg, "wrong id") != NULL);
    e = block_number_against(
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-1e300,\"message\":\"big\"}}");
    CHECK(e.cause == PC_CAUSE_REFUSED);
    CHECK(e.rpc_code == 0);
    e = block_number_against(
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":9223372036854775807,\"message\":\"x\"}}");
    CHECK(e.cause == PC_CAUSE_REFUSED);
    CHECK(e.rpc_code == 0); /* 2^63 as a double: one past long's range */
}

/* A receipt must be the one asked for. */
static void test_receipt_of_another(void)
{
    fake_node n;
    fake_node_start(&n, "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"transactionHash\":\"0x"
                        "2222222222222222222222222222222222222222222222222222222222222222\","
                        "\"status\":\"0x1\",\"blockNumber\":\"0x2\",\"gasUsed\":\"0x5208\","
                        "\"contractAddress\":null,\"logs\":[]}}");
    uint8_t asked[32];
    memset(asked, 0x11, sizeof asked);
    node_receipt r;
    bool found = true;
    pc_error e = { 0 };
    CHECK(node_get_receipt(n.client, asked, &r, &found, &e) == PC_ENODE);
    fake_node_stop(&n);
    CHECK(!found);
    CHECK(strstr(e.msg, "receipt of another transaction") != NULL);
}

/* Error(string) "nope", as the revert data of a call. */
#define NOPE                                                                                   \
    "0x08c379a0"                                                                               \
    "0000000000000000000000000000000000000000000000000000000000000020"                         \
    "0000000000000000000000000000000000000000000000000000000000000004"                         \
    "6e6f706500000000000000000000000000000000000000000000000000000000"

/* One eth_call against a node answering `body`: its status, cause and the
 * revert reason (NULL unless PC_ETX). */
static pc_status call_against(const char *body, pc_cause *cause, char **reason)
{
    fake_node n;
    fake_node_start(&n, body);
    pc_error e = { 0 };
    bytebuf out = BYTEBUF_INIT;
    eth_address to = { { 1 } };
    pc_status st = node_call_reason(n.client, NULL, &to, NULL, 0, NULL, &out, reason, &e);
    fake_node_stop(&n);
    bytebuf_free(&out);
    *cause = e.cause;
    return st;
}

/* A revert as each node reports it (answers recorded from anvil 1.7.1,
 * Hardhat 2.29.1 and Ganache 7.9.2; docs/nodes.md): the reason is found
 * wherever the node puts the revert data. */
static void test_reverted(void)
{
    static const char *const answers[] = {
        /* anvil (and geth): the data itself */
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":3,\"message\":"
        "\"execution reverted: nope\",\"data\":\"" NOPE "\"}}",
        /* Hardhat: inside an object */
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32603,\"message\":\"Error: VM "
        "Exception while processing transaction: reverted with reason string 'nope'\","
        "\"data\":{\"message\":\"Error: VM Exception while processing transaction: reverted "
        "with reason string 'nope'\",\"data\":\"" NOPE "\"}}}",
        /* Ganache's eth_call */
        "{\"id\":1,\"jsonrpc\":\"2.0\",\"error\":{\"message\":\"VM Exception while processing "
        "transaction: revert nope\",\"stack\":\"CallError: VM Exception while processing "
        "transaction: revert nope\\n    at Blockchain.simulateTransaction (1.js:2:100650)\","
        "\"code\":-32000,\"name\":\"CallError\",\"data\":\"" NOPE "\"}}",
        /* Ganache's eth_estimateGas */
        "{\"id\":1,\"jsonrpc\":\"2.0\",\"error\":{\"message\":\"VM Exception while processing "
        "transaction: revert nope\",\"code\":-32000,\"name\":\"RuntimeError\",\"data\":{"
        "\"hash\":null,\"programCounter\":12,\"result\":\"" NOPE "\",\"reason\":\"nope\","
        "\"message\":\"revert\"}}}",
    };
    for (size_t i = 0; i < sizeof answers / sizeof *answers; i++) {
        pc_cause cause;
        char *reason = NULL;
        CHECK(call_against(answers[i], &cause, &reason) == PC_ETX);
        CHECK(cause == PC_CAUSE_REVERTED);
        CHECK_STR(reason, "nope");
        free(reason);
    }
    /* Hardhat's revert without data, and its refusal whose data is null. */
    pc_cause cause;
    char *reason = NULL;
    CHECK(call_against("{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32603,\"message\":"
                       "\"Error: Transaction reverted without a reason string\",\"data\":{"
                       "\"message\":\"Error: Transaction reverted without a reason string\","
                       "\"data\":\"0x\"}}}",
                       &cause, &reason) == PC_ETX);
    CHECK_STR(reason, "reverted without a reason");
    free(reason);
    reason = NULL;
    CHECK(call_against("{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32000,\"message\":"
                       "\"Nonce too low\",\"data\":{\"message\":\"Nonce too low\",\"data\":null}}}",
                       &cause, &reason) == PC_ENODE);
    CHECK(cause == PC_CAUSE_REFUSED);
    CHECK(reason == NULL);
}

static void test_unreachable(void)
{
    unsigned port;
    int fd = listen_any(&port);
    close(fd); /* nothing listens there now */
    char url[64];
    snprintf(url, sizeof url, "http://127.0.0.1:%u", port);
    rpc_client *client = NULL;
    pc_error e = { 0 };
    uint64_t n = 0;
    CHECK(rpc_client_new(url, 5, &client, &e) == PC_OK);
    CHECK(node_block_number(client, &n, &e) == PC_ENODE);
    CHECK(e.cause == PC_CAUSE_UNREACHABLE);
    CHECK(pc_exit_code(e.status) == 3);
    rpc_client_free(client);
}

int main(void)
{
    pc_error e;
    if (rpc_global_init(&e) != PC_OK)
        return 1;
    test_refused();
    test_malformed();
    test_numbers_out_of_range();
    test_receipt_of_another();
    test_reverted();
    test_unreachable();
    rpc_global_cleanup();
    return check_summary();
}
