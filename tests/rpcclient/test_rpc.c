/* What a failure is, as codes: a node that refuses a call (JSON-RPC error
 * object, its code kept), one that answers something malformed, one that
 * cannot be reached, and a revert. A canned HTTP server on 127.0.0.1 plays
 * the node, one answer per connection, in the order given. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "../check.h"
#include "eth/secp.h"
#include "keystore/secret.h"
#include "rpcclient/node.h"
#include "rpcclient/rpc.h"
#include "rpcclient/sender.h"

typedef struct canned {
    int listen_fd;
    const char *bodies[2]; /* the JSON the node answers, in turn */
    size_t n;
} canned;

/* Answers one request with body, whatever was asked. */
static void serve_one(int listen_fd, const char *body)
{
    int fd = accept(listen_fd, NULL, NULL);
    if (fd < 0)
        return;
    char req[8192];
    size_t got = 0;
    /* Enough to have read the headers and the small body of one call. */
    while (got < sizeof req - 1) {
        ssize_t n = read(fd, req + got, sizeof req - 1 - got);
        if (n <= 0)
            break;
        got += (size_t)n;
        req[got] = '\0';
        char *end = strstr(req, "\r\n\r\n");
        const char *cl = strstr(req, "Content-Length: ");
        if (end && cl && got >= (size_t)(end + 4 - req) + strtoul(cl + 16, NULL, 10))
            break;
    }
    char head[200];
    int hn = snprintf(head, sizeof head,
                      "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                      "Content-Length: %zu\r\nConnection: close\r\n\r\n",
                      strlen(body));
    if (write(fd, head, (size_t)hn) < 0 || write(fd, body, strlen(body)) < 0)
        perror("write");
    close(fd);
}

static void *serve(void *arg)
{
    canned *c = arg;
    for (size_t i = 0; i < c->n; i++)
        serve_one(c->listen_fd, c->bodies[i]);
    return NULL;
}

/* A listening socket on a free port; *port receives it. */
static int listen_any(unsigned *port)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
    socklen_t len = sizeof a;
    if (fd < 0 || bind(fd, (struct sockaddr *)&a, sizeof a) != 0 || listen(fd, 4) != 0 ||
        getsockname(fd, (struct sockaddr *)&a, &len) != 0)
        abort();
    *port = ntohs(a.sin_port);
    return fd;
}

/* A node answering `body` and then `then` (when not NULL), in its own
 * thread, and a client of it. */
typedef struct fake_node {
    canned answer;
    pthread_t thread;
    rpc_client *client;
} fake_node;

static void fake_node_start2(fake_node *n, const char *body, const char *then)
{
    unsigned port;
    n->answer = (canned){ listen_any(&port), { body, then }, then ? 2 : 1 };
    pthread_create(&n->thread, NULL, serve, &n->answer);
    char url[64];
    snprintf(url, sizeof url, "http://127.0.0.1:%u", port);
    if (rpc_client_new(url, 5, &n->client, NULL) != PC_OK)
        abort();
}

static void fake_node_start(fake_node *n, const char *body)
{
    fake_node_start2(n, body, NULL);
}

/* An answer the client never asked for is dropped: accept fails once the
 * listening socket is shut down. */
static void fake_node_stop(fake_node *n)
{
    shutdown(n->answer.listen_fd, SHUT_RDWR);
    pthread_join(n->thread, NULL);
    close(n->answer.listen_fd);
    rpc_client_free(n->client);
}

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

/* Hardhat mines a transaction that fails and answers eth_sendRawTransaction
 * with the failure (recorded from Hardhat 2.29.1); the transaction is known
 * there, so it was sent and its receipt will tell. A node that refuses and
 * does not know it did not take it. */
static void test_refused_but_mined(void)
{
    static const char *const refusal =
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32000,\"message\":\"Transaction "
        "ran out of gas\",\"data\":{\"message\":\"Transaction ran out of gas\",\"txHash\":"
        "\"0xfb21aff00c34d05315947ebb1b202ff8c6e3fe6f2410e0e9384f4788dada8d24\",\"data\":\"0x\"}}}";
    secret *key = NULL;
    if (secret_new(32, &key, NULL) != PC_OK)
        abort();
    secret_open(key)[31] = 1;
    eth_address from;
    secp_privkey_to_address(secret_open(key), &from, NULL);
    secret_close(key);
    eth_tx tx = { .type = ETH_TX_LEGACY, .chain_id = 4200, .gas_limit = 30000, .has_to = true };
    for (int known = 0; known < 2; known++) {
        fake_node n;
        fake_node_start2(&n, refusal,
                         known ? "{\"jsonrpc\":\"2.0\",\"id\":2,\"result\":{\"hash\":\"0x00\"}}"
                               : "{\"jsonrpc\":\"2.0\",\"id\":2,\"result\":null}");
        uint8_t hash[32];
        pc_error e = { 0 };
        pc_status st = sender_send(n.client, &tx, key, &from, hash, NULL, &e);
        fake_node_stop(&n);
        CHECK(st == (known ? PC_OK : PC_ENODE));
        if (!known) {
            CHECK(e.cause == PC_CAUSE_REFUSED);
            CHECK(strstr(e.msg, "Transaction ran out of gas") != NULL);
        }
    }
    secret_free(key);
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
    if (rpc_global_init(&e) != PC_OK || secret_init(&e) != PC_OK)
        return 1;
    test_refused();
    test_malformed();
    test_numbers_out_of_range();
    test_receipt_of_another();
    test_reverted();
    test_refused_but_mined();
    test_unreachable();
    rpc_global_cleanup();
    return check_summary();
}
