/* Small helpers shared by the eth/ unit tests. */
#ifndef PC_ETH_TEST_UTIL_H
#define PC_ETH_TEST_UTIL_H

#include <stdlib.h>
#include <string.h>

#include "eth/bytes.h"
#include "eth/hex.h"

/* Decodes trusted test hex into a fresh buffer (aborts on bad test data). */
static inline bytebuf unhex(const char *text)
{
    bytebuf b = BYTEBUF_INIT;
    if (hex_decode_buf(text, strlen(text), &b, NULL) != PC_OK)
        abort();
    return b;
}

/* Hex of data into a static buffer, for CHECK_STR; not reentrant. */
static inline const char *tohex(const uint8_t *data, size_t len)
{
    static char out[8192];
    if (2 * len + 1 > sizeof out)
        abort();
    hex_encode(data, len, out);
    return out;
}

#endif
