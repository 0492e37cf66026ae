/* One nonce sequence per account on this machine: a process takes the
 * account's lock (flock on a file in $XDG_RUNTIME_DIR/powerchain, else
 * /tmp/powerchain-<uid>) from asking the node for the next nonce until the
 * node has the signed transaction, so that two powerchain processes signing
 * for the same account never pick the same nonce. The lock goes with the
 * process if it dies. */
#ifndef PC_NONCE_LOCK_H
#define PC_NONCE_LOCK_H

#include "eth/address.h"
#include "eth/error.h"

typedef struct nonce_lock {
    int fd;
} nonce_lock;

/* Waits up to wait_s seconds for the lock; PC_ETIMEOUT names the account
 * and the lock file when another process holds it that long. */
pc_status nonce_lock_take(const eth_address *account, unsigned wait_s, nonce_lock *out,
                          pc_error *err);
void nonce_lock_release(nonce_lock *l);

#endif
