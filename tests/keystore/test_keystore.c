/* keystore/keystore, safefile and password files: accounts, names, every
 * change, permissions, broken files next to good ones, and writes that fail
 * for want of room (RLIMIT_FSIZE with SIGXFSZ ignored makes write() fail
 * with EFBIG, as a full disk would with ENOSPC). */
#include <dirent.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "eth/hex.h"
#include "keystore/keystore.h"
#include "keystore/password.h"
#include "keystore/safefile.h"
#include "tests/check.h"

#define BOB_KEY "7a28b5ba57c53603b0b07b56bba752f7784bf506fa95edc395f5cf6c7514fe9d"
#define BOB "0x008AeEda4D805471dF9b2A5B0f38A0C3bCBA786b"

static const keyfile_scrypt light = { 4096, 8, 1 };
static char root[256], dir[300];

static secret *text_secret(const char *text)
{
    secret *s;
    if (secret_new(strlen(text), &s, NULL) != PC_OK)
        abort();
    memcpy(secret_open(s), text, strlen(text));
    secret_close(s);
    return s;
}

static void write_text(const char *path, const char *text, mode_t mode)
{
    FILE *f = fopen(path, "w");
    fputs(text, f);
    fclose(f);
    chmod(path, mode);
}

static char *slurp(const char *path)
{
    char *data = NULL;
    size_t len;
    safefile_read(path, 1 << 20, &data, &len, NULL, NULL, NULL);
    return data;
}

static size_t count_tmp_files(const char *d)
{
    size_t n = 0;
    DIR *dd = opendir(d);
    struct dirent *de;
    while (dd && (de = readdir(dd)) != NULL)
        n += strncmp(de->d_name, SAFEFILE_TMP_PREFIX, strlen(SAFEFILE_TMP_PREFIX)) == 0;
    if (dd)
        closedir(dd);
    return n;
}

/* Unlocks `which` with `pw` and returns the status (the key is dropped). */
static pc_status try_unlock(keystore *ks, const char *which, const char *pw, pc_error *err)
{
    secret *p = text_secret(pw), *key = NULL;
    pc_status st = keystore_unlock(ks, which, p, &key, NULL, err);
    secret_free(key);
    secret_free(p);
    return st;
}

static void reopen(keystore **ks)
{
    keystore_close(*ks);
    *ks = NULL;
    CHECK(keystore_open(dir, ks, NULL) == PC_OK);
}

static void accounts(void)
{
    pc_error err = { 0 };
    keystore *ks;
    CHECK(keystore_open(dir, &ks, &err) == PC_OK);
    CHECK(keystore_count(ks) == 0);

    secret *pw = text_secret("pw-alice");
    eth_address alice;
    CHECK(keystore_create(ks, pw, &light, "alice", &alice, &err) == PC_OK);
    secret_free(pw);
    struct stat st;
    CHECK(stat(dir, &st) == 0 && (st.st_mode & 0777) == 0700);

    secret *key, *bobpw = text_secret("pw-bob");
    CHECK(secret_new(32, &key, NULL) == PC_OK);
    size_t n;
    hex_decode(BOB_KEY, 64, secret_open(key), 32, &n, NULL);
    secret_close(key);
    eth_address bob;
    CHECK(keystore_import_key(ks, key, bobpw, &light, "bob", &bob, &err) == PC_OK);
    /* The same key again, or a taken name, is refused. */
    CHECK(keystore_import_key(ks, key, bobpw, &light, NULL, NULL, &err) == PC_EINPUT &&
          strstr(err.msg, "already in the keystore"));
    CHECK(keystore_create(ks, bobpw, &light, "BOB", NULL, &err) == PC_EINPUT &&
          strstr(err.msg, "already used by " BOB));
    CHECK(keystore_create(ks, bobpw, &light, "0xbob", NULL, &err) == PC_EINPUT);
    secret_free(key);
    secret_free(bobpw);
    CHECK(keystore_count(ks) == 2);

    const keystore_account *a;
    CHECK(keystore_find(ks, BOB, &a, &err) == PC_OK && a->name && !strcmp(a->name, "bob"));
    CHECK(stat(a->path, &st) == 0 && (st.st_mode & 0777) == 0600);
    CHECK(strncmp(a->file, "UTC--", 5) == 0 &&
          strcmp(a->file + strlen(a->file) - 42, "--008aeeda4d805471df9b2a5b0f38a0c3bcba786b") ==
              0);
    CHECK(keystore_find(ks, "0X008AEEDA4D805471DF9B2A5B0F38A0C3BCBA786B", &a, &err) == PC_OK &&
          eth_address_equal(&a->address, &bob));
    CHECK(keystore_find(ks, "ALICE", &a, &err) == PC_OK && eth_address_equal(&a->address, &alice));
    CHECK(keystore_find(ks, "carol", &a, &err) == PC_EINPUT &&
          strstr(err.msg, "no account named \"carol\""));
    CHECK(keystore_find(ks, "0x1234", &a, &err) == PC_EINPUT && strstr(err.msg, "not an address"));

    CHECK(try_unlock(ks, "bob", "pw-bob", &err) == PC_OK);
    CHECK(try_unlock(ks, "bob", "pw-alice", &err) == PC_EKEY);
    CHECK_STR(err.msg, "wrong password for " BOB " (MAC mismatch)");

    /* Rename, and names survive a reopen. */
    CHECK(keystore_rename(ks, "alice", "carol", &err) == PC_OK);
    CHECK(keystore_rename(ks, "carol", "bob", &err) == PC_EINPUT);
    CHECK(keystore_rename(ks, "carol", "bad name", &err) == PC_EINPUT);
    reopen(&ks);
    CHECK(keystore_find(ks, "carol", &a, &err) == PC_OK && eth_address_equal(&a->address, &alice));
    CHECK(keystore_find(ks, "alice", &a, &err) == PC_EINPUT);

    /* Change of password: same file, same id, new salt. */
    CHECK(keystore_find(ks, "bob", &a, &err) == PC_OK);
    char *path = strdup(a->path), *before = slurp(path);
    secret *oldp = text_secret("pw-bob"), *newp = text_secret("pw-bob-2"), *wrong = text_secret("x");
    CHECK(keystore_change_password(ks, "bob", wrong, newp, &light, &err) == PC_EKEY);
    CHECK(keystore_change_password(ks, "bob", oldp, newp, &light, &err) == PC_OK);
    char *after = slurp(path);
    CHECK(before && after && strcmp(before, after) != 0 &&
          strstr(after, "\"id\":\"") &&
          strncmp(strstr(before, "\"id\":\""), strstr(after, "\"id\":\""), 44) == 0);
    CHECK(try_unlock(ks, "bob", "pw-bob-2", &err) == PC_OK);
    CHECK(try_unlock(ks, "bob", "pw-bob", &err) == PC_EKEY);
    free(before);
    free(after);
    secret_free(oldp);
    secret_free(newp);
    secret_free(wrong);

    char *json;
    size_t len;
    CHECK(keystore_export(ks, "bob", &json, &len, &err) == PC_OK && len > 400 &&
          strstr(json, "008aeeda4d805471df9b2a5b0f38a0c3bcba786b"));
    free(json);

    /* The signer helper. */
    char pwfile[400];
    snprintf(pwfile, sizeof pwfile, "%s/pw", root);
    write_text(pwfile, "pw-bob-2\n", 0600);
    secret *k = NULL;
    eth_address got;
    CHECK(keystore_unlock_account(dir, "BOB", pwfile, &k, &got, &err) == PC_OK &&
          eth_address_equal(&got, &bob));
    if (k) {
        char hex[65];
        hex_encode(secret_open(k), 32, hex);
        secret_close(k);
        CHECK_STR(hex, BOB_KEY);
    }
    secret_free(k);
    k = NULL;
    /* Which account a signer given none uses is wallet/account.h's rule
     * (tests/wallet/test_account.c): here, none is none. */
    CHECK(keystore_unlock_account(dir, NULL, pwfile, &k, &got, &err) == PC_EINPUT && !k);
    free(path);
    keystore_close(ks);
}

/* A file copy of bob's key file with one piece of text replaced. */
static void plant(const keystore *ks, const char *name, const char *from, const char *to,
                  mode_t mode)
{
    const keystore_account *a;
    keystore_find(ks, "bob", &a, NULL);
    char *text = slurp(a->path);
    char *at = strstr(text, from);
    char buf[4096];
    snprintf(buf, sizeof buf, "%.*s%s%s", (int)(at - text), text, to, at + strlen(from));
    char path[600];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    write_text(path, buf, mode);
    free(text);
}

static const keystore_account *by_file(const keystore *ks, const char *file)
{
    for (size_t i = 0; i < keystore_count(ks); i++)
        if (strcmp(keystore_at(ks, i)->file, file) == 0)
            return keystore_at(ks, i);
    return NULL;
}

static void broken_files(void)
{
    pc_error err = { 0 };
    keystore *ks;
    CHECK(keystore_open(dir, &ks, &err) == PC_OK);
    const char *addr = "1111111111111111111111111111111111111111";
    char truncated[80], cipher[80], kdf[80];
    snprintf(truncated, sizeof truncated, "UTC--2020-01-01T00-00-00.0Z--%s", addr);
    snprintf(cipher, sizeof cipher, "cipher.json");
    snprintf(kdf, sizeof kdf, "kdf.json");
    char path[600];
    snprintf(path, sizeof path, "%s/%s", dir, truncated);
    write_text(path, "{\"address\":\"1111111111111111111111111111111111111111\",\"cry", 0600);
    /* Broken copies of bob's file: they share his address, and finding
     * bob must still give the usable one. */
    plant(ks, cipher, "\"aes-128-ctr\"", "\"aes-256-gcm\"", 0600);
    plant(ks, kdf, "\"scrypt\"", "\"balloon\"", 0600);
    reopen(&ks);
    CHECK(keystore_count(ks) == 5);
    const keystore_account *a = by_file(ks, truncated);
    CHECK(a && a->problem == PC_EDATA && a->has_address &&
          strstr(a->problem_msg, "corrupt or truncated") && strstr(a->problem_msg, truncated));
    a = by_file(ks, cipher);
    CHECK(a && a->problem == PC_EDATA && strstr(a->problem_msg, "unknown cipher \"aes-256-gcm\""));
    a = by_file(ks, kdf);
    CHECK(a && a->problem == PC_EDATA && strstr(a->problem_msg, "unknown KDF \"balloon\""));

    /* Unlocking the truncated one names its problem; the others still work. */
    CHECK(try_unlock(ks, "0x1111111111111111111111111111111111111111", "x", &err) == PC_EDATA &&
          strstr(err.msg, "corrupt or truncated"));
    CHECK(try_unlock(ks, "bob", "pw-bob-2", &err) == PC_OK);
    CHECK(try_unlock(ks, "carol", "pw-alice", &err) == PC_OK);

    /* A group-readable key file is refused, the rest keep working. */
    CHECK(keystore_find(ks, "carol", &a, &err) == PC_OK);
    char *carol_path = strdup(a->path);
    chmod(carol_path, 0640);
    reopen(&ks);
    CHECK(try_unlock(ks, "carol", "pw-alice", &err) == PC_EIO &&
          strstr(err.msg, "readable or writable by group/others (mode 640)") &&
          strstr(err.msg, "chmod 600"));
    CHECK(try_unlock(ks, "bob", "pw-bob-2", &err) == PC_OK);
    chmod(carol_path, 0600);
    free(carol_path);

    /* So is a folder others can enter. */
    chmod(dir, 0755);
    keystore *loose = NULL;
    CHECK(keystore_open(dir, &loose, &err) == PC_EIO && strstr(err.msg, "chmod 700") && !loose);
    chmod(dir, 0700);

    /* Broken files can be deleted; into trash/ by default. */
    reopen(&ks);
    CHECK(keystore_delete(ks, "0x1111111111111111111111111111111111111111", true, &err) == PC_OK);
    snprintf(path, sizeof path, "%s/trash/%s", dir, truncated);
    struct stat st;
    CHECK(stat(path, &st) == 0);
    snprintf(path, sizeof path, "%s/trash", dir);
    CHECK(stat(path, &st) == 0 && (st.st_mode & 0777) == 0700);
    for (int i = 0; i < 2; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, i ? kdf : cipher);
        unlink(path);
    }
    keystore_close(ks);
}

static void full_disk(void)
{
    pc_error err = { 0 };
    keystore *ks;
    CHECK(keystore_open(dir, &ks, &err) == PC_OK);
    size_t before = keystore_count(ks);
    const keystore_account *a;
    keystore_find(ks, "bob", &a, NULL);
    char *bob_path = strdup(a->path), *bob_text = slurp(bob_path);
    char names_path[400];
    snprintf(names_path, sizeof names_path, "%s/names.json", dir);
    char *names_text = slurp(names_path);

    struct rlimit old, none;
    getrlimit(RLIMIT_FSIZE, &old);
    none = old;
    none.rlim_cur = 0;
    signal(SIGXFSZ, SIG_IGN);
    setrlimit(RLIMIT_FSIZE, &none);
    secret *p = text_secret("pw-bob-2"), *q = text_secret("pw-bob-3");
    CHECK(keystore_change_password(ks, "bob", p, q, &light, &err) == PC_EIO &&
          strstr(err.msg, "File too large") && strstr(err.msg, bob_path));
    CHECK(keystore_rename(ks, "bob", "robert", &err) == PC_EIO && strstr(err.msg, "names.json"));
    CHECK(keystore_create(ks, q, &light, NULL, NULL, &err) == PC_EIO);
    setrlimit(RLIMIT_FSIZE, &old);
    signal(SIGXFSZ, SIG_DFL);

    /* Everything as it was, and no temporary file left behind. */
    char *bob_after = slurp(bob_path), *names_after = slurp(names_path);
    CHECK(bob_after && strcmp(bob_text, bob_after) == 0);
    CHECK(names_after && strcmp(names_text, names_after) == 0);
    CHECK(count_tmp_files(dir) == 0);
    reopen(&ks);
    CHECK(keystore_count(ks) == before);
    CHECK(try_unlock(ks, "bob", "pw-bob-2", &err) == PC_OK);
    secret_free(p);
    secret_free(q);
    free(bob_path);
    free(bob_text);
    free(bob_after);
    free(names_text);
    free(names_after);

    /* Delete for good, then with a backup that never overwrites. */
    CHECK(keystore_delete(ks, "carol", false, &err) == PC_OK);
    CHECK(keystore_find(ks, "carol", &a, &err) == PC_EINPUT);
    CHECK(keystore_count(ks) == before - 1);
    char *names = slurp(names_path);
    CHECK(names && !strstr(names, "carol") && strstr(names, "bob"));
    free(names);
    keystore_close(ks);
}

static void small_parts(void)
{
    pc_error err = { 0 };
    CHECK(keystore_check_name("my-key_2.old", &err) == PC_OK);
    CHECK(keystore_check_name("", &err) == PC_EINPUT);
    CHECK(keystore_check_name("-x", &err) == PC_EINPUT);
    CHECK(keystore_check_name("0xabc", &err) == PC_EINPUT);
    CHECK(keystore_check_name("tab\there", &err) == PC_EINPUT);
    CHECK(keystore_check_name("a234567890123456789012345678901234567890123456789012345678901234",
                              &err) == PC_OK);
    CHECK(keystore_check_name("a2345678901234567890123456789012345678901234567890123456789012345",
                              &err) == PC_EINPUT);

    char *d = NULL;
    setenv("POWERCHAIN_KEYSTORE", "/k", 1);
    CHECK(keystore_default_dir(&d, &err) == PC_OK && d && !strcmp(d, "/k"));
    free(d);
    unsetenv("POWERCHAIN_KEYSTORE");
    setenv("XDG_DATA_HOME", "/data", 1);
    CHECK(keystore_default_dir(&d, &err) == PC_OK && d && !strcmp(d, "/data/powerchain/keystore"));
    free(d);
    setenv("XDG_DATA_HOME", "relative", 1);
    setenv("HOME", "/home/u", 1);
    CHECK(keystore_default_dir(&d, &err) == PC_OK && d &&
          !strcmp(d, "/home/u/.local/share/powerchain/keystore"));
    free(d);

    char path[400];
    snprintf(path, sizeof path, "%s/pwf", root);
    secret *s = NULL;
    write_text(path, "secret words\r\nsecond line\n", 0600);
    CHECK(password_from_file(path, &s, &err) == PC_OK && secret_len(s) == 12 &&
          memcmp(secret_open(s), "secret words", 12) == 0);
    secret_free(s);
    write_text(path, "no newline", 0600);
    CHECK(password_from_file(path, &s, &err) == PC_OK && secret_len(s) == 10);
    secret_free(s);
    write_text(path, "\n", 0600);
    CHECK(password_new(path, "", &s, &err) == PC_EINPUT && strstr(err.msg, "empty") && !s);
    CHECK(password_from_file("/nonexistent/pw", &s, &err) == PC_EIO &&
          strstr(err.msg, "/nonexistent/pw"));

    /* safefile: no clobbering when asked, and refusing symbolic links. */
    CHECK(safefile_write_atomic(root, "f", "one", 3, false, &err) == PC_OK);
    CHECK(safefile_write_atomic(root, "f", "two", 3, false, &err) == PC_EIO);
    CHECK(safefile_write_atomic(root, "f", "three", 5, true, &err) == PC_OK);
    snprintf(path, sizeof path, "%s/f", root);
    char *text = slurp(path);
    CHECK_STR(text, "three");
    free(text);
    char link_path[400];
    snprintf(link_path, sizeof link_path, "%s/l", root);
    CHECK(symlink(path, link_path) == 0);
    char *data;
    size_t len;
    CHECK(safefile_read(link_path, 100, &data, &len, NULL, NULL, &err) == PC_EIO &&
          strstr(err.msg, "symbolic link"));
    CHECK(safefile_read(path, 3, &data, &len, NULL, NULL, &err) == PC_EDATA &&
          strstr(err.msg, "too large"));
}

int main(void)
{
    snprintf(root, sizeof root, "/tmp/pc-keystore-test-XXXXXX");
    /* secret_init makes the process non-dumpable (no ptrace, no /proc/PID/mem
     * for other processes of the user) and turns off core files. */
    int dumpable_before = prctl(PR_GET_DUMPABLE, 0, 0, 0, 0);
    if (!mkdtemp(root) || secret_init(NULL) != PC_OK)
        return 1;
    struct rlimit core;
    CHECK(dumpable_before == 1 && prctl(PR_GET_DUMPABLE, 0, 0, 0, 0) == 0);
    CHECK(getrlimit(RLIMIT_CORE, &core) == 0 && core.rlim_cur == 0 && core.rlim_max == 0);
    /* A nested folder that does not exist yet: the first account creates it. */
    snprintf(dir, sizeof dir, "%s/a/keystore", root);
    accounts();
    broken_files();
    full_disk();
    small_parts();
    char cmd[400];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
    if (system(cmd) != 0)
        return 1;
    return check_summary();
}
