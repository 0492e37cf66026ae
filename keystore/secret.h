/* Guarded memory for private keys and passwords (libsodium's sodium_malloc:
 * guard pages, no swap, no core dumps, wiped on free). A secret is kept
 * inaccessible (PROT_NONE) except between secret_open and secret_close, so a
 * stray read elsewhere in the program faults instead of leaking it.
 *
 * Call secret_init once before anything else (it initialises libsodium,
 * turns off core dumps for the process and makes it non-dumpable, so other
 * processes of the same user can neither ptrace it nor read its memory
 * through /proc). */
#ifndef PC_SECRET_H
#define PC_SECRET_H

#include <stddef.h>
#include <stdint.h>

#include "eth/address.h"
#include "eth/error.h"

typedef struct secret secret;

pc_status secret_init(pc_error *err);

/* A zero-filled secret of `len` bytes, inaccessible until opened. */
pc_status secret_new(size_t len, secret **out, pc_error *err);
size_t secret_len(const secret *s);

/* Makes the bytes readable and writable and returns them; pair with
 * secret_close, which makes them inaccessible again. Not reentrant. */
uint8_t *secret_open(secret *s);
void secret_close(secret *s);

/* Wipes and releases; NULL is allowed. */
void secret_free(secret *s);

/* Reads a private key written as 64 hex digits (optional 0x, surrounding
 * whitespace allowed) from the file at `path` into a new 32-byte secret.
 * The text is read straight into guarded memory (no stdio buffer). */
pc_status secret_load_hex_key_file(const char *path, secret **out, pc_error *err);

/* Parses a private key from text held in guarded memory (`text`, `len`
 * bytes; 64 hex digits, optional 0x, surrounding whitespace allowed) into a
 * new 32-byte secret. `what` names the source in messages. */
pc_status secret_parse_hex_key(const uint8_t *text, size_t len, const char *what, secret **out,
                               pc_error *err);

/* The same from an open descriptor (standard input, say), read to its end;
 * `what` names the source in messages. */
pc_status secret_read_hex_key_fd(int fd, const char *what, secret **out, pc_error *err);

/* The address of the key in a hex key file (as secret_load_hex_key_file
 * reads it); the key itself is wiped at once. */
pc_status secret_hex_key_file_address(const char *path, eth_address *out, pc_error *err);

#endif
