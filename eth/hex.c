#include "eth/hex.h"

#include <stdlib.h>

static const char hex_lower[] = "0123456789abcdef";

void hex_encode(const uint8_t *data, size_t len, char *out)
{
    for (size_t i = 0; i < len; i++) {
        out[2 * i] = hex_lower[data[i] >> 4];
        out[2 * i + 1] = hex_lower[data[i] & 0x0f];
    }
    out[2 * len] = '\0';
}

char *hex_encode_prefixed(const uint8_t *data, size_t len)
{
    if (len > (SIZE_MAX - 3) / 2)
        return NULL;
    char *s = malloc(2 * len + 3);
    if (!s)
        return NULL;
    s[0] = '0';
    s[1] = 'x';
    hex_encode(data, len, s + 2);
    return s;
}

int hex_digit_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* Skips an optional 0x/0X prefix and checks the digits; on success *digits
 * points at the first digit and *ndigits is their (even) count. */
static pc_status hex_check(const char *text, size_t textlen, const char **digits,
                           size_t *ndigits, pc_error *err)
{
    if (textlen >= 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X')) {
        text += 2;
        textlen -= 2;
    }
    if (textlen % 2 != 0)
        return pc_fail(err, PC_EDATA, "hex text has an odd number of digits (%zu)", textlen);
    for (size_t i = 0; i < textlen; i++) {
        if (hex_digit_value(text[i]) < 0)
            return pc_fail(err, PC_EDATA, "hex text has a non-hex character at position %zu",
                           i);
    }
    *digits = text;
    *ndigits = textlen;
    return PC_OK;
}

static void hex_unpack(const char *digits, size_t nbytes, uint8_t *out)
{
    for (size_t i = 0; i < nbytes; i++)
        out[i] = (uint8_t)(hex_digit_value(digits[2 * i]) << 4 |
                           hex_digit_value(digits[2 * i + 1]));
}

pc_status hex_decode(const char *text, size_t textlen, uint8_t *out, size_t cap,
                     size_t *outlen, pc_error *err)
{
    const char *digits;
    size_t ndigits;
    pc_status st = hex_check(text, textlen, &digits, &ndigits, err);
    if (st != PC_OK)
        return st;
    if (ndigits / 2 > cap)
        return pc_fail(err, PC_EDATA, "hex text holds %zu bytes, at most %zu expected",
                       ndigits / 2, cap);
    hex_unpack(digits, ndigits / 2, out);
    *outlen = ndigits / 2;
    return PC_OK;
}

pc_status hex_decode_buf(const char *text, size_t textlen, bytebuf *out, pc_error *err)
{
    const char *digits;
    size_t ndigits;
    pc_status st = hex_check(text, textlen, &digits, &ndigits, err);
    if (st != PC_OK)
        return st;
    if (bytebuf_reserve(out, ndigits / 2) != PC_OK)
        return pc_fail(err, PC_ENOMEM, "out of memory decoding %zu hex bytes", ndigits / 2);
    if (ndigits >= 2) /* "0x" into an empty buffer: no pointer arithmetic on NULL */
        hex_unpack(digits, ndigits / 2, out->data + out->len);
    out->len += ndigits / 2;
    return PC_OK;
}
