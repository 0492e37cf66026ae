#include "wallet/nonce_lock.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "eth/hex.h"

static pc_status lock_dir(char *out, size_t cap, pc_error *err)
{
    const char *runtime = getenv("XDG_RUNTIME_DIR");
    if (runtime && *runtime)
        snprintf(out, cap, "%s/powerchain", runtime);
    else
        snprintf(out, cap, "/tmp/powerchain-%u", (unsigned)getuid());
    if (mkdir(out, 0700) != 0 && errno != EEXIST)
        return pc_fail(err, PC_EIO, "cannot create %s: %s", out, strerror(errno));
    struct stat st;
    /* A folder someone else made in /tmp could be used to block us. */
    if (lstat(out, &st) != 0 || !S_ISDIR(st.st_mode) || st.st_uid != getuid())
        return pc_fail(err, PC_EIO, "%s is not a folder of this user", out);
    return PC_OK;
}

pc_status nonce_lock_take(uint64_t chain_id, const uint8_t genesis_hash[32],
                          const eth_address *account, unsigned wait_s, nonce_lock *out,
                          pc_error *err)
{
    out->fd = -1;
    char dir[512], path[700], hex[41], genesis[17];
    pc_status st = lock_dir(dir, sizeof dir, err);
    if (st != PC_OK)
        return st;
    eth_address_to_lower_nopfx(account, hex);
    hex_encode(genesis_hash, 8, genesis); /* 64 bits tell local chains apart */
    snprintf(path, sizeof path, "%s/nonce-%llu-%s-%s.lock", dir, (unsigned long long)chain_id,
             genesis, hex);
    int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0)
        return pc_fail(err, PC_EIO, "cannot open the nonce lock %s: %s", path, strerror(errno));
    struct timespec pause = { 0, 50 * 1000000L };
    for (unsigned waited_ms = 0;; waited_ms += 50) {
        if (flock(fd, LOCK_EX | LOCK_NB) == 0) {
            out->fd = fd;
            return PC_OK;
        }
        if (errno != EWOULDBLOCK && errno != EINTR) {
            st = pc_fail(err, PC_EIO, "cannot lock %s: %s", path, strerror(errno));
            break;
        }
        if (waited_ms >= wait_s * 1000u) {
            st = pc_fail(err, PC_ETIMEOUT,
                         "another powerchain process has been sending for 0x%s on chain "
                         "%llu for %u s (lock %s); nothing sent",
                         hex, (unsigned long long)chain_id, wait_s, path);
            break;
        }
        nanosleep(&pause, NULL);
    }
    close(fd);
    return st;
}

void nonce_lock_release(nonce_lock *l)
{
    if (l->fd >= 0) {
        flock(l->fd, LOCK_UN);
        close(l->fd);
        l->fd = -1;
    }
}
