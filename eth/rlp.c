#include "eth/rlp.h"

#include <string.h>

/* Writes the prefix for a payload of `len` bytes: `short_base + len` below 56
 * bytes, else `short_base + 55 + n` followed by the n-byte big-endian length.
 * short_base is 0x80 for strings and 0xc0 for lists. */
static size_t rlp_prefix(uint8_t prefix[9], uint8_t short_base, size_t len)
{
    if (len < 56) {
        prefix[0] = (uint8_t)(short_base + len);
        return 1;
    }
    uint8_t be[8];
    size_t n = 0;
    for (size_t v = len; v; v >>= 8)
        be[n++] = (uint8_t)v;
    prefix[0] = (uint8_t)(short_base + 55 + n);
    for (size_t i = 0; i < n; i++)
        prefix[1 + i] = be[n - 1 - i];
    return 1 + n;
}

pc_status rlp_encode_bytes(bytebuf *out, const uint8_t *data, size_t len)
{
    /* A single byte below 0x80 is its own encoding. */
    if (len == 1 && data[0] < 0x80)
        return bytebuf_append_byte(out, data[0]);
    uint8_t prefix[9];
    size_t plen = rlp_prefix(prefix, 0x80, len);
    /* Reserve both parts first so that a failure leaves `out` unchanged. */
    pc_status st = bytebuf_reserve(out, plen + len);
    if (st != PC_OK)
        return st;
    bytebuf_append(out, prefix, plen);
    bytebuf_append(out, data, len);
    return PC_OK;
}

pc_status rlp_encode_u64(bytebuf *out, uint64_t v)
{
    u256 x = u256_from_u64(v);
    return rlp_encode_u256(out, &x);
}

pc_status rlp_encode_u256(bytebuf *out, const u256 *v)
{
    uint8_t be[32];
    size_t n = u256_to_be_min(v, be);
    return rlp_encode_bytes(out, be, n);
}

size_t rlp_list_begin(const bytebuf *out)
{
    return out->len;
}

pc_status rlp_list_end(bytebuf *out, size_t begin)
{
    size_t payload = out->len - begin;
    uint8_t prefix[9];
    size_t plen = rlp_prefix(prefix, 0xc0, payload);
    pc_status st = bytebuf_reserve(out, plen);
    if (st != PC_OK)
        return st;
    memmove(out->data + begin + plen, out->data + begin, payload);
    memcpy(out->data + begin, prefix, plen);
    out->len += plen;
    return PC_OK;
}

/* Reads the n-byte big-endian length of a long form, refusing leading
 * zeros, lengths below 56 (which have a short form) and lengths that do not
 * fit in size_t. */
static pc_status rlp_long_length(const uint8_t *in, size_t n, size_t *out, pc_error *err)
{
    if (in[0] == 0)
        return pc_fail(err, PC_EDATA, "RLP length has a leading zero byte (non-canonical)");
    if (n > sizeof(size_t))
        return pc_fail(err, PC_EDATA, "RLP length of %zu bytes is too large", n);
    size_t v = 0;
    for (size_t i = 0; i < n; i++)
        v = v << 8 | in[i];
    if (v < 56)
        return pc_fail(err, PC_EDATA,
                       "RLP long form used for a length of %zu bytes (non-canonical)", v);
    *out = v;
    return PC_OK;
}

pc_status rlp_decode_item(const uint8_t *in, size_t len, rlp_item *item, size_t *consumed,
                          pc_error *err)
{
    if (len == 0)
        return pc_fail(err, PC_EDATA, "RLP data ends where an item was expected");
    uint8_t b = in[0];
    size_t head, payload = 0;
    bool is_list = b >= 0xc0;
    if (b < 0x80) {
        head = 0;
        payload = 1;
    } else if (b < 0xb8 || (b >= 0xc0 && b < 0xf8)) {
        head = 1;
        payload = b - (is_list ? 0xc0u : 0x80u);
    } else {
        size_t n = b - (is_list ? 0xf7u : 0xb7u);
        if (len - 1 < n)
            return pc_fail(err, PC_EDATA, "RLP data ends inside a length prefix");
        pc_status st = rlp_long_length(in + 1, n, &payload, err);
        if (st != PC_OK)
            return st;
        head = 1 + n;
    }
    if (payload > len - head)
        return pc_fail(err, PC_EDATA, "RLP item claims %zu bytes but only %zu remain", payload,
                       len - head);
    if (!is_list && head == 1 && payload == 1 && in[1] < 0x80)
        return pc_fail(err, PC_EDATA,
                       "RLP single byte 0x%02x encoded as a string (non-canonical)", in[1]);
    item->is_list = is_list;
    item->payload = in + head;
    item->payload_len = payload;
    *consumed = head + payload;
    return PC_OK;
}
