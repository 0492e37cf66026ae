#include "tui/wallet.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "eth/secp.h"
#include "keystore/keyfile.h"
#include "keystore/password.h"
#include "wallet/account.h"

struct tui_wallet {
    const char *key_file;
    const char *password_file;
    keystore *ks;             /* NULL with a key file */
    char *dir;
    const char *dir_used;     /* the keystore's folder: the configuration's, or dir */
    bool has_address;
    eth_address address;
    char selector[ETH_ADDRESS_TEXT_LEN]; /* the account, as its address */
    char name[KEYSTORE_NAME_MAX + 1];
    secret *key;              /* unlocked keystore key, or NULL */
    time_t unlocked_at;
};

static time_t now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec;
}


static void select_account(tui_wallet *w, const keystore_account *a)
{
    tui_wallet_lock(w);
    w->has_address = a && a->has_address;
    w->name[0] = '\0';
    w->selector[0] = '\0';
    if (!w->has_address)
        return;
    w->address = a->address;
    eth_address_to_checksum(&a->address, w->selector);
    if (a->name)
        snprintf(w->name, sizeof w->name, "%s", a->name);
}

pc_status tui_wallet_open(const tui_wallet_config *cfg, tui_wallet **out, pc_error *err)
{
    tui_wallet *w = calloc(1, sizeof *w);
    if (!w)
        return pc_fail(err, PC_ENOMEM, "out of memory");
    w->password_file = cfg->password_file;
    pc_status st = PC_OK;
    if (cfg->private_key_file) {
        w->key_file = cfg->private_key_file;
        st = secret_hex_key_file_address(w->key_file, &w->address, err);
        w->has_address = st == PC_OK;
    } else {
        if (!cfg->keystore_dir)
            st = keystore_default_dir(&w->dir, err);
        w->dir_used = cfg->keystore_dir ? cfg->keystore_dir : w->dir;
        if (st == PC_OK)
            st = keystore_open(w->dir_used, &w->ks, err);
        const keystore_account *a = NULL;
        if (st == PC_OK && cfg->account)
            st = keystore_find(w->ks, cfg->account, &a, err);
        else if (st == PC_OK) /* none when there is none, or several: read only */
            wallet_only_account(w->ks, &a, NULL);
        if (st == PC_OK)
            select_account(w, a);
    }
    if (st != PC_OK) {
        tui_wallet_close(w);
        return st;
    }
    *out = w;
    return PC_OK;
}

void tui_wallet_close(tui_wallet *w)
{
    if (!w)
        return;
    tui_wallet_lock(w);
    keystore_close(w->ks);
    free(w->dir);
    free(w);
}

bool tui_wallet_address(const tui_wallet *w, eth_address *out)
{
    if (w->has_address)
        *out = w->address;
    return w->has_address;
}

const char *tui_wallet_name(const tui_wallet *w)
{
    return w->name;
}

void tui_wallet_lock(tui_wallet *w)
{
    secret_free(w->key);
    w->key = NULL;
}

unsigned tui_wallet_unlocked_for(const tui_wallet *w)
{
    if (!w->key)
        return 0;
    time_t used = now() - w->unlocked_at;
    return used >= TUI_UNLOCK_SECONDS ? 0 : (unsigned)(TUI_UNLOCK_SECONDS - used);
}

bool tui_wallet_needs_password(tui_wallet *w)
{
    if (w->key && tui_wallet_unlocked_for(w) == 0)
        tui_wallet_lock(w);
    return !w->key_file && !w->key && !w->password_file;
}

pc_status tui_wallet_unlock(tui_wallet *w, secret *password, pc_error *err)
{
    if (!w->ks || !w->has_address)
        return pc_fail(err, PC_EKEY, "no keystore account selected");
    tui_wallet_lock(w);
    pc_status st = keystore_unlock(w->ks, w->selector, password, &w->key, NULL, err);
    w->unlocked_at = now();
    return st;
}

pc_status tui_wallet_unlock_start(tui_wallet *w, secret *password, tui_unlock **out,
                                  pc_error *err)
{
    if (!w->ks || !w->has_address)
        return pc_fail(err, PC_EKEY, "no keystore account selected");
    return tui_unlock_start(w->dir_used, w->selector, password, out, err);
}

pc_status tui_wallet_unlock_finish(tui_wallet *w, tui_unlock *u, pc_error *err)
{
    secret *key = NULL;
    bool same = w->has_address && strcmp(tui_unlock_account(u), w->selector) == 0;
    pc_status st = tui_unlock_finish(u, &key, err);
    if (st == PC_OK && !same) {
        secret_free(key);
        return pc_fail(err, PC_EKEY, "another account was selected meanwhile");
    }
    if (st == PC_OK) {
        tui_wallet_lock(w);
        w->key = key;
        w->unlocked_at = now();
    }
    return st;
}

static pc_status copy_secret(secret *from, secret **out, pc_error *err)
{
    pc_status st = secret_new(secret_len(from), out, err);
    if (st != PC_OK)
        return st;
    memcpy(secret_open(*out), secret_open(from), secret_len(from));
    secret_close(from);
    secret_close(*out);
    return PC_OK;
}

pc_status tui_wallet_key(tui_wallet *w, secret **key, pc_error *err)
{
    *key = NULL;
    if (!w->has_address)
        return pc_fail(err, PC_EKEY, "no account selected (Accounts page: create or import one)");
    if (w->key_file)
        return secret_load_hex_key_file(w->key_file, key, err);
    if (!w->key && w->password_file) {
        secret *pw;
        pc_status st = password_from_file(w->password_file, &pw, err);
        if (st == PC_OK)
            st = tui_wallet_unlock(w, pw, err);
        secret_free(pw);
        if (st != PC_OK)
            return st;
    }
    if (!w->key || tui_wallet_unlocked_for(w) == 0)
        return pc_fail(err, PC_EKEY, "the account is locked");
    return copy_secret(w->key, key, err);
}

bool tui_wallet_has_keystore(const tui_wallet *w)
{
    return w->ks != NULL;
}

size_t tui_wallet_count(const tui_wallet *w)
{
    return w->ks ? keystore_count(w->ks) : 0;
}

const keystore_account *tui_wallet_at(const tui_wallet *w, size_t i)
{
    return keystore_at(w->ks, i);
}

static pc_status need_keystore(const tui_wallet *w, pc_error *err)
{
    return w->ks ? PC_OK
                 : pc_fail(err, PC_EINPUT, "the panel signs with --private-key-file; "
                                           "start it without that option to use the keystore");
}

pc_status tui_wallet_switch(tui_wallet *w, const char *address_or_name, pc_error *err)
{
    const keystore_account *a;
    pc_status st = need_keystore(w, err);
    if (st == PC_OK)
        st = keystore_find(w->ks, address_or_name, &a, err);
    if (st == PC_OK && !a->has_address)
        st = pc_fail(err, PC_EKEY, "%s cannot be used: %s", address_or_name,
                     a->problem_msg ? a->problem_msg
                                    : "its address is learnt when it is first unlocked");
    if (st == PC_OK)
        select_account(w, a);
    return st;
}

pc_status tui_wallet_switch_unlock(tui_wallet *w, const char *name, secret *password,
                                   pc_error *err)
{
    secret *key = NULL;
    eth_address a;
    char text[ETH_ADDRESS_TEXT_LEN];
    pc_status st = need_keystore(w, err);
    if (st == PC_OK)
        st = keystore_unlock(w->ks, name, password, &key, &a, err);
    if (st == PC_OK) {
        eth_address_to_checksum(&a, text);
        st = tui_wallet_switch(w, text, err);
    }
    if (st != PC_OK) {
        secret_free(key);
        return st;
    }
    w->key = key;
    w->unlocked_at = now();
    return PC_OK;
}


static pc_status select_new(tui_wallet *w, const eth_address *a, pc_error *err)
{
    char text[ETH_ADDRESS_TEXT_LEN];
    eth_address_to_checksum(a, text);
    return tui_wallet_switch(w, text, err);
}

pc_status tui_wallet_create(tui_wallet *w, secret *password, const char *name, pc_error *err)
{
    keyfile_scrypt kdf;
    eth_address a;
    pc_status st = need_keystore(w, err);
    if (st == PC_OK)
        st = keyfile_scrypt_from_env(w->dir != NULL, &kdf, err);
    if (st == PC_OK)
        st = keystore_create(w->ks, password, &kdf, name, &a, err);
    return st == PC_OK ? select_new(w, &a, err) : st;
}

pc_status tui_wallet_import_key(tui_wallet *w, secret *hex, secret *password, const char *name,
                                pc_error *err)
{
    keyfile_scrypt kdf;
    eth_address a;
    secret *key = NULL;
    pc_status st = need_keystore(w, err);
    if (st == PC_OK)
        st = keyfile_scrypt_from_env(w->dir != NULL, &kdf, err);
    if (st == PC_OK) {
        st = secret_parse_hex_key(secret_open(hex), secret_len(hex), "the key", &key, err);
        secret_close(hex);
    }
    if (st == PC_OK)
        st = keystore_import_key(w->ks, key, password, &kdf, name, &a, err);
    secret_free(key);
    return st == PC_OK ? select_new(w, &a, err) : st;
}

pc_status tui_wallet_import_file(tui_wallet *w, const char *path, secret *password,
                                 const char *name, pc_error *err)
{
    eth_address a;
    pc_status st = need_keystore(w, err);
    if (st == PC_OK)
        st = keystore_import_file(w->ks, path, password, name, &a, err);
    return st == PC_OK ? select_new(w, &a, err) : st;
}

pc_status tui_wallet_rename(tui_wallet *w, const char *account, const char *name,
                            pc_error *err)
{
    pc_status st = need_keystore(w, err);
    if (st == PC_OK)
        st = keystore_rename(w->ks, account, name && *name ? name : NULL, err);
    /* Account pointers moved: select the current one again by address. */
    if (st == PC_OK && w->has_address) {
        secret *keep = w->key;
        time_t at = w->unlocked_at;
        w->key = NULL;
        st = tui_wallet_switch(w, w->selector, err);
        w->key = keep;
        w->unlocked_at = at;
    }
    return st;
}
