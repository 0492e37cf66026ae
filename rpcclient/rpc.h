/* JSON-RPC 2.0 over HTTP(S) with libcurl, or over a node's Unix socket
 * (rpcclient/ipc.h): one client per node, one HTTP connection kept alive
 * between calls, single calls and batches (many calls in one round trip), a
 * timeout per request, a bound on each answer's size and number of values
 * by method (rpcclient/bounds.h), TLS verification on.
 *
 * A client is used by one thread at a time. Results are cJSON trees owned by
 * the caller (single calls) or by the batch (batches).
 *
 * Failures are PC_ENODE with a message that names the node and what failed:
 * unreachable, HTTP status, JSON-RPC error code and message, or a malformed
 * answer. Reads may be retried (`retry`); a send must be called with
 * retry=false so that a lost answer never sends a transaction twice.
 *
 * Failover: a client may know several nodes (rpc_client_add_node). A read
 * that cannot reach the current node moves on to the next one, which then
 * stays current; a send goes to the current node only. */
#ifndef PC_RPC_H
#define PC_RPC_H

#include <stdbool.h>
#include <stddef.h>

#include <cjson/cJSON.h>

#include "eth/error.h"

#define RPC_DEFAULT_TIMEOUT_S 30

typedef struct rpc_client rpc_client;

/* Call once from main before any client exists (libcurl's global init). */
pc_status rpc_global_init(pc_error *err);
void rpc_global_cleanup(void);

pc_status rpc_client_new(const char *url, long timeout_s, rpc_client **out, pc_error *err);
void rpc_client_free(rpc_client *c);
/* Adds a further node to fail over to (up to RPC_MAX_NODES in all). */
#define RPC_MAX_NODES 8
pc_status rpc_client_add_node(rpc_client *c, const char *url, pc_error *err);
/* The node in use now, as shown to people: scheme, host and port only.
 * Credentials, paths and queries (API keys) are never shown. */
const char *rpc_client_url(const rpc_client *c);
/* That form of any node URL, into out (cut to cap). */
void rpc_url_shown(const char *url, char *out, size_t cap);
/* The place of the node in use in the client's list (0 for the first
 * --rpc node), below RPC_MAX_NODES: what a caller remembers per node. */
size_t rpc_client_node_index(const rpc_client *c);
/* How many times the client has moved on to another node: a change tells
 * that the node in use may not have seen what an earlier one was sent. */
unsigned long rpc_client_moves(const rpc_client *c);
/* Moves on to the next node, if there is another. For the caller that
 * knows a node failed where the client would not move by itself: a send
 * that did not reach it, before the same signed bytes are sent again. */
void rpc_client_fail_over(rpc_client *c);
/* Trusts the CA certificates in `path` (PEM) for https nodes, instead of
 * the system's; the file must be readable now. */
pc_status rpc_client_set_cacert(rpc_client *c, const char *path, pc_error *err);
/* Number of requests (HTTP or socket round trips) made so far (for benchmarks and tests). */
unsigned long rpc_client_request_count(const rpc_client *c);

/* When the last failure was a JSON-RPC error object: its code, and its
 * revert data (hex) where a node puts it -- the "data" member itself (geth,
 * anvil, Ganache's eth_call), or its "data" (Hardhat) or "result" (Ganache's
 * eth_estimateGas) member -- else NULL. Valid until the next call on this
 * client. */
typedef struct rpc_error_info {
    bool present;
    long code;
    const char *data_hex;
} rpc_error_info;
rpc_error_info rpc_client_last_error(const rpc_client *c);

/* One call. `params` is a JSON array, always consumed (freed) by this
 * function; NULL means []. *result receives the "result" member, detached
 * and owned by the caller. */
pc_status rpc_call(rpc_client *c, const char *method, cJSON *params, bool retry, cJSON **result,
                   pc_error *err);

/* A batch of calls sent in one HTTP request. */
typedef struct rpc_batch rpc_batch;

rpc_batch *rpc_batch_new(void);
void rpc_batch_free(rpc_batch *b);
/* Adds a call (params consumed as for rpc_call); returns its index, or -1 on
 * allocation failure. */
int rpc_batch_add(rpc_batch *b, const char *method, cJSON *params);
/* Sends the batch; an error here means the whole round trip failed. Answers
 * may come in any order and are matched by id; a missing or duplicate
 * answer is a malformed answer. */
pc_status rpc_batch_send(rpc_client *c, rpc_batch *b, bool retry, pc_error *err);
/* The result of call i (owned by the batch), or NULL with err filled when
 * that call got a JSON-RPC error. */
const cJSON *rpc_batch_result(const rpc_batch *b, size_t i, pc_error *err);

#endif
