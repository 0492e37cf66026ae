#include "keystore/secret.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <unistd.h>

#include <sodium.h>

#include "eth/hex.h"
#include "eth/secp.h"
#include "keystore/safefile.h"

struct secret {
    uint8_t *bytes; /* sodium_malloc'd */
    size_t len;
};

pc_status secret_init(pc_error *err)
{
    if (sodium_init() < 0)
        return pc_fail(err, PC_ENOMEM, "cannot initialise libsodium");
    /* A core dump would write unlocked keys to disk. */
    struct rlimit none = { 0, 0 };
    if (setrlimit(RLIMIT_CORE, &none) != 0)
        return pc_fail(err, PC_EIO, "cannot disable core dumps: %s", strerror(errno));
    /* Nor may other processes of the same user read our memory: a process
     * that is not dumpable cannot be ptrace'd by them, and its
     * /proc/PID/{mem,environ,fd,maps} belong to root. For the whole
     * process, from the start: a password may be typed at any time, and
     * the panel keeps a key unlocked for minutes. */
    if (prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0)
        return pc_fail(err, PC_EIO, "cannot protect the process's memory: %s", strerror(errno));
    return PC_OK;
}

pc_status secret_new(size_t len, secret **out, pc_error *err)
{
    *out = NULL;
    secret *s = malloc(sizeof *s);
    if (!s)
        return pc_fail(err, PC_ENOMEM, "out of memory for a secret");
    s->bytes = sodium_malloc(len ? len : 1);
    if (!s->bytes) {
        free(s);
        return pc_fail(err, PC_ENOMEM, "out of guarded memory for a secret");
    }
    s->len = len;
    sodium_memzero(s->bytes, len ? len : 1);
    sodium_mprotect_noaccess(s->bytes);
    *out = s;
    return PC_OK;
}

size_t secret_len(const secret *s)
{
    return s->len;
}

uint8_t *secret_open(secret *s)
{
    sodium_mprotect_readwrite(s->bytes);
    return s->bytes;
}

void secret_close(secret *s)
{
    sodium_mprotect_noaccess(s->bytes);
}

void secret_free(secret *s)
{
    if (!s)
        return;
    sodium_free(s->bytes); /* wipes, whatever the protection */
    free(s);
}

#define HEX_KEY_TEXT_MAX 160

static bool is_space(uint8_t c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

pc_status secret_parse_hex_key(const uint8_t *text, size_t len, const char *what, secret **out,
                               pc_error *err)
{
    *out = NULL;
    size_t b = 0, e = len;
    while (b < e && is_space(text[b]))
        b++;
    while (e > b && is_space(text[e - 1]))
        e--;
    if (e - b >= 2 && text[b] == '0' && (text[b + 1] == 'x' || text[b + 1] == 'X'))
        b += 2;
    if (e - b != 64)
        return pc_fail(err, PC_EKEY, "%s must hold a private key of 64 hex digits", what);
    secret *s;
    pc_status st = secret_new(32, &s, err);
    if (st != PC_OK)
        return st;
    size_t got;
    st = hex_decode((const char *)text + b, 64, secret_open(s), 32, &got, NULL);
    secret_close(s);
    if (st != PC_OK) {
        secret_free(s);
        return pc_fail(err, PC_EKEY, "%s holds a character that is not hex", what);
    }
    *out = s;
    return PC_OK;
}

pc_status secret_read_hex_key_fd(int fd, const char *what, secret **out, pc_error *err)
{
    *out = NULL;
    secret *text_s;
    pc_status st = secret_new(HEX_KEY_TEXT_MAX + 1, &text_s, err);
    if (st != PC_OK)
        return st;
    uint8_t *text = secret_open(text_s);
    size_t n = 0;
    /* One byte more than allowed tells "too long" from "exactly full". */
    while (n <= HEX_KEY_TEXT_MAX) {
        ssize_t r = read(fd, text + n, HEX_KEY_TEXT_MAX + 1 - n);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            st = pc_fail(err, PC_EIO, "cannot read the private key from %s: %s", what,
                         strerror(errno));
            goto out;
        }
        if (r == 0)
            break;
        n += (size_t)r;
    }
    if (n > HEX_KEY_TEXT_MAX) {
        st = pc_fail(err, PC_EKEY, "%s is too long: expected 64 hex digits", what);
        goto out;
    }
    st = secret_parse_hex_key(text, n, what, out, err);
out:
    secret_close(text_s);
    secret_free(text_s);
    return st;
}

pc_status secret_load_hex_key_file(const char *path, secret **out, pc_error *err)
{
    *out = NULL;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return pc_fail(err, PC_EIO, "cannot open private key file %s: %s", path, strerror(errno));
    /* A key others can read is a key others may have: refused, as key files are. */
    pc_status st = safefile_check_private_fd(path, fd, err);
    if (st != PC_OK) {
        close(fd);
        return st;
    }
    char what[PC_ERROR_MSG_MAX / 2];
    snprintf(what, sizeof what, "private key file %s", path);
    st = secret_read_hex_key_fd(fd, what, out, err);
    close(fd);
    return st;
}

pc_status secret_hex_key_file_address(const char *path, eth_address *out, pc_error *err)
{
    secret *key;
    pc_status st = secret_load_hex_key_file(path, &key, err);
    if (st != PC_OK)
        return st;
    st = secp_privkey_to_address(secret_open(key), out, err);
    secret_close(key);
    secret_free(key);
    return st;
}
