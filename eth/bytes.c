#include "eth/bytes.h"

#include <stdlib.h>
#include <string.h>

#include <sodium.h>

pc_status bytebuf_reserve(bytebuf *b, size_t extra)
{
    if (extra > SIZE_MAX - b->len)
        return PC_ENOMEM;
    size_t need = b->len + extra;
    if (need <= b->cap)
        return PC_OK;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < need)
        cap = cap > SIZE_MAX / 2 ? need : cap * 2;
    /* Copy by hand instead of realloc so that the old block can be wiped:
     * buffers may hold signed payloads or key-derived data. */
    uint8_t *grown = malloc(cap);
    if (!grown)
        return PC_ENOMEM;
    if (b->len)
        memcpy(grown, b->data, b->len);
    if (b->data) {
        sodium_memzero(b->data, b->cap);
        free(b->data);
    }
    b->data = grown;
    b->cap = cap;
    return PC_OK;
}

pc_status bytebuf_append(bytebuf *b, const void *data, size_t len)
{
    if (len == 0)
        return PC_OK;
    pc_status st = bytebuf_reserve(b, len);
    if (st != PC_OK)
        return st;
    memcpy(b->data + b->len, data, len);
    b->len += len;
    return PC_OK;
}

pc_status bytebuf_append_byte(bytebuf *b, uint8_t byte)
{
    return bytebuf_append(b, &byte, 1);
}

pc_status bytebuf_append_zeros(bytebuf *b, size_t len)
{
    if (len == 0)
        return PC_OK;
    pc_status st = bytebuf_reserve(b, len);
    if (st != PC_OK)
        return st;
    memset(b->data + b->len, 0, len);
    b->len += len;
    return PC_OK;
}

void bytebuf_free(bytebuf *b)
{
    if (b->data) {
        sodium_memzero(b->data, b->cap);
        free(b->data);
    }
    b->data = NULL;
    b->len = 0;
    b->cap = 0;
}
