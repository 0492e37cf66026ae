#include "keystore/safefile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

char *safefile_join(const char *dir, const char *name)
{
    size_t dl = strlen(dir), nl = strlen(name);
    char *p = malloc(dl + 1 + nl + 1);
    if (!p)
        return NULL;
    memcpy(p, dir, dl);
    p[dl] = '/';
    memcpy(p + dl + 1, name, nl + 1);
    return p;
}

pc_status safefile_check_private_dir(const char *path, pc_error *err)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return pc_fail(err, PC_EIO, "cannot use keystore folder %s: %s", path, strerror(errno));
    if (!S_ISDIR(st.st_mode))
        return pc_fail(err, PC_EIO, "keystore %s is not a folder", path);
    return safefile_check_private_dir_stat("keystore folder", path, &st, NULL, err);
}

pc_status safefile_check_private_dir_stat(const char *what, const char *path,
                                          const struct stat *st, const char *hint,
                                          pc_error *err)
{
    if (st->st_uid != geteuid())
        return pc_fail(err, PC_EIO, "%s %s belongs to another user; refusing it%s%s", what,
                       path, hint ? " " : "", hint ? hint : "");
    if (st->st_mode & 077)
        return pc_fail(err, PC_EIO,
                       "%s %s is accessible by group/others (mode %03o); refusing it: run "
                       "chmod 700 %s",
                       what, path, (unsigned)(st->st_mode & 0777), path);
    return PC_OK;
}

pc_status safefile_mkdirs(char *path, pc_error *err)
{
    for (char *p = path + 1;; p++) {
        if (*p != '/' && *p != '\0')
            continue;
        char saved = *p;
        *p = '\0';
        int rc = mkdir(path, 0700);
        int e = errno;
        *p = saved;
        if (rc != 0 && e != EEXIST)
            return pc_fail(err, PC_EIO, "cannot create the folder %.*s: %s", (int)(p - path),
                           path, strerror(e));
        if (saved == '\0')
            return PC_OK;
    }
}

pc_status safefile_mkdir_private(const char *path, pc_error *err)
{
    if (!*path)
        return pc_fail(err, PC_EINPUT, "the keystore folder name is empty");
    char *p = strdup(path);
    if (!p)
        return pc_fail(err, PC_ENOMEM, "out of memory");
    /* Parents get 0700 too. */
    pc_status st = safefile_mkdirs(p, err);
    free(p);
    return st == PC_OK ? safefile_check_private_dir(path, err) : st;
}

pc_status safefile_check_private_file(const char *path, const struct stat *st, pc_error *err)
{
    if (st->st_uid != geteuid())
        return pc_fail(err, PC_EIO, "file %s belongs to another user; refusing it", path);
    if (st->st_mode & 077)
        return pc_fail(err, PC_EIO,
                       "file %s is readable or writable by group/others (mode %03o); "
                       "refusing it: run chmod 600 %s",
                       path, (unsigned)(st->st_mode & 0777), path);
    return PC_OK;
}

pc_status safefile_check_private_fd(const char *path, int fd, pc_error *err)
{
    struct stat sb;
    if (fstat(fd, &sb) != 0)
        return pc_fail(err, PC_EIO, "cannot read %s: %s", path, strerror(errno));
    return S_ISREG(sb.st_mode) ? safefile_check_private_file(path, &sb, err) : PC_OK;
}

pc_status safefile_read(const char *path, size_t max, char **data, size_t *len, struct stat *st,
                        bool *missing, pc_error *err)
{
    *data = NULL;
    *len = 0;
    if (missing)
        *missing = false;
    /* O_NONBLOCK: a FIFO planted in the folder must not hang us. */
    int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) {
        if (errno == ENOENT && missing)
            *missing = true;
        if (errno == ELOOP)
            return pc_fail(err, PC_EIO, "%s is a symbolic link; refusing it", path);
        return pc_fail(err, PC_EIO, "cannot open %s: %s", path, strerror(errno));
    }
    struct stat local;
    if (!st)
        st = &local;
    pc_status status = PC_OK;
    if (fstat(fd, st) != 0) {
        status = pc_fail(err, PC_EIO, "cannot read %s: %s", path, strerror(errno));
        goto out;
    }
    if (!S_ISREG(st->st_mode)) {
        status = pc_fail(err, PC_EIO, "%s is not a regular file", path);
        goto out;
    }
    if ((uintmax_t)st->st_size > max) {
        status = pc_fail(err, PC_EDATA, "%s is too large (%jd bytes, at most %zu expected)", path,
                         (intmax_t)st->st_size, max);
        goto out;
    }
    status = safefile_read_fd(fd, path, max, data, len, err);
out:
    close(fd);
    return status;
}

pc_status safefile_read_fd(int fd, const char *path, size_t max, char **data, size_t *len,
                           pc_error *err)
{
    *data = NULL;
    *len = 0;
    char *buf = max < SIZE_MAX ? malloc(max + 1) : NULL;
    if (!buf)
        return pc_fail(err, PC_ENOMEM, "out of memory reading %s", path);
    size_t got = 0;
    /* Read to the end even if the file grew since it was checked, up to max + 1. */
    while (got <= max) {
        ssize_t n = read(fd, buf + got, max + 1 - got);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            free(buf);
            return pc_fail(err, PC_EIO, "cannot read %s: %s", path, strerror(errno));
        }
        if (n == 0)
            break;
        got += (size_t)n;
    }
    if (got > max) {
        free(buf);
        return pc_fail(err, PC_EDATA, "%s is too large (more than %zu bytes)", path, max);
    }
    buf[got] = '\0';
    *data = buf;
    *len = got;
    return PC_OK;
}

pc_status safefile_fsync_dir(const char *dir, pc_error *err)
{
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return pc_fail(err, PC_EIO, "cannot open folder %s: %s", dir, strerror(errno));
    /* EINVAL: the file system cannot sync folders; there is nothing more to do. */
    int rc = fsync(fd);
    int saved = errno;
    close(fd);
    if (rc != 0 && saved != EINVAL)
        return pc_fail(err, PC_EIO, "cannot sync folder %s: %s", dir, strerror(saved));
    return PC_OK;
}

static pc_status write_all(int fd, const uint8_t *p, size_t len, const char *target,
                           pc_error *err)
{
    while (len > 0) {
        ssize_t n = write(fd, p, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            /* write() returning 0 for a non-empty buffer means no room either. */
            return pc_fail(err, PC_EIO, "cannot write %s: %s", target,
                           strerror(n < 0 ? errno : ENOSPC));
        p += n;
        len -= (size_t)n;
    }
    return PC_OK;
}

pc_status safefile_write_atomic(const char *dir, const char *name, const void *data, size_t len,
                                bool replace, pc_error *err)
{
    char *target = safefile_join(dir, name);
    char *tmp = safefile_join(dir, SAFEFILE_TMP_PREFIX "XXXXXX");
    pc_status st = PC_OK;
    int fd = -1;
    if (!target || !tmp) {
        st = pc_fail(err, PC_ENOMEM, "out of memory");
        goto fail;
    }
    fd = mkstemp(tmp); /* mode 0600, O_EXCL */
    if (fd < 0) {
        st = pc_fail(err, PC_EIO, "cannot create a file in %s: %s", dir, strerror(errno));
        free(tmp);
        tmp = NULL;
        goto fail;
    }
    if ((st = write_all(fd, data, len, target, err)) != PC_OK)
        goto fail;
    if (fsync(fd) != 0) {
        st = pc_fail(err, PC_EIO, "cannot write %s: %s", target, strerror(errno));
        goto fail;
    }
    int rc = close(fd);
    fd = -1;
    if (rc != 0) {
        st = pc_fail(err, PC_EIO, "cannot write %s: %s", target, strerror(errno));
        goto fail;
    }
    if (replace) {
        if (rename(tmp, target) != 0) {
            st = pc_fail(err, PC_EIO, "cannot replace %s: %s", target, strerror(errno));
            goto fail;
        }
    } else {
        /* link() fails on an existing name, which rename() would clobber. */
        if (link(tmp, target) != 0) {
            st = pc_fail(err, PC_EIO, "cannot create %s: %s", target, strerror(errno));
            goto fail;
        }
        unlink(tmp);
    }
    free(tmp);
    free(target);
    return safefile_fsync_dir(dir, err);

fail:
    if (fd >= 0)
        close(fd);
    if (tmp)
        unlink(tmp);
    free(tmp);
    free(target);
    return st;
}
