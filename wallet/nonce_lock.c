#include "wallet/nonce_lock.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "eth/hex.h"
#include "keystore/safefile.h"

/* Opens the lock folder (creating it 0700) and checks the folder opened,
 * not the name, so it cannot be swapped between the check and its use. */
static pc_status open_lock_dir(char *path, size_t cap, int *out, pc_error *err)
{
    *out = -1;
    const char *runtime = getenv("XDG_RUNTIME_DIR");
    if (runtime && *runtime)
        snprintf(path, cap, "%s/powerchain", runtime);
    else
        snprintf(path, cap, "/tmp/powerchain-%u", (unsigned)geteuid());
    if (mkdir(path, 0700) != 0 && errno != EEXIST)
        return pc_fail(err, PC_EIO, "cannot create the lock folder %s: %s", path,
                       strerror(errno));
    int fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0) {
        pc_status s = pc_fail(err, PC_EIO, "%s is not a folder of this user: %s", path,
                              strerror(errno));
        if (fd >= 0)
            close(fd);
        return s;
    }
    /* A folder someone else made in /tmp could be used to block us. */
    pc_status s = safefile_check_private_dir_stat(
        "the lock folder", path, &st,
        "(remove it, or set XDG_RUNTIME_DIR to a folder of yours)", err);
    if (s != PC_OK) {
        close(fd);
        return s;
    }
    *out = fd;
    return PC_OK;
}

/* Whether the locked `fd` is still the file named `name` in the folder.
 * A releasing holder removes the file while it holds the lock: a process
 * that opened the file before that and locks it after holds the lock of a
 * file nobody else can find, while a third process may create the name
 * anew and lock that. Only the lock of the file at the name counts, so the
 * first one tries again. */
static bool still_named(int dir_fd, const char *name, int fd)
{
    struct stat held, named;
    return fstat(fd, &held) == 0 && fstatat(dir_fd, name, &named, AT_SYMLINK_NOFOLLOW) == 0 &&
           held.st_dev == named.st_dev && held.st_ino == named.st_ino;
}

pc_status nonce_lock_take(uint64_t chain_id, const uint8_t genesis_hash[32],
                          const eth_address *account, unsigned wait_s, nonce_lock *out,
                          pc_error *err)
{
    out->fd = -1;
    out->dir_fd = -1;
    char dir[512], hex[41], genesis[17];
    int dir_fd;
    pc_status st = open_lock_dir(dir, sizeof dir, &dir_fd, err);
    if (st != PC_OK)
        return st;
    eth_address_to_lower_nopfx(account, hex);
    hex_encode(genesis_hash, 8, genesis); /* 64 bits tell local chains apart */
    snprintf(out->name, sizeof out->name, "nonce-%llu-%s-%s.lock",
             (unsigned long long)chain_id, genesis, hex);
    struct timespec pause = { 0, 50 * 1000000L };
    unsigned waited_ms = 0;
    for (;;) {
        int fd = openat(dir_fd, out->name, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
        if (fd < 0) {
            st = pc_fail(err, PC_EIO, "cannot open the nonce lock %s/%s: %s", dir, out->name,
                         strerror(errno));
            break;
        }
        while (flock(fd, LOCK_EX | LOCK_NB) != 0) {
            if (errno != EWOULDBLOCK && errno != EINTR) {
                st = pc_fail(err, PC_EIO, "cannot lock %s/%s: %s", dir, out->name,
                             strerror(errno));
                break;
            }
            if (waited_ms >= wait_s * 1000u) {
                st = pc_fail(err, PC_ETIMEOUT,
                             "another powerchain process has been sending for 0x%s on chain "
                             "%llu for %u s (lock %s/%s); nothing sent",
                             hex, (unsigned long long)chain_id, wait_s, dir, out->name);
                break;
            }
            nanosleep(&pause, NULL);
            waited_ms += 50;
        }
        if (st == PC_OK && still_named(dir_fd, out->name, fd)) {
            out->fd = fd;
            out->dir_fd = dir_fd;
            return PC_OK;
        }
        close(fd);
        if (st != PC_OK)
            break;
    }
    close(dir_fd);
    return st;
}

void nonce_lock_release(nonce_lock *l)
{
    if (l->fd < 0)
        return;
    /* Removed while still held: see still_named. */
    unlinkat(l->dir_fd, l->name, 0);
    close(l->fd); /* drops the flock */
    close(l->dir_fd);
    l->fd = -1;
    l->dir_fd = -1;
}
