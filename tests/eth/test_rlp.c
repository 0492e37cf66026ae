#include "eth/rlp.h"

#include "tests/check.h"
#include "tests/eth/eth_test_util.h"

/* Vectors: the RLP page of the Ethereum wiki / ethereum.org docs
 * ("dog", ["cat","dog"], "", [], 0, "\x00", 15, 1024, the set-theoretic
 * representation of three, and the 56-byte "Lorem ipsum" string), which
 * follow Yellow Paper appendix B. */

static const char *LOREM = "Lorem ipsum dolor sit amet, consectetur adipisicing elit";

static void check_buf(bytebuf *b, const char *want)
{
    CHECK_STR(tohex(b->data, b->len), want);
    bytebuf_free(b);
}

static void test_encode(void)
{
    bytebuf b = BYTEBUF_INIT;
    rlp_encode_bytes(&b, (const uint8_t *)"dog", 3);
    check_buf(&b, "83646f67");

    size_t l = rlp_list_begin(&b);
    rlp_encode_bytes(&b, (const uint8_t *)"cat", 3);
    rlp_encode_bytes(&b, (const uint8_t *)"dog", 3);
    rlp_list_end(&b, l);
    check_buf(&b, "c88363617483646f67");

    rlp_encode_bytes(&b, NULL, 0);
    check_buf(&b, "80");
    l = rlp_list_begin(&b);
    rlp_list_end(&b, l);
    check_buf(&b, "c0");
    rlp_encode_u64(&b, 0);
    check_buf(&b, "80");
    const uint8_t zero_byte = 0;
    rlp_encode_bytes(&b, &zero_byte, 1);
    check_buf(&b, "00");
    rlp_encode_u64(&b, 15);
    check_buf(&b, "0f");
    rlp_encode_u64(&b, 1024);
    check_buf(&b, "820400");
    rlp_encode_u64(&b, 0x80);
    check_buf(&b, "8180");
    u256 big = {{0, 0, 0, 1}};
    rlp_encode_u256(&b, &big);
    check_buf(&b, "99" "01" "000000000000000000000000000000000000000000000000"); /* 2^192 */

    /* [ [], [[]], [ [], [[]] ] ] */
    size_t outer = rlp_list_begin(&b);
    rlp_list_end(&b, rlp_list_begin(&b));
    size_t second = rlp_list_begin(&b);
    rlp_list_end(&b, rlp_list_begin(&b));
    rlp_list_end(&b, second);
    size_t third = rlp_list_begin(&b);
    rlp_list_end(&b, rlp_list_begin(&b));
    size_t inner = rlp_list_begin(&b);
    rlp_list_end(&b, rlp_list_begin(&b));
    rlp_list_end(&b, inner);
    rlp_list_end(&b, third);
    rlp_list_end(&b, outer);
    check_buf(&b, "c7c0c1c0c3c0c1c0");

    rlp_encode_bytes(&b, (const uint8_t *)LOREM, strlen(LOREM));
    CHECK(b.len == 58 && b.data[0] == 0xb8 && b.data[1] == 0x38);
    CHECK(memcmp(b.data + 2, LOREM, 56) == 0);
    bytebuf_free(&b);

    /* A list longer than 55 bytes takes the long list prefix. */
    l = rlp_list_begin(&b);
    rlp_encode_bytes(&b, (const uint8_t *)LOREM, strlen(LOREM));
    rlp_list_end(&b, l);
    CHECK(b.len == 60 && b.data[0] == 0xf8 && b.data[1] == 58 && b.data[2] == 0xb8);
    bytebuf_free(&b);

    /* 1024-byte string: two length bytes. */
    uint8_t kb[1024] = {0};
    rlp_encode_bytes(&b, kb, sizeof kb);
    CHECK(b.len == 1027 && b.data[0] == 0xb9 && b.data[1] == 0x04 && b.data[2] == 0x00);
    bytebuf_free(&b);
}

static void test_decode(void)
{
    rlp_item it;
    size_t used;
    pc_error err;
    bytebuf b = unhex("c88363617483646f67");
    CHECK(rlp_decode_item(b.data, b.len, &it, &used, &err) == PC_OK);
    CHECK(it.is_list && it.payload_len == 8 && used == 9);
    rlp_item cat, dog;
    size_t u1, u2;
    CHECK(rlp_decode_item(it.payload, it.payload_len, &cat, &u1, &err) == PC_OK);
    CHECK(!cat.is_list && cat.payload_len == 3 && memcmp(cat.payload, "cat", 3) == 0);
    CHECK(rlp_decode_item(it.payload + u1, it.payload_len - u1, &dog, &u2, &err) == PC_OK);
    CHECK(memcmp(dog.payload, "dog", 3) == 0 && u1 + u2 == it.payload_len);
    bytebuf_free(&b);

    b = unhex("0f");
    CHECK(rlp_decode_item(b.data, b.len, &it, &used, &err) == PC_OK);
    CHECK(!it.is_list && it.payload_len == 1 && it.payload[0] == 15 && used == 1);
    bytebuf_free(&b);
    b = unhex("80");
    CHECK(rlp_decode_item(b.data, b.len, &it, &used, &err) == PC_OK && it.payload_len == 0);
    bytebuf_free(&b);
    b = unhex("c7c0c1c0c3c0c1c0");
    CHECK(rlp_decode_item(b.data, b.len, &it, &used, &err) == PC_OK && it.payload_len == 7);
    bytebuf_free(&b);

    bytebuf lorem = BYTEBUF_INIT;
    rlp_encode_bytes(&lorem, (const uint8_t *)LOREM, strlen(LOREM));
    CHECK(rlp_decode_item(lorem.data, lorem.len, &it, &used, &err) == PC_OK);
    CHECK(it.payload_len == 56 && used == 58 && memcmp(it.payload, LOREM, 56) == 0);
    /* Every truncation of it is refused. */
    for (size_t n = 0; n < lorem.len; n++)
        CHECK(rlp_decode_item(lorem.data, n, &it, &used, &err) == PC_EDATA);
    bytebuf_free(&lorem);
}

static void check_bad(const char *hex, const char *fragment)
{
    bytebuf b = unhex(hex);
    rlp_item it;
    size_t used;
    pc_error err = { 0 };
    CHECK(rlp_decode_item(b.data, b.len, &it, &used, &err) == PC_EDATA);
    if (!strstr(err.msg, fragment)) {
        check_failed++;
        fprintf(stderr, "%s: message \"%s\" lacks \"%s\"\n", hex, err.msg, fragment);
    }
    bytebuf_free(&b);
}

static void test_bad(void)
{
    check_bad("", "ends");
    check_bad("8100", "non-canonical");              /* 0x00 must be itself */
    check_bad("817f", "non-canonical");
    check_bad("b80548656c6c6f", "non-canonical");    /* long form for 5 bytes */
    check_bad("f803c0c0c0", "non-canonical");
    check_bad("b90038" "00", "leading zero");
    check_bad("83646f", "only 2 remain");          /* truncated */
    check_bad("c88363617483646f", "remain");
    check_bad("b9", "inside a length prefix");
    check_bad("bf01", "inside a length prefix");
    check_bad("bfffffffffffffffff00", "remain");   /* 2^64-1 bytes claimed */
    check_bad("ffffffffffffffffff00", "remain");
}

int main(void)
{
    test_encode();
    test_decode();
    test_bad();
    return check_summary();
}
