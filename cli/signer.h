/* The account a command acts as: a hex key file (--private-key-file) or a
 * keystore account (--account, --keystore, --password-file). */
#ifndef PC_SIGNER_H
#define PC_SIGNER_H

#include <stdbool.h>

#include "cli/cli.h"
#include "eth/address.h"
#include "eth/error.h"
#include "keystore/secret.h"

/* The selected account's address without unlocking anything; *has is false
 * when no account is selected (reads then go without `from`). The one
 * exception: a keystore file without an address field (Foundry's) whose
 * address is not learnt yet is unlocked once (its password asked) to learn
 * it; signers that unlock anyway call signer_unlock first. Codes: a key
 * file's (PC_EIO, PC_EINPUT: secret_hex_key_file_address), PC_EINPUT for a
 * malformed --account address, wallet_select_account's and
 * keystore_unlock_account's. */
pc_status signer_address(const cli_ctx *ctx, eth_address *out, bool *has, pc_error *err);

/* Unlocks the selected account's key into guarded memory (caller frees with
 * secret_free). With no account selected, the keystore's only usable account
 * (wallet/account.h: the rule the panel follows too). A key file's address
 * is learnt and recorded here (keystore_unlock). Codes: the key file's
 * (secret_load_hex_key_file, PC_EINPUT for a key that is not one),
 * wallet_select_account's and keystore_unlock_account's. */
pc_status signer_unlock(const cli_ctx *ctx, secret **key, eth_address *address, pc_error *err);

#endif
