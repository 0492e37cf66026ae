#include "cli/signer.h"

#include <stdlib.h>
#include <string.h>

#include "eth/secp.h"
#include "keystore/keystore.h"
#include "wallet/account.h"

/* The keystore of --keystore, else the default folder's (close with
 * keystore_close and free *dir). */
static pc_status open_keystore(const cli_ctx *ctx, keystore **ks, char **dir, pc_error *err)
{
    *ks = NULL;
    *dir = NULL;
    pc_status st = ctx->keystore_dir ? PC_OK : keystore_default_dir(dir, err);
    return st == PC_OK ? keystore_open(ctx->keystore_dir ? ctx->keystore_dir : *dir, ks, err)
                       : st;
}

pc_status signer_address(const cli_ctx *ctx, eth_address *out, bool *has, pc_error *err)
{
    *has = false;
    if (ctx->private_key_file) {
        pc_status st = secret_hex_key_file_address(ctx->private_key_file, out, err);
        *has = st == PC_OK;
        return st;
    }
    if (!ctx->account)
        return PC_OK;
    /* An address needs no keystore to be read as. */
    if (strncmp(ctx->account, "0x", 2) == 0 || strncmp(ctx->account, "0X", 2) == 0) {
        pc_status st = eth_address_parse(ctx->account, out, err);
        if (st != PC_OK)
            return pc_error_prefix(err, "--account");
        *has = true;
        return PC_OK;
    }
    char *dir = NULL;
    keystore *ks = NULL;
    const keystore_account *acc;
    pc_status st = open_keystore(ctx, &ks, &dir, err);
    if (st == PC_OK)
        st = wallet_select_account(ks, ctx->account, &acc, err);
    if (st == PC_OK && !acc->has_address) {
        /* A key file without an address field (Foundry's) tells its address
         * only once decrypted: unlocked now, this once, and recorded. */
        secret *key = NULL;
        st = keystore_unlock_account(ctx->keystore_dir, ctx->account, ctx->password_file, &key,
                                     out, err);
        secret_free(key);
    } else if (st == PC_OK) {
        *out = acc->address;
    }
    *has = st == PC_OK;
    keystore_close(ks);
    free(dir);
    return st;
}

pc_status signer_unlock(const cli_ctx *ctx, secret **key, eth_address *address, pc_error *err)
{
    if (ctx->private_key_file) {
        pc_status st = secret_load_hex_key_file(ctx->private_key_file, key, err);
        if (st != PC_OK)
            return st;
        st = secp_privkey_to_address(secret_open(*key), address, err);
        secret_close(*key);
        if (st != PC_OK) {
            secret_free(*key);
            *key = NULL;
        }
        return st;
    }
    /* The account chosen, or the only usable one: the rule the panel
     * follows too. */
    char *dir = NULL, selector[WALLET_SELECTOR_MAX];
    keystore *ks = NULL;
    const keystore_account *acc;
    pc_status st = open_keystore(ctx, &ks, &dir, err);
    if (st == PC_OK && (st = wallet_select_account(ks, ctx->account, &acc, err)) == PC_OK)
        wallet_account_selector(acc, selector);
    keystore_close(ks);
    free(dir);
    *key = NULL;
    return st == PC_OK ? keystore_unlock_account(ctx->keystore_dir, selector,
                                                 ctx->password_file, key, address, err)
                       : st;
}
