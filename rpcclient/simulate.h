/* Running transactions on a node's state without sending them: the node
 * calls behind wallet/simulate.h, each answer parsed as hostile input.
 *
 *   eth_simulateV1   (execution-apis) one simulated block on top of
 *                    "latest", its calls applied in order, each answering
 *                    status, gasUsed, returnData and logs; validation off,
 *                    so that it behaves as eth_call does (no nonce, fee or
 *                    balance checks) while the transaction's own gas limit
 *                    still bounds it. Code overrides of the block's state
 *                    (stateOverrides) let a caller place a reader of its own.
 *   debug_traceCall  one call, {"tracer":"callTracer","tracerConfig":
 *                    {"withLog":true}}: its frames, their logs, gasUsed,
 *                    output and error.
 *   eth_call         revert or not, and the revert reason (rpcclient/node.h).
 *
 * What a node offers is probed once per node of the client's list (a
 * failover may land on a node that offers less) with one batch of two
 * harmless requests, and remembered in a sim_offers the caller keeps: any
 * JSON-RPC error to a probe means "not offered" (nodes answer -32601,
 * Hardhat -32004, Ganache -32700 for methods they lack, and Hardhat -32602
 * for a tracer it lacks).
 *
 * Bounds: an answer is refused when a block holds another number of calls
 * than were sent, a call's gasUsed exceeds what it was allowed, a frame
 * nests deeper than SIM_MAX_DEPTH, or a call holds more than SIM_MAX_LOGS
 * logs; byte and value bounds per method are rpcclient/bounds.c's.
 * Malformed answers are PC_ENODE, cause PC_CAUSE_MALFORMED, naming what. */
#ifndef PC_SIMULATE_H
#define PC_SIMULATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <cjson/cJSON.h>

#include "eth/address.h"
#include "eth/bytes.h"
#include "eth/error.h"
#include "eth/tx.h"
#include "rpcclient/node.h"
#include "rpcclient/rpc.h"

#define SIM_MAX_DEPTH 64
#define SIM_MAX_LOGS 1024
/* The most calls one simulated block may hold (a node's own limit may be lower). */
#define SIM_MAX_CALLS 1024

/* How a transaction was run, from the richest to the poorest. */
typedef enum sim_method {
    SIM_UNKNOWN = 0,  /* not probed yet */
    SIM_SIMULATE_V1,  /* eth_simulateV1 */
    SIM_TRACE_CALL,   /* debug_traceCall with the callTracer */
    SIM_ETH_CALL,     /* eth_call: only whether it reverts */
} sim_method;

/* The JSON-RPC method's name ("eth_simulateV1", "debug_traceCall",
 * "eth_call"); "none" for SIM_UNKNOWN. */
const char *sim_method_name(sim_method m);

/* What each node of one client offers, by its place in the client's node
 * list (rpc_client_node_index). Zero-initialise; one per client. */
typedef struct sim_offers {
    sim_method best[RPC_MAX_NODES];
} sim_offers;

/* The best method the node in use offers: remembered, or probed now (one
 * batch) and remembered for that node. PC_ENODE only when the probe could
 * not reach a node (nothing is remembered then), PC_ENOMEM. */
pc_status sim_probe(rpc_client *c, sim_offers *o, sim_method *out, pc_error *err);

/* One call as the node should run it. Only from and data are required;
 * data is borrowed. */
typedef struct sim_call {
    eth_address from;
    bool has_to;            /* false: a contract creation */
    eth_address to;
    const uint8_t *data;
    size_t data_len;
    bool has_gas;           /* else the node's default (the block's gas) */
    uint64_t gas;
    bool has_nonce;
    uint64_t nonce;
    bool has_fees;          /* the transaction's fee fields, by tx_type */
    eth_tx_type tx_type;
    u256 gas_price;         /* ETH_TX_LEGACY */
    u256 max_fee, max_priority_fee; /* ETH_TX_EIP1559 */
} sim_call;

/* A sim_call for a prepared transaction from `from`: every field of it. */
sim_call sim_call_of_tx(const eth_tx *tx, const eth_address *from);

/* What one call did. */
typedef struct sim_result {
    uint64_t status;        /* 1: ran to its end; 0: reverted or failed */
    bool has_gas_used;      /* false only for eth_call */
    uint64_t gas_used;      /* intrinsic gas included, as a receipt's */
    bool has_max_used;      /* the node said the most gas the call ever held */
    uint64_t max_used_gas;
    bytebuf output;         /* return data, or revert data */
    node_log *logs;         /* owned; those of frames that did not fail, in order */
    size_t nlogs;
    char *error;            /* owned; the node's word for a failure (sanitized), or NULL */
} sim_result;

void sim_result_free(sim_result *r);

/* Code placed at an address for the simulated block only. */
typedef struct sim_override {
    eth_address address;
    const uint8_t *code;
    size_t code_len;
} sim_override;

/* eth_simulateV1 of calls[0..n) (1 <= n <= SIM_MAX_CALLS) in one block on
 * top of "latest", with the overrides (may be NULL when nov is 0); out
 * receives n results (each to free with sim_result_free). PC_EINPUT for n
 * out of range, PC_ENODE when the node cannot be reached, answers
 * malformed (cause PC_CAUSE_MALFORMED) or with a JSON-RPC error (cause
 * PC_CAUSE_REFUSED), PC_ENOMEM; on any error nothing is left to free. */
pc_status sim_block(rpc_client *c, const sim_override *ov, size_t nov, const sim_call *calls,
                    size_t n, sim_result *out, pc_error *err);

/* The eth_simulateV1 request of sim_block, as [payload, "latest"]
 * (NULL when out of memory), and its answer's parser (PC_ENODE, cause
 * PC_CAUSE_MALFORMED; PC_ENOMEM): for a caller that puts the request in a
 * batch of its own. */
cJSON *sim_block_params(const sim_override *ov, size_t nov, const sim_call *calls, size_t n);
pc_status sim_parse_block(const cJSON *v, const sim_call *calls, size_t n, sim_result *out,
                          pc_error *err);

/* debug_traceCall of one call on "latest" with the callTracer and its
 * logs: the logs of frames that did not fail, in the order the node says
 * they were emitted (a frame's logs before and after its subcalls by their
 * "position"). Errors as sim_block's. */
pc_status sim_trace(rpc_client *c, const sim_call *call, sim_result *out, pc_error *err);

/* The same split for a batch: the request's params (NULL when out of
 * memory) and the parser (PC_ENODE, cause PC_CAUSE_MALFORMED; PC_ENOMEM). */
cJSON *sim_trace_params(const sim_call *call);
pc_status sim_parse_trace(const cJSON *v, const sim_call *call, sim_result *out, pc_error *err);

#endif
