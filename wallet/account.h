/* Which keystore account a front end acts as: the rule the command line
 * (cli/signer.c) and the panel (tui/wallet.c) both follow, written once.
 *
 * An account can be used when its key file can (keystore_account's problem
 * is PC_OK), whether its address is known or will be learnt at its first
 * unlock: a key file without an address field (Foundry's) that was never
 * unlocked can sign, its password tells the address, so it counts as an
 * account like any other. A file that cannot be read or parsed never does.
 *
 * Pure rules over an open keystore: nothing is unlocked or written here. */
#ifndef WALLET_ACCOUNT_H
#define WALLET_ACCOUNT_H

#include <stddef.h>

#include "eth/address.h"
#include "eth/error.h"
#include "keystore/keystore.h"

/* The only usable account of ks, for a front end given none. *out is the
 * account (borrowed from ks: valid until ks changes), or NULL with
 * PC_EINPUT when ks holds none ("create one with `powerchain account
 * new`") or more than one ("choose one with --account"). */
pc_status wallet_only_account(const keystore *ks, const keystore_account **out,
                              pc_error *err);

/* The account `selector` names (its address, its name or its key file's
 * name, as keystore_find takes them), or with selector NULL the only usable
 * one. Codes: keystore_find's for a name it does not know (PC_EINPUT);
 * the file's own problem (its status: PC_EDATA, PC_EIO, ...) for an
 * account that cannot be used; wallet_only_account's. *out is NULL on
 * failure. */
pc_status wallet_select_account(const keystore *ks, const char *selector,
                                const keystore_account **out, pc_error *err);

/* Room for wallet_account_selector's text: an address, or a file's name. */
#define WALLET_SELECTOR_MAX 256

/* The text that names `a` again to keystore_find and keystore_unlock: its
 * checksummed address when known, else its key file's name (a file whose
 * address is learnt at its first unlock). Cut to the room. */
void wallet_account_selector(const keystore_account *a, char out[WALLET_SELECTOR_MAX]);

#endif
