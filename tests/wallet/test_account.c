/* The one rule for which keystore account a front end acts as
 * (wallet/account.h), on real keystore folders: none, one, a broken file
 * beside a good one (it does not count), a key file without an address
 * field never unlocked (Foundry's: it counts, alone or beside another,
 * where the panel once skipped it and the command line did not), accounts
 * chosen by name, by file name and by address, and the selector that names
 * each again. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "../check.h"
#include "keystore/keystore.h"
#include "keystore/safefile.h"
#include "wallet/account.h"

static const keyfile_scrypt light = { 4096, 8, 1 };
static char root[64];

static secret *password(void)
{
    secret *s;
    if (secret_new(2, &s, NULL) != PC_OK)
        abort();
    memcpy(secret_open(s), "pw", 2);
    secret_close(s);
    return s;
}

static void write_file(const char *dir, const char *name, const char *text)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    fputs(text, f);
    fclose(f);
    chmod(path, 0600);
}

/* A new keystore folder `name` under root. */
static const char *folder(const char *name)
{
    static char dir[128];
    snprintf(dir, sizeof dir, "%s/%s", root, name);
    mkdir(dir, 0700);
    return dir;
}

/* A new geth-style account in dir, named `name` (may be NULL); its address. */
static eth_address create(const char *dir, const char *name)
{
    keystore *ks;
    eth_address a;
    secret *pw = password();
    if (keystore_open(dir, &ks, NULL) != PC_OK || keystore_create(ks, pw, &light, name, &a, NULL))
        abort();
    secret_free(pw);
    keystore_close(ks);
    return a;
}

/* What Foundry's cast leaves: a V3 file without the address field, named
 * by the person. Made from a fresh geth-style file in a scratch folder. */
static void foundry_file(const char *dir, const char *name)
{
    const char *scratch = folder("scratch");
    create(scratch, NULL);
    keystore *ks;
    char *text = NULL;
    size_t len;
    if (keystore_open(scratch, &ks, NULL) != PC_OK ||
        safefile_read(keystore_at(ks, 0)->path, 1 << 16, &text, &len, NULL, NULL, NULL))
        abort();
    cJSON *doc = cJSON_ParseWithLength(text, len);
    cJSON_DeleteItemFromObjectCaseSensitive(doc, "address");
    char *out = cJSON_Print(doc);
    write_file(dir, name, out);
    remove(keystore_at(ks, 0)->path);
    keystore_close(ks);
    free(out);
    cJSON_Delete(doc);
    free(text);
}

static keystore *open_ks(const char *dir)
{
    keystore *ks;
    if (keystore_open(dir, &ks, NULL) != PC_OK)
        abort();
    return ks;
}

static void test_none(void)
{
    keystore *ks = open_ks(folder("empty"));
    const keystore_account *a = (const keystore_account *)1;
    pc_error err = { 0 };
    CHECK(wallet_only_account(ks, &a, &err) == PC_EINPUT && a == NULL &&
          strstr(err.msg, "no usable account") && strstr(err.msg, "powerchain account new"));
    CHECK(wallet_select_account(ks, NULL, &a, &err) == PC_EINPUT && a == NULL);
    keystore_close(ks);
}

static void test_one_and_a_broken_file(void)
{
    const char *dir = folder("one");
    eth_address alice = create(dir, "alice");
    write_file(dir, "broken", "{ not a key file");
    keystore *ks = open_ks(dir);
    const keystore_account *a = NULL;
    pc_error err = { 0 };
    CHECK(keystore_count(ks) == 2);
    CHECK(wallet_only_account(ks, &a, &err) == PC_OK && a && a->has_address &&
          eth_address_equal(&a->address, &alice));
    char selector[WALLET_SELECTOR_MAX], want[ETH_ADDRESS_TEXT_LEN];
    eth_address_to_checksum(&alice, want);
    if (a)
        wallet_account_selector(a, selector);
    CHECK_STR(a ? selector : NULL, want);
    const keystore_account *by_selector = NULL;
    CHECK(wallet_select_account(ks, selector, &by_selector, &err) == PC_OK && by_selector == a);
    CHECK(wallet_select_account(ks, "ALICE", &by_selector, &err) == PC_OK && by_selector == a);
    /* A broken file is never chosen, by name either: its problem is the error. */
    CHECK(wallet_select_account(ks, "broken", &by_selector, &err) != PC_OK && !by_selector &&
          err.status != PC_EINPUT && strstr(err.msg, "broken"));
    CHECK(wallet_select_account(ks, "nobody", &by_selector, &err) == PC_EINPUT &&
          strstr(err.msg, "nobody"));
    keystore_close(ks);
}

static void test_foundry_file_counts(void)
{
    /* Alone, the file is the only account: its address is learnt when it
     * is unlocked to sign. */
    const char *dir = folder("foundry");
    foundry_file(dir, "dora");
    keystore *ks = open_ks(dir);
    const keystore_account *a = NULL;
    pc_error err = { 0 };
    CHECK(wallet_only_account(ks, &a, &err) == PC_OK && a && !a->has_address &&
          a->address_learnt);
    char selector[WALLET_SELECTOR_MAX];
    if (a)
        wallet_account_selector(a, selector);
    CHECK_STR(a ? selector : NULL, "dora");
    const keystore_account *again = NULL;
    CHECK(wallet_select_account(ks, selector, &again, &err) == PC_OK && again == a);
    keystore_close(ks);

    /* Beside another account there are two: both front ends ask which (the
     * panel once took the other one, the command line refused). */
    create(dir, "erin");
    ks = open_ks(dir);
    CHECK(wallet_only_account(ks, &a, &err) == PC_EINPUT && a == NULL &&
          strstr(err.msg, "holds 2 accounts") && strstr(err.msg, "--account"));
    CHECK(wallet_select_account(ks, "dora", &a, &err) == PC_OK && a && !a->has_address);
    CHECK(wallet_select_account(ks, "erin", &a, &err) == PC_OK && a && a->has_address);
    keystore_close(ks);
}

int main(void)
{
    setenv("POWERCHAIN_SCRYPT_N", "4096", 1);
    snprintf(root, sizeof root, "/tmp/pc-account-XXXXXX");
    if (!mkdtemp(root))
        return 1;
    test_none();
    test_one_and_a_broken_file();
    test_foundry_file_counts();
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", root);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", root);
    return check_summary();
}
