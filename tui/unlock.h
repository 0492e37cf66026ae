/* Unlocking a keystore account on a thread of its own: scrypt takes a
 * second or more, and the input thread keeps drawing meanwhile. The thread
 * opens the keystore folder itself and shares nothing with the caller until
 * tui_unlock_finish hands over the key. */
#ifndef TUI_UNLOCK_H
#define TUI_UNLOCK_H

#include <stdbool.h>

#include "eth/error.h"
#include "keystore/secret.h"

typedef struct tui_unlock tui_unlock;

/* Starts decrypting `account` (its address) of the keystore in `dir` with a
 * copy of password. */
pc_status tui_unlock_start(const char *dir, const char *account, secret *password,
                           tui_unlock **out, pc_error *err);
/* True once the thread has finished (never blocks). */
bool tui_unlock_done(tui_unlock *u);
/* The account it unlocks, as given to tui_unlock_start. */
const char *tui_unlock_account(const tui_unlock *u);
/* Waits for the thread and frees u; *key (guarded, the caller's to free)
 * or why not (a wrong password: keystore_unlock's message). */
pc_status tui_unlock_finish(tui_unlock *u, secret **key, pc_error *err);

#endif
