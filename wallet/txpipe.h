/* The one transaction pipeline under the command line and the panel:
 *
 *   nonce lock -> prepare (nonce, fee, gas) -> confirm (a hook) -> sign with
 *   the unlocked key (checked against the sending account) -> send once ->
 *   release the lock -> wait for the receipt (a node that fails over gets
 *   the same signed bytes again) -> outcome (Info/Error events, status,
 *   revert reason).
 *
 * wallet_tx_run does it all in that order, for the command line (whose
 * terminal prompt so runs under the lock, as it always did; scripts use
 * --yes and never hold it waiting for a person). The stages are public
 * for the callers that split the pipeline: the panel prepares without the
 * lock for its dialog and, once the person confirmed, sends with
 * wallet_tx_send_prepared, which takes the lock and re-reads the nonce under
 * it, so that a transaction another process sent meanwhile does not make
 * this one "nonce too low"; `meter run` holds the lock for a whole run and
 * signs readings with consecutive nonces (sender_sign, which checks the
 * key, then wallet_tx_send_signed, wallet_tx_next_nonce).
 *
 * Errors carry their cause (eth/error.h): PC_CAUSE_WRONG_CHAIN when the
 * node is not on the expected chain (nothing signed), PC_CAUSE_KEY when the
 * key is not the sending account's, what the confirm hook set when it said
 * no (the command line's: PC_CAUSE_CANCELLED), the node's causes otherwise. */
#ifndef WALLET_TXPIPE_H
#define WALLET_TXPIPE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "eth/address.h"
#include "eth/bytes.h"
#include "eth/error.h"
#include "eth/tx.h"
#include "keystore/secret.h"
#include "rpcclient/node.h"
#include "rpcclient/powerchain.h"
#include "rpcclient/rpc.h"
#include "rpcclient/sender.h"
#include "wallet/nonce_lock.h"

#define WALLET_DEFAULT_WAIT_S 120

/* One transaction to send. Nothing is owned: data must outlive every stage
 * that is given this struct. */
typedef struct wallet_tx {
    eth_address from;
    bool has_to;              /* false: contract creation */
    eth_address to;
    const uint8_t *data;
    size_t data_len;
    bool has_chain_id;        /* the chain the person expects (else the node's) */
    uint64_t chain_id;
    unsigned wait_s;          /* longest wait for the nonce lock, and for the receipt */
    sender_fees fees;         /* the person's gas limit and fees, else the node's */
    u256 fee_cap;             /* the most, in wei, the fee may reach (wallet_tx_check_fee) */
} wallet_tx;

typedef struct wallet_tx_hooks {
    /* After prepare, before signing, with the lock held; PC_OK goes on,
     * anything else (err filled) stops with nothing sent. NULL: go on. */
    pc_status (*confirm)(void *user, const eth_tx *tx, pc_error *err);
    /* The node has the transaction; called before the wait. May be NULL. */
    void (*sent)(void *user, const uint8_t hash[32]);
    sender_watch watch;       /* progress and resends while waiting */
    void *user;               /* for confirm and sent */
} wallet_tx_hooks;

/* A transaction the node has: its hash and signed bytes (for a node that
 * never saw them). Free raw with bytebuf_free. */
typedef struct wallet_sent {
    uint8_t hash[32];
    bytebuf raw;
} wallet_sent;

/* Every stage in order. key stays owned by the caller. On PC_OK *receipt
 * (node_receipt_free) and *outcome (pc_outcome_free) are filled, whatever
 * the transaction's own success (see wallet_outcome_cause). A send whose
 * answer was lost after signing is PC_ENODE whose message names the hash. */
pc_status wallet_tx_run(rpc_client *c, const pc_contract *k, const wallet_tx *t, secret *key,
                        const wallet_tx_hooks *h, node_receipt *receipt, pc_outcome *outcome,
                        pc_error *err);

/* Stage: the nonce lock of t->from on the node's chain (chain id and
 * genesis block, one request). *chain_id receives the chain id, which must
 * equal t->chain_id when given. Release with nonce_lock_release. */
pc_status wallet_tx_lock(rpc_client *c, const wallet_tx *t, nonce_lock *lock,
                         uint64_t *chain_id, pc_error *err);

/* Stage: nonce, fee and gas from the node (sender_prepare; t->fees replace
 * its word), for the chain t expects, then wallet_tx_check_fee against
 * t->fee_cap. Takes no lock: under a lock, the nonce is the one to use. */
pc_status wallet_tx_prepare(rpc_client *c, const wallet_tx *t, eth_tx *tx, pc_error *err);

/* The cap on what one transaction may cost: its highest possible fee, gas
 * limit x max fee per gas (type 2) or x gas price (type 0), in wei. The
 * total, not the price per gas, because a node can inflate either factor
 * (its gas estimate or its suggested price) and the total is what the
 * account can lose. The default (a zeroed wallet_tx) is 0, which suits the
 * zero-fee networks PowerChain runs on: any fee there means that a node or
 * a setting asks for one.
 *
 * The transaction's highest possible fee against cap: above it is
 * PC_EINPUT (cause PC_CAUSE_INPUT) saying the fee, the cap and how to raise
 * it; nothing is signed then. The command line, the meter and the panel all
 * check through here. */
pc_status wallet_tx_check_fee(const eth_tx *tx, const u256 *cap, pc_error *err);

/* Stage: the account's next nonce, pending transactions counted. */
pc_status wallet_tx_next_nonce(rpc_client *c, const eth_address *from, uint64_t *nonce,
                               pc_error *err);

/* What wallet_tx_send_signed tells while it tries again. */
typedef void (*wallet_retry_fn)(void *user, const pc_error *why);

/* Stage: sends signed bytes. A node that cannot be reached (or did not
 * answer in time) is left for the next one and the same bytes are sent
 * again every second, up to `tries` times (same nonce, same hash: mined at
 * most once); retry (may be NULL) hears about the first such failure. A
 * refusal is success when the node knows the hash (an earlier try got
 * through). *answer_lost tells whether any try went unanswered. */
pc_status wallet_tx_send_signed(rpc_client *c, const bytebuf *raw, const uint8_t hash[32],
                                unsigned tries, wallet_retry_fn retry, void *user,
                                bool *answer_lost, pc_error *err);

/* Stages after a confirmation that ran without the lock (the panel's
 * dialog): takes the lock (t->chain_id should be tx->chain_id), sets
 * tx->nonce to the account's next nonce read under it, signs, sends once
 * and releases the lock as soon as the node has the transaction (or
 * refused it). key stays owned by the caller. */
pc_status wallet_tx_send_prepared(rpc_client *c, const wallet_tx *t, eth_tx *tx, secret *key,
                                  wallet_sent *sent, pc_error *err);

/* Stage: the outcome of a mined transaction t (events, status, and for a
 * revert its reason, asked of the node). Free with pc_outcome_free. */
pc_status wallet_tx_outcome(rpc_client *c, const pc_contract *k, const wallet_tx *t,
                            const node_receipt *r, pc_outcome *out, pc_error *err);

/* How a mined transaction ended, as a code: PC_CAUSE_NONE (status 1, no
 * Error event), PC_CAUSE_REVERTED (status 0) or PC_CAUSE_ERROR_EVENT. */
pc_cause wallet_outcome_cause(const pc_outcome *o);

#endif
