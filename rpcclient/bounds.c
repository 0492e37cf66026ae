#include "rpcclient/bounds.h"

#include <string.h>

#define KIB ((size_t)1024)
#define MIB (KIB * KIB)

/* Room for the envelope and an error object with data: about ten values. */
#define ONE_VALUE_ANSWER 64

static const struct {
    const char *method;
    rpc_bound bound;
} BOUNDS[] = {
    /* One quantity or hash. */
    { "eth_chainId", { 64 * KIB, ONE_VALUE_ANSWER } },
    { "eth_blockNumber", { 64 * KIB, ONE_VALUE_ANSWER } },
    { "eth_gasPrice", { 64 * KIB, ONE_VALUE_ANSWER } },
    { "eth_maxPriorityFeePerGas", { 64 * KIB, ONE_VALUE_ANSWER } },
    { "eth_estimateGas", { 64 * KIB, ONE_VALUE_ANSWER } },
    { "eth_getTransactionCount", { 64 * KIB, ONE_VALUE_ANSWER } },
    { "eth_getBalance", { 64 * KIB, ONE_VALUE_ANSWER } },
    { "eth_sendRawTransaction", { 64 * KIB, ONE_VALUE_ANSWER } },
    /* One hex string: call results (lists of units or orders) and code. */
    { "eth_call", { 16 * MIB, ONE_VALUE_ANSWER } },
    { "eth_getCode", { 1 * MIB, ONE_VALUE_ANSWER } },
    /* Records: a transaction, a receipt with its logs. */
    { "eth_getTransactionByHash", { 4 * MIB, 64 * KIB } },
    { "eth_getTransactionReceipt", { 8 * MIB, 512 * KIB } },
    /* Simulations: a call frame with its logs; a block of calls with theirs
     * (a meter's batch of readings, two figure reads per account around a
     * transaction). */
    { "debug_traceCall", { 8 * MIB, 512 * KIB } },
    { "eth_simulateV1", { 16 * MIB, 1 * MIB } },
    /* Lists: blocks with their transactions, logs. Honest entries spend
     * 30 bytes or more per value (hashes, addresses, 0x-quantities with
     * their keys); one value per 16 bytes leaves room. */
    { "eth_getBlockByNumber", { 32 * MIB, 2 * MIB } },
    { "eth_getLogs", { 32 * MIB, 2 * MIB } },
};

static const rpc_bound OTHER = { 1 * MIB, 64 * KIB };
/* A batch never gets more room than the longest list. */
static const rpc_bound LARGEST = { 32 * MIB, 2 * MIB };

rpc_bound rpc_bound_for(const char *method)
{
    for (size_t i = 0; i < sizeof BOUNDS / sizeof BOUNDS[0]; i++)
        if (strcmp(BOUNDS[i].method, method) == 0)
            return BOUNDS[i].bound;
    return OTHER;
}

static size_t saturating_add(size_t a, size_t b)
{
    return a > (size_t)-1 - b ? (size_t)-1 : a + b;
}

void rpc_bound_add(rpc_bound *sum, rpc_bound one)
{
    sum->bytes = saturating_add(sum->bytes, one.bytes);
    sum->values = saturating_add(sum->values, one.values);
    if (sum->bytes > LARGEST.bytes)
        sum->bytes = LARGEST.bytes;
    if (sum->values > LARGEST.values)
        sum->values = LARGEST.values;
}
