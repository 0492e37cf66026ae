/* One nonce sequence per account and chain on this machine: a process takes
 * the lock of the account on its chain (flock on a file in
 * $XDG_RUNTIME_DIR/powerchain, else /tmp/powerchain-<uid>) from asking the
 * node for the next nonce until the node has the signed transaction, so that
 * two powerchain processes signing for the same account never pick the same
 * nonce. A chain is its chain id and genesis block: the same account on
 * another chain (anvil's development keys on two local chains with one chain
 * id, say) does not wait. The lock goes with the process if it dies. */
#ifndef WALLET_NONCE_LOCK_H
#define WALLET_NONCE_LOCK_H

#include <stdint.h>

#include "eth/address.h"
#include "eth/error.h"

typedef struct nonce_lock {
    int fd;
} nonce_lock;

/* Waits up to wait_s seconds for the lock; PC_ETIMEOUT names the account
 * and the lock file when another process holds it that long. */
pc_status nonce_lock_take(uint64_t chain_id, const uint8_t genesis_hash[32],
                          const eth_address *account, unsigned wait_s, nonce_lock *out,
                          pc_error *err);
void nonce_lock_release(nonce_lock *l);

#endif
