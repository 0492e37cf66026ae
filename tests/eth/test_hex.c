#include "eth/hex.h"

#include <stdlib.h>

#include "tests/check.h"

static void test_encode(void)
{
    const uint8_t data[] = {0x00, 0x01, 0xab, 0xff};
    char out[9];
    hex_encode(data, sizeof data, out);
    CHECK_STR(out, "0001abff");
    hex_encode(data, 0, out);
    CHECK_STR(out, "");
    char *p = hex_encode_prefixed(data, sizeof data);
    CHECK_STR(p, "0x0001abff");
    free(p);
    p = hex_encode_prefixed(data, 0);
    CHECK_STR(p, "0x");
    free(p);
}

static void test_decode(void)
{
    uint8_t out[4];
    size_t n = 99;
    CHECK(hex_decode("0x0001ABff", 10, out, sizeof out, &n, NULL) == PC_OK);
    CHECK(n == 4 && out[0] == 0 && out[1] == 1 && out[2] == 0xab && out[3] == 0xff);
    CHECK(hex_decode("0Xab", 4, out, sizeof out, &n, NULL) == PC_OK && n == 1 && out[0] == 0xab);
    CHECK(hex_decode("cd", 2, out, sizeof out, &n, NULL) == PC_OK && n == 1 && out[0] == 0xcd);
    CHECK(hex_decode("0x", 2, out, sizeof out, &n, NULL) == PC_OK && n == 0);
    CHECK(hex_decode("", 0, out, sizeof out, &n, NULL) == PC_OK && n == 0);
    /* textlen bounds the read: the digits after it are ignored. */
    CHECK(hex_decode("12zz", 2, out, sizeof out, &n, NULL) == PC_OK && n == 1);

    bytebuf b = BYTEBUF_INIT;
    CHECK(hex_decode_buf("0x01", 4, &b, NULL) == PC_OK);
    CHECK(hex_decode_buf("0203", 4, &b, NULL) == PC_OK);
    CHECK(b.len == 3 && b.data[0] == 1 && b.data[2] == 3);
    bytebuf_free(&b);
    CHECK(b.data == NULL && b.len == 0);
}

static void test_bad(void)
{
    uint8_t out[2];
    size_t n;
    pc_error err;
    CHECK(hex_decode("0x123", 5, out, sizeof out, &n, &err) == PC_EDATA);
    CHECK(strstr(err.msg, "odd") != NULL);
    CHECK(hex_decode("0xg0", 4, out, sizeof out, &n, &err) == PC_EDATA);
    CHECK(strstr(err.msg, "non-hex") != NULL);
    CHECK(hex_decode("0x 1", 4, out, sizeof out, &n, &err) == PC_EDATA);
    CHECK(hex_decode("010203", 6, out, sizeof out, &n, &err) == PC_EDATA);
    CHECK(strstr(err.msg, "at most 2") != NULL);
    CHECK(hex_decode("0x0x", 4, out, sizeof out, &n, &err) == PC_EDATA);
    bytebuf b = BYTEBUF_INIT;
    CHECK(hex_decode_buf("abc", 3, &b, &err) == PC_EDATA);
    CHECK(b.len == 0);
    bytebuf_free(&b);
    CHECK(hex_digit_value('f') == 15 && hex_digit_value('F') == 15 && hex_digit_value('g') == -1);
}

int main(void)
{
    test_encode();
    test_decode();
    test_bad();
    return check_summary();
}
