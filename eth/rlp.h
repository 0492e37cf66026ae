/* Recursive Length Prefix encoding (Ethereum Yellow Paper, appendix B).
 *
 * Encoding appends to a bytebuf. Lists are written by remembering where the
 * list starts, appending its items, then calling rlp_list_end, which inserts
 * the right prefix in front of them.
 *
 * Decoding reads one item at a time from a bounded buffer and checks every
 * length against it; non-canonical forms (a single byte below 0x80 encoded
 * as a string, long forms for short lengths, leading zero length bytes) are
 * refused with PC_EDATA. */
#ifndef PC_RLP_H
#define PC_RLP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "eth/bytes.h"
#include "eth/error.h"
#include "eth/u256.h"

pc_status rlp_encode_bytes(bytebuf *out, const uint8_t *data, size_t len);
/* Integers are minimal big-endian byte strings; zero is the empty string. */
pc_status rlp_encode_u64(bytebuf *out, uint64_t v);
pc_status rlp_encode_u256(bytebuf *out, const u256 *v);

/* Returns the offset to pass to rlp_list_end. */
size_t rlp_list_begin(const bytebuf *out);
pc_status rlp_list_end(bytebuf *out, size_t begin);

typedef struct rlp_item {
    bool is_list;
    const uint8_t *payload; /* points into the decoded buffer */
    size_t payload_len;
} rlp_item;

/* Decodes the item that starts at in[0]; *consumed receives its total size
 * (prefix + payload). */
pc_status rlp_decode_item(const uint8_t *in, size_t len, rlp_item *item, size_t *consumed,
                          pc_error *err);

#endif
