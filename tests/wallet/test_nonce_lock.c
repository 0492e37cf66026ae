/* wallet/nonce_lock: the lock folder's checks, lock files removed on
 * release, and mutual exclusion kept while they are: processes that take
 * and release one lock at a high rate each add one to a counter file inside
 * it, and no addition is lost. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tests/check.h"
#include "wallet/nonce_lock.h"

#define WORKERS 4
#define ROUNDS 60

static const uint8_t genesis[32] = { 1 };
static const eth_address account = { { 0xab } };
static char root[64], folder[128], counter[160];

static int files_in(const char *path)
{
    char cmd[300];
    snprintf(cmd, sizeof cmd, "test $(ls -A '%s' | wc -l) = 0", path);
    return system(cmd) == 0 ? 0 : 1;
}

/* One worker: ROUNDS times, take the lock, read the counter, give the
 * others a moment to meddle, write it plus one, release. */
static int worker(void)
{
    for (int i = 0; i < ROUNDS; i++) {
        nonce_lock l;
        pc_error err;
        if (nonce_lock_take(7, genesis, &account, 60, &l, &err) != PC_OK) {
            fprintf(stderr, "worker: %s\n", err.msg);
            return 1;
        }
        long n = 0;
        FILE *f = fopen(counter, "r");
        if (f) {
            if (fscanf(f, "%ld", &n) != 1)
                n = -1000000;
            fclose(f);
        }
        usleep(2000);
        if (!(f = fopen(counter, "w")))
            return 1;
        fprintf(f, "%ld\n", n + 1);
        fclose(f);
        nonce_lock_release(&l);
    }
    return 0;
}

static void exclusion(void)
{
    pid_t pids[WORKERS];
    for (int i = 0; i < WORKERS; i++)
        if ((pids[i] = fork()) == 0)
            _exit(worker());
    int failed = 0;
    for (int i = 0; i < WORKERS; i++) {
        int status;
        failed |= waitpid(pids[i], &status, 0) != pids[i] || !WIFEXITED(status) ||
                  WEXITSTATUS(status) != 0;
    }
    CHECK(!failed);
    long n = 0;
    FILE *f = fopen(counter, "r");
    CHECK(f && fscanf(f, "%ld", &n) == 1);
    if (f)
        fclose(f);
    CHECK(n == WORKERS * ROUNDS);
    if (n != WORKERS * ROUNDS)
        fprintf(stderr, "counter %ld, want %d: two processes held the lock at once\n", n,
                WORKERS * ROUNDS);
    CHECK(files_in(folder) == 0);
}

static void folder_checks(void)
{
    nonce_lock l;
    pc_error err = { 0 };
    CHECK(nonce_lock_take(7, genesis, &account, 1, &l, &err) == PC_OK);
    struct stat st;
    CHECK(stat(folder, &st) == 0 && (st.st_mode & 0777) == 0700);
    CHECK(files_in(folder) != 0); /* the held lock's file */
    nonce_lock_release(&l);
    CHECK(l.fd == -1 && files_in(folder) == 0);
    nonce_lock_release(&l); /* twice is harmless */

    CHECK(chmod(folder, 0770) == 0);
    CHECK(nonce_lock_take(7, genesis, &account, 1, &l, &err) == PC_EIO &&
          strstr(err.msg, "is accessible by group/others (mode 770)") &&
          strstr(err.msg, "chmod 700"));
    CHECK(l.fd == -1);
    CHECK(chmod(folder, 0700) == 0);
    if (geteuid() == 0) {
        CHECK(chown(folder, 65534, 65534) == 0);
        CHECK(nonce_lock_take(7, genesis, &account, 1, &l, &err) == PC_EIO &&
              strstr(err.msg, "belongs to another user"));
        CHECK(chown(folder, 0, 0) == 0);
    }
    /* A file left by a process that died is reused, then removed. */
    char stale[300];
    snprintf(stale, sizeof stale,
             "%s/nonce-7-0100000000000000-ab00000000000000000000000000000000000000.lock", folder);
    FILE *f = fopen(stale, "w");
    CHECK(f != NULL);
    if (f)
        fclose(f);
    CHECK(nonce_lock_take(7, genesis, &account, 1, &l, &err) == PC_OK);
    nonce_lock_release(&l);
    CHECK(files_in(folder) == 0);
}

int main(void)
{
    snprintf(root, sizeof root, "/tmp/pc-nonce-lock-XXXXXX");
    if (!mkdtemp(root))
        return 1;
    setenv("XDG_RUNTIME_DIR", root, 1);
    snprintf(folder, sizeof folder, "%s/powerchain", root);
    snprintf(counter, sizeof counter, "%s/counter", root);
    folder_checks();
    exclusion();
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
    if (system(cmd) != 0)
        return 1;
    return check_summary();
}
