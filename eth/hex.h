/* Hexadecimal text <-> bytes. */
#ifndef PC_HEX_H
#define PC_HEX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "eth/bytes.h"
#include "eth/error.h"

/* Writes 2*len lowercase hex digits and a NUL into out (size >= 2*len+1),
 * with no prefix. */
void hex_encode(const uint8_t *data, size_t len, char *out);

/* "0x" + hex of data, appended NUL-terminated into a fresh malloc'd string
 * (caller frees); NULL on allocation failure. */
char *hex_encode_prefixed(const uint8_t *data, size_t len);

/* Decodes hex text of exactly `textlen` characters, with or without a 0x/0X
 * prefix, into `out`. An odd number of digits, a non-hex character or more
 * than `cap` bytes is PC_EDATA. *outlen receives the byte count. */
pc_status hex_decode(const char *text, size_t textlen, uint8_t *out, size_t cap,
                     size_t *outlen, pc_error *err);

/* As hex_decode, into a growable buffer (appended). */
pc_status hex_decode_buf(const char *text, size_t textlen, bytebuf *out, pc_error *err);

/* Value of one hex digit, or -1. */
int hex_digit_value(char c);

#endif
