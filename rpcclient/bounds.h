/* How large a node's answer to each method may be, in bytes and in JSON
 * values, checked before the answer is parsed.
 *
 * Why both: cJSON allocates one node of about 80 bytes (64 and the
 * allocator's share) per value, so a bound on bytes alone does not bound
 * memory: 32 MiB of "[0,0,0..." is 16 million values, 1.24 GiB of tree.
 * The parsed tree is at most values * 80 + bytes.
 *
 * Why per method: what a method may rightly send differs by orders of
 * magnitude. A quantity (eth_chainId, eth_blockNumber) is one short string;
 * eth_call is one hex string, long or short; a receipt is a record with its
 * logs; eth_getLogs and a block with its transactions are long lists. Each
 * gets room for the largest honest answer with a wide margin, and a hostile
 * node can make the client spend no more than that. */
#ifndef PC_BOUNDS_H
#define PC_BOUNDS_H

#include <stddef.h>

typedef struct rpc_bound {
    size_t bytes;
    size_t values;
} rpc_bound;

/* The bound for one answer to `method` (an unknown method gets a middle
 * one), including its JSON-RPC envelope and an error object. */
rpc_bound rpc_bound_for(const char *method);

/* A batch answer may hold what its calls' answers may, together, and never
 * more than the largest single answer (32 MiB, 2 Mi values). */
void rpc_bound_add(rpc_bound *sum, rpc_bound one);

#endif
