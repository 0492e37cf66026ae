/* One nonce sequence per account and chain on this machine: a process takes
 * the lock of the account on its chain (flock on a file in
 * $XDG_RUNTIME_DIR/powerchain, else /tmp/powerchain-<uid>) from asking the
 * node for the next nonce until the node has the signed transaction, so that
 * two powerchain processes signing for the same account never pick the same
 * nonce. A chain is its chain id and genesis block: the same account on
 * another chain (anvil's development keys on two local chains with one chain
 * id, say) does not wait. The lock goes with the process if it dies.
 *
 * The lock folder is created 0700 and refused (PC_EIO, saying how to fix
 * it) when it is not a folder, belongs to another user, or group or others
 * may use it: the lock files' names tell which accounts sign, and a folder
 * others can write lets them hold or swap the locks. Lock files are removed
 * on release, so they do not pile up; see nonce_lock.c for why that is safe
 * against a process about to take the same lock. A process that dies
 * leaves its file, which the next take of that lock reuses and removes. */
#ifndef WALLET_NONCE_LOCK_H
#define WALLET_NONCE_LOCK_H

#include <stdint.h>

#include "eth/address.h"
#include "eth/error.h"

#define NONCE_LOCK_NAME_MAX 128

typedef struct nonce_lock {
    int fd;     /* -1 when not held */
    int dir_fd; /* the lock folder, while held */
    char name[NONCE_LOCK_NAME_MAX]; /* the lock file's name in it */
} nonce_lock;

/* Waits up to wait_s seconds for the lock; PC_ETIMEOUT names the account
 * and the lock file when another process holds it that long. */
pc_status nonce_lock_take(uint64_t chain_id, const uint8_t genesis_hash[32],
                          const eth_address *account, unsigned wait_s, nonce_lock *out,
                          pc_error *err);
/* Removes the lock file and releases the lock; does nothing when not held. */
void nonce_lock_release(nonce_lock *l);

#endif
