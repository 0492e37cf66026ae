/* The account the panel acts as, and the local keystore behind it.
 *
 * Two sources, as on the command line: a hex key file (--private-key-file,
 * read again for each signature) or a keystore account. A keystore account
 * is unlocked with its password (asked by the panel, or --password-file)
 * and its key stays in guarded memory for TUI_UNLOCK_SECONDS, then is wiped
 * and the password asked again. Keys live only in `secret`s.
 *
 * Used by the input thread only. */
#ifndef TUI_WALLET_H
#define TUI_WALLET_H

#include <stdbool.h>
#include <stddef.h>

#include "eth/address.h"
#include "eth/error.h"
#include "keystore/keystore.h"
#include "keystore/secret.h"
#include "tui/unlock.h"

#define TUI_UNLOCK_SECONDS 300

typedef struct tui_wallet_config {
    const char *private_key_file; /* NULL: the keystore */
    const char *keystore_dir;     /* NULL: the default folder */
    const char *account;          /* address or name; NULL: the only usable account
                                     (wallet/account.h), when there is one */
    const char *password_file;    /* NULL: asked in the panel */
} tui_wallet_config;

typedef struct tui_wallet tui_wallet;

/* Never fails for lack of an account: the panel then shows the chain read-only
 * and the Accounts page can create or import one. */
pc_status tui_wallet_open(const tui_wallet_config *cfg, tui_wallet **out, pc_error *err);
void tui_wallet_close(tui_wallet *w);

/* The selected account, if any. */
bool tui_wallet_address(const tui_wallet *w, eth_address *out);
/* Its keystore name, or "" (key files and unnamed accounts). */
const char *tui_wallet_name(const tui_wallet *w);

/* True when signing now needs a password typed in the panel. Wipes a key
 * whose time is up. */
bool tui_wallet_needs_password(tui_wallet *w);
/* Unlocks the selected keystore account with `password` (not kept). */
pc_status tui_wallet_unlock(tui_wallet *w, secret *password, pc_error *err);
/* The same off the input thread: starts decrypting with a copy of
 * password, and the finish (once tui_unlock_done) keeps the key, unless
 * another account was selected meanwhile. */
pc_status tui_wallet_unlock_start(tui_wallet *w, secret *password, tui_unlock **out,
                                  pc_error *err);
pc_status tui_wallet_unlock_finish(tui_wallet *w, tui_unlock *u, pc_error *err);
/* A copy of the key for one signature (caller frees with secret_free). */
pc_status tui_wallet_key(tui_wallet *w, secret **key, pc_error *err);
/* Wipes an unlocked key now. */
void tui_wallet_lock(tui_wallet *w);
/* Seconds the unlocked key has left (0 when locked). */
unsigned tui_wallet_unlocked_for(const tui_wallet *w);

/* ---- the keystore (absent when a key file is used) ---- */
bool tui_wallet_has_keystore(const tui_wallet *w);
size_t tui_wallet_count(const tui_wallet *w);
const keystore_account *tui_wallet_at(const tui_wallet *w, size_t i);
/* Selects another account (locks the previous one). An account whose
 * address is not learnt yet (a key file without address field) is
 * PC_EKEY: select it with tui_wallet_switch_unlock. */
pc_status tui_wallet_switch(tui_wallet *w, const char *address_or_name, pc_error *err);
/* Selects the account `name` (a key file's name, say) by unlocking it with
 * `password` (not kept), which learns its address; the key then stays
 * unlocked as after tui_wallet_unlock. */
pc_status tui_wallet_switch_unlock(tui_wallet *w, const char *name, secret *password,
                                   pc_error *err);
/* New account with a fresh key; becomes the selected account. name may be NULL. */
pc_status tui_wallet_create(tui_wallet *w, secret *password, const char *name, pc_error *err);
/* Imports a hex private key held in guarded memory (`hex`, its text). */
pc_status tui_wallet_import_key(tui_wallet *w, secret *hex, secret *password, const char *name,
                                pc_error *err);
/* Imports a V3 key file, decrypting it with its password. */
pc_status tui_wallet_import_file(tui_wallet *w, const char *path, secret *password,
                                 const char *name, pc_error *err);
pc_status tui_wallet_rename(tui_wallet *w, const char *account, const char *name,
                            pc_error *err);

#endif
