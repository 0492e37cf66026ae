#include "tui/unlock.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "eth/address.h"
#include "keystore/keystore.h"

struct tui_unlock {
    pthread_t thread;
    char *dir;
    char account[ETH_ADDRESS_TEXT_LEN];
    secret *password;
    /* Written by the thread before `done`, read by the caller after it. */
    secret *key;
    pc_status status;
    pc_error err;
    atomic_bool done;
};

static void *run(void *arg)
{
    tui_unlock *u = arg;
    keystore *ks = NULL;
    u->status = keystore_open(u->dir, &ks, &u->err);
    if (u->status == PC_OK)
        u->status = keystore_unlock(ks, u->account, u->password, &u->key, NULL, &u->err);
    keystore_close(ks);
    atomic_store(&u->done, true);
    return NULL;
}

static void unlock_free(tui_unlock *u)
{
    secret_free(u->password);
    secret_free(u->key);
    free(u->dir);
    free(u);
}

pc_status tui_unlock_start(const char *dir, const char *account, secret *password,
                           tui_unlock **out, pc_error *err)
{
    tui_unlock *u = calloc(1, sizeof *u);
    if (!u || !(u->dir = strdup(dir))) {
        free(u);
        return pc_fail(err, PC_ENOMEM, "out of memory");
    }
    snprintf(u->account, sizeof u->account, "%s", account);
    pc_status st = secret_new(secret_len(password), &u->password, err);
    if (st != PC_OK) {
        unlock_free(u);
        return st;
    }
    memcpy(secret_open(u->password), secret_open(password), secret_len(password));
    secret_close(password);
    secret_close(u->password);
    if (pthread_create(&u->thread, NULL, run, u) != 0) {
        unlock_free(u);
        return pc_fail(err, PC_ENOMEM, "cannot start a thread to unlock the account");
    }
    *out = u;
    return PC_OK;
}

bool tui_unlock_done(tui_unlock *u) { return atomic_load(&u->done); }

const char *tui_unlock_account(const tui_unlock *u) { return u->account; }

pc_status tui_unlock_finish(tui_unlock *u, secret **key, pc_error *err)
{
    pthread_join(u->thread, NULL);
    pc_status st = u->status;
    if (st == PC_OK) {
        *key = u->key;
        u->key = NULL;
    } else {
        if (err)
            *err = u->err;
    }
    unlock_free(u);
    return st;
}
