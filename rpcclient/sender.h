/* Sending transactions: fee, nonce and gas from the node, signing with a
 * guarded key, sending exactly once, and waiting for the receipt.
 *
 * Fee choice: when the latest block has baseFeePerGas the transaction is of
 * type 2 (max fee = 2 * base fee + priority fee), otherwise type 0 with
 * eth_gasPrice. The gas limit is eth_estimateGas plus a quarter. What the
 * person chose (sender_fees) replaces the node's word. Nothing is signed
 * when the node's chain id differs from the expected one. */
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
    bool has_chain_id;         /* the chain id the person expects */
    uint64_t chain_id;
    bool has_nonce;            /* a nonce chosen by the caller (meter runs) */
    uint64_t nonce;
    sender_fees fees;
} sender_request;

/* Asks the node, in one batch, for everything the transaction needs and
 * fills tx. An estimate that fails because the call reverts is PC_ETX with
 * the revert reason. */
pc_status sender_prepare(rpc_client *c, const sender_request *req, eth_tx *tx, pc_error *err);

/* Signs with key, which must belong to `from` (checked: PC_EKEY, nothing
 * signed). hash receives the transaction hash, raw the signed bytes. */
pc_status sender_sign(const eth_tx *tx, secret *key, const eth_address *from, uint8_t hash[32],
                      bytebuf *raw, pc_error *err);

/* Signs with key (which must belong to `from`: checked) and sends once.
 * hash receives the transaction hash as soon as it is signed (it stays all
 * zero when signing failed), so that after a lost answer the caller can
 * still look for it. raw, when not NULL, receives the signed bytes (also on
 * a failed send), for sender_resend_if_unknown. A refusal from a node that
 * knows the transaction all the same is no failure: Hardhat mines a failing
 * transaction and answers with the failure; its receipt says what happened. */
pc_status sender_send(rpc_client *c, const eth_tx *tx, secret *key, const eth_address *from,
                      uint8_t hash[32], bytebuf *raw, pc_error *err);

/* A node that takes a transaction and dies before passing it on leaves the
 * next node without it. When the node in use does not know the transaction,
 * this sends it the same signed bytes (same nonce, same hash: it is mined at
 * most once) and sets *resent. A node that refuses them (its nonce already
 * used there: the transaction can never be mined on that chain) gives
 * PC_ETX; a node that cannot be reached gives PC_ENODE, to be tried again. */
pc_status sender_resend_if_unknown(rpc_client *c, const uint8_t hash[32], const bytebuf *raw,
                                   bool *resent, pc_error *err);

/* What the caller hears while sender_wait polls; every member may be NULL. */
typedef struct sender_watch {
    void (*progress)(void *user, unsigned elapsed_ms); /* about every 100 ms */
    void (*resent)(void *user, const char *node);      /* raw went to another node */
    void *user;
} sender_watch;

/* Polls for the receipt until it comes or timeout_ms passes (PC_ETIMEOUT,
 * naming the hash so the person can look it up later). Node failures while
 * polling are retried until the deadline. When the client moves to another
 * node meanwhile and raw is not NULL, sender_resend_if_unknown runs there. */
pc_status sender_wait(rpc_client *c, const uint8_t hash[32], const bytebuf *raw,
                      unsigned timeout_ms, const sender_watch *watch, node_receipt *out,
                      pc_error *err);

/* The revert reason of a reverted transaction, found by repeating its call
 * with eth_call on the state before its block. Always gives a text. */
char *sender_revert_reason(rpc_client *c, const eth_address *from, const eth_address *to,
                           const uint8_t *data, size_t len, uint64_t block);

#endif
