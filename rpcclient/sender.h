/* A transaction's fields from the node, and its signature with a guarded
 * key: the node-level pieces the transaction engine (wallet/engine.h)
 * puts in order.
 *
 * Fee choice: when the latest block has baseFeePerGas the transaction is of
 * type 2 (max fee = 2 * base fee + priority fee), otherwise type 0 with
 * eth_gasPrice. The gas limit is eth_estimateGas plus a quarter. What the
 * person chose (sender_fees) replaces the node's word. */
#ifndef PC_SENDER_H
#define PC_SENDER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "eth/address.h"
#include "eth/bytes.h"
#include "eth/error.h"
#include "eth/tx.h"
#include "keystore/secret.h"
#include "rpcclient/node.h"
#include "rpcclient/rpc.h"

/* The person's choices instead of the node's; each has_ false: the node's.
 * A chain with a base fee (London on) takes type 2 fees only, one without
 * takes a gas price only: the other kind is PC_EINPUT, as is a max fee below
 * the latest base fee. A max fee alone keeps the node's priority fee,
 * lowered to the max fee; a priority fee alone gets a max fee of twice the
 * base fee plus it; both given, the caller has checked that the priority
 * fee is not above the max fee. */
typedef struct sender_fees {
    bool has_gas_limit;        /* then eth_estimateGas is not called */
    uint64_t gas_limit;
    bool has_gas_price;        /* type 0 */
    u256 gas_price;
    bool has_max_fee;          /* type 2 */
    u256 max_fee;
    bool has_priority_fee;     /* type 2 */
    u256 priority_fee;
} sender_fees;

typedef struct sender_request {
    eth_address from;
    bool has_to;               /* false: contract creation */
    eth_address to;
    const uint8_t *data;       /* not owned; must outlive the prepared tx */
    size_t data_len;
    sender_fees fees;
} sender_request;

/* Asks the node, in one batch, for everything the transaction needs (chain
 * id, nonce, fees, gas) and fills tx. PC_ENODE when the node could not
 * answer (cause PC_CAUSE_REFUSED when it refused the estimate for another
 * reason than a revert), PC_EINPUT for fees of the wrong kind (sender_fees).
 * An estimate that fails because the call reverts is PC_ETX, cause
 * PC_CAUSE_REVERTED, with the revert reason; tx is filled all the same,
 * with a gas limit of 0, for a caller that still wants to simulate it. */
pc_status sender_prepare(rpc_client *c, const sender_request *req, eth_tx *tx, pc_error *err);

/* Signs with key, which must belong to `from` (checked: PC_EKEY, nothing
 * signed). hash receives the transaction hash, raw the signed bytes. */
pc_status sender_sign(const eth_tx *tx, secret *key, const eth_address *from, uint8_t hash[32],
                      bytebuf *raw, pc_error *err);

/* Whether key belongs to `from`: PC_OK, or PC_EKEY saying whose it is not. */
pc_status sender_key_check(secret *key, const eth_address *from, pc_error *err);

/* The revert reason of a reverted transaction, found by repeating its call
 * with eth_call on the state before its block. Always gives a text. */
char *sender_revert_reason(rpc_client *c, const eth_address *from, const eth_address *to,
                           const uint8_t *data, size_t len, uint64_t block);

#endif
