/* Sending transactions: fee, nonce and gas from the node, signing with a
 * guarded key, sending exactly once, and waiting for the receipt.
 *
 * Fee choice: when the latest block has baseFeePerGas the transaction is of
 * type 2 (max fee = 2 * base fee + priority fee), otherwise type 0 with
 * eth_gasPrice. The gas limit is eth_estimateGas plus a quarter. Nothing is
 * signed when the node's chain id differs from the expected one. */
#ifndef PC_SENDER_H
#define PC_SENDER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "eth/address.h"
#include "eth/error.h"
#include "eth/tx.h"
#include "keystore/secret.h"
#include "rpcclient/node.h"
#include "rpcclient/rpc.h"

typedef struct sender_request {
    eth_address from;
    bool has_to;               /* false: contract creation */
    eth_address to;
    const uint8_t *data;       /* not owned; must outlive the prepared tx */
    size_t data_len;
    bool has_chain_id;         /* the chain id the person expects */
    uint64_t chain_id;
    bool has_nonce;            /* a nonce chosen by the caller (meter runs) */
    uint64_t nonce;
} sender_request;

/* Asks the node, in one batch, for everything the transaction needs and
 * fills tx. An estimate that fails because the call reverts is PC_ETX with
 * the revert reason. */
pc_status sender_prepare(rpc_client *c, const sender_request *req, eth_tx *tx, pc_error *err);

/* Signs with key (which must belong to `from`: checked) and sends once.
 * hash receives the transaction hash as soon as it is signed (it stays all
 * zero when signing failed), so that after a lost answer the caller can
 * still look for it. */
pc_status sender_send(rpc_client *c, const eth_tx *tx, secret *key, const eth_address *from,
                      uint8_t hash[32], pc_error *err);

/* Called about every 100 ms while waiting, e.g. to turn a spinner. */
typedef void (*sender_progress_fn)(void *user, unsigned elapsed_ms);

/* Polls for the receipt until it comes or timeout_ms passes (PC_ETIMEOUT,
 * naming the hash so the person can look it up later). Node failures while
 * polling are retried until the deadline. */
pc_status sender_wait(rpc_client *c, const uint8_t hash[32], unsigned timeout_ms,
                      sender_progress_fn progress, void *user, node_receipt *out,
                      pc_error *err);

/* The revert reason of a reverted transaction, found by repeating its call
 * with eth_call on the state before its block. Always gives a text. */
char *sender_revert_reason(rpc_client *c, const eth_address *from, const eth_address *to,
                           const uint8_t *data, size_t len, uint64_t block);

#endif
