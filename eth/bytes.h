/* A growable byte buffer. The buffer owns `data`; bytebuf_free releases it.
 * Appends return PC_ENOMEM on allocation failure and leave the buffer as it
 * was. */
#ifndef PC_BYTES_H
#define PC_BYTES_H

#include <stddef.h>
#include <stdint.h>

#include "eth/error.h"

typedef struct bytebuf {
    uint8_t *data;
    size_t len;
    size_t cap;
} bytebuf;

#define BYTEBUF_INIT { NULL, 0, 0 }

pc_status bytebuf_reserve(bytebuf *b, size_t extra);
pc_status bytebuf_append(bytebuf *b, const void *data, size_t len);
pc_status bytebuf_append_byte(bytebuf *b, uint8_t byte);
pc_status bytebuf_append_zeros(bytebuf *b, size_t len);
/* Wipes the contents before freeing (buffers may hold signed payloads). */
void bytebuf_free(bytebuf *b);

#endif
