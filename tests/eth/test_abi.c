#include "eth/abi.h"

#include <stdarg.h>
#include <stdlib.h>

#include "tests/check.h"
#include "tests/eth/eth_test_util.h"

/* ---- building values ---- */

static abi_value v_uint(uint64_t n)
{
    abi_value v = {.kind = ABI_UINT, .num = u256_from_u64(n)};
    return v;
}

static abi_value v_bool(bool b)
{
    abi_value v = {.kind = ABI_BOOL, .boolean = b};
    return v;
}

static abi_value v_addr(uint8_t fill)
{
    abi_value v = {.kind = ABI_ADDRESS};
    memset(v.addr.b, fill, sizeof v.addr.b);
    return v;
}

static abi_value v_text(abi_kind kind, const char *s)
{
    abi_value v = {.kind = kind, .len = strlen(s)};
    v.bytes = (uint8_t *)strdup(s);
    return v;
}

/* An array or tuple of n values (the items are moved in). */
static abi_value v_list(abi_kind kind, size_t n, ...)
{
    abi_value v = {.kind = kind, .count = n};
    v.items = n ? calloc(n, sizeof *v.items) : NULL;
    va_list ap;
    va_start(ap, n);
    for (size_t i = 0; i < n; i++)
        v.items[i] = va_arg(ap, abi_value);
    va_end(ap);
    return v;
}

static bool value_equal(const abi_value *a, const abi_value *b)
{
    if (a->kind != b->kind)
        return false;
    switch (a->kind) {
    case ABI_UINT: return u256_cmp(&a->num, &b->num) == 0;
    case ABI_BOOL: return a->boolean == b->boolean;
    case ABI_ADDRESS: return eth_address_equal(&a->addr, &b->addr);
    case ABI_STRING:
    case ABI_BYTES: return a->len == b->len && memcmp(a->bytes, b->bytes, a->len) == 0;
    default:
        if (a->count != b->count)
            return false;
        for (size_t i = 0; i < a->count; i++) {
            if (!value_equal(&a->items[i], &b->items[i]))
                return false;
        }
        return true;
    }
}

static abi_type *parse(const char *text)
{
    abi_type *t = NULL;
    pc_error err;
    if (abi_type_parse(text, &t, &err) != PC_OK) {
        fprintf(stderr, "parse %s: %s\n", text, err.msg);
        abort();
    }
    return t;
}

/* Encodes value against type text, compares with the expected hex, decodes
 * the expected bytes and compares the value. Frees value. */
static void check_roundtrip(const char *type_text, abi_value value, const char *want_hex)
{
    abi_type *t = parse(type_text);
    bytebuf enc = BYTEBUF_INIT;
    pc_error err;
    CHECK(abi_encode(t, &value, &enc, &err) == PC_OK);
    CHECK_STR(tohex(enc.data, enc.len), want_hex);

    bytebuf want = unhex(want_hex);
    abi_value dec;
    CHECK(abi_decode(t, want.data, want.len, &dec, &err) == PC_OK);
    CHECK(value_equal(&dec, &value));
    abi_value_free(&dec);

    /* Truncated anywhere, the data is refused (or, when the cut falls in
     * trailing padding, still decodes); it never crashes. */
    for (size_t n = 0; n < want.len; n += 7) {
        if (abi_decode(t, want.data, n, &dec, &err) == PC_OK)
            abi_value_free(&dec);
        else
            CHECK(dec.count == 0 && dec.items == NULL);
    }
    /* Any single byte set to 0xff: an error or a value, never a crash. */
    for (size_t i = 0; i < want.len; i++) {
        uint8_t saved = want.data[i];
        want.data[i] = 0xff;
        if (abi_decode(t, want.data, want.len, &dec, &err) == PC_OK)
            abi_value_free(&dec);
        want.data[i] = saved;
    }
    bytebuf_free(&want);
    bytebuf_free(&enc);
    abi_value_free(&value);
    abi_type_free(t);
}

/* ---- tests ---- */

static void check_selector(const char *sig, const char *want)
{
    uint8_t sel[4];
    abi_selector(sig, sel);
    CHECK_STR(tohex(sel, 4), want);
}

static void test_selectors(void)
{
    /* Solidity ABI specification examples, and the revert selectors. */
    check_selector("baz(uint32,bool)", "cdcd77c0");
    check_selector("sam(bytes,bool,uint256[])", "a5643bf2");
    check_selector("g(uint256[][],string[])", "2289b18c");
    check_selector("Error(string)", "08c379a0");
    check_selector("Panic(uint256)", "4e487b71");
    check_selector("transferENT(address,uint256)", "468e04a1"); /* cast calldata */
    uint8_t topic[32];
    abi_event_topic("Info(string)", topic);
    CHECK_STR(tohex(topic, 32), "6d128f203c67be3b2d9bf1612fd59bdd6ae01f4f0d2ffedd05e76ab2a09b7f8a");
}

static void check_canonical(const char *text, const char *want)
{
    abi_type *t = parse(text);
    char *c = abi_type_canonical(t);
    CHECK_STR(c, want);
    abi_type *clone = abi_type_clone(t);
    char *c2 = abi_type_canonical(clone);
    CHECK_STR(c2, want);
    free(c);
    free(c2);
    abi_type_free(clone);
    abi_type_free(t);
}

static void check_parse_error(const char *text, const char *fragment)
{
    abi_type *t = NULL;
    pc_error err = { 0 };
    CHECK(abi_type_parse(text, &t, &err) == PC_EINPUT);
    CHECK(t == NULL);
    if (!strstr(err.msg, fragment)) {
        check_failed++;
        fprintf(stderr, "'%s': message \"%s\" lacks \"%s\"\n", text, err.msg, fragment);
    }
}

static void test_types(void)
{
    check_canonical("()", "()");
    check_canonical("(uint256 M,uint256 B)", "(uint256,uint256)");
    check_canonical("((bool state,address owner,uint256 wh)[] units)", "((bool,address,uint256)[])");
    check_canonical(" ( uint ,  uint8 x , bool\tflag, string s, bytes b ) ",
                    "(uint256,uint256,bool,string,bytes)");
    check_canonical("(uint256[][],string[])", "(uint256[][],string[])");
    check_canonical("((uint256,address)[],((bool)[])[])", "((uint256,address)[],((bool)[])[])");

    abi_type *t = parse("(uint256 M, address owner)");
    CHECK(t->kind == ABI_TUPLE && t->nfields == 2);
    CHECK_STR(t->fields[0].name, "M");
    CHECK_STR(t->fields[1].name, "owner");
    CHECK(t->fields[1].kind == ABI_ADDRESS && !abi_type_is_dynamic(t));
    abi_type_free(t);
    t = parse("(uint256[] a)");
    CHECK(abi_type_is_dynamic(t) && t->fields[0].kind == ABI_ARRAY);
    CHECK_STR(t->fields[0].name, "a");
    abi_type_free(t);

    check_parse_error("(int256)", "'int256'");
    check_parse_error("(bytes32)", "'bytes32'");
    check_parse_error("(uint7)", "'uint7'");
    check_parse_error("(uint264)", "'uint264'");
    check_parse_error("(uint0256)", "'uint0256'");
    check_parse_error("(fixed128x18)", "unsupported");
    check_parse_error("(uint256[3])", "fixed-size");
    check_parse_error("(uint256", "')' expected");
    check_parse_error("uint256", "'(' expected");
    check_parse_error("(uint256))", "after the closing");
    check_parse_error("(,)", "a type was expected");
    check_parse_error("(uint256,)", "a type was expected");
    check_parse_error("(uint256 a b)", "expected");
    check_parse_error("", "'(' expected");
    char deep[200] = "";
    for (int i = 0; i < 40; i++)
        strcat(deep, "(");
    check_parse_error(deep, "nested too deeply");
    strcpy(deep, "(uint256");
    for (int i = 0; i < 40; i++)
        strcat(deep, "[]");
    strcat(deep, ")");
    check_parse_error(deep, "arrays nested too deeply");
}

static void test_spec_vectors(void)
{
    /* Solidity ABI spec: baz(69, true) */
    check_roundtrip("(uint32 x, bool y)", v_list(ABI_TUPLE, 2, v_uint(69), v_bool(true)),
                    "0000000000000000000000000000000000000000000000000000000000000045"
                    "0000000000000000000000000000000000000000000000000000000000000001");

    /* Solidity ABI spec: sam("dave", true, [1,2,3]) */
    check_roundtrip("(bytes,bool,uint256[])",
                    v_list(ABI_TUPLE, 3, v_text(ABI_BYTES, "dave"), v_bool(true),
                           v_list(ABI_ARRAY, 3, v_uint(1), v_uint(2), v_uint(3))),
                    "0000000000000000000000000000000000000000000000000000000000000060"
                    "0000000000000000000000000000000000000000000000000000000000000001"
                    "00000000000000000000000000000000000000000000000000000000000000a0"
                    "0000000000000000000000000000000000000000000000000000000000000004"
                    "6461766500000000000000000000000000000000000000000000000000000000"
                    "0000000000000000000000000000000000000000000000000000000000000003"
                    "0000000000000000000000000000000000000000000000000000000000000001"
                    "0000000000000000000000000000000000000000000000000000000000000002"
                    "0000000000000000000000000000000000000000000000000000000000000003");

    /* f(uint256,uint32[],bytes10,bytes) from the spec needs bytes10, which
     * PowerChain does not use: skipped. */

    /* Solidity ABI spec: g([[1, 2], [3]], ["one", "two", "three"]) */
    check_roundtrip("(uint256[][],string[])",
                    v_list(ABI_TUPLE, 2,
                           v_list(ABI_ARRAY, 2, v_list(ABI_ARRAY, 2, v_uint(1), v_uint(2)),
                                  v_list(ABI_ARRAY, 1, v_uint(3))),
                           v_list(ABI_ARRAY, 3, v_text(ABI_STRING, "one"),
                                  v_text(ABI_STRING, "two"), v_text(ABI_STRING, "three"))),
                    "0000000000000000000000000000000000000000000000000000000000000040"
                    "0000000000000000000000000000000000000000000000000000000000000140"
                    "0000000000000000000000000000000000000000000000000000000000000002"
                    "0000000000000000000000000000000000000000000000000000000000000040"
                    "00000000000000000000000000000000000000000000000000000000000000a0"
                    "0000000000000000000000000000000000000000000000000000000000000002"
                    "0000000000000000000000000000000000000000000000000000000000000001"
                    "0000000000000000000000000000000000000000000000000000000000000002"
                    "0000000000000000000000000000000000000000000000000000000000000001"
                    "0000000000000000000000000000000000000000000000000000000000000003"
                    "0000000000000000000000000000000000000000000000000000000000000003"
                    "0000000000000000000000000000000000000000000000000000000000000060"
                    "00000000000000000000000000000000000000000000000000000000000000a0"
                    "00000000000000000000000000000000000000000000000000000000000000e0"
                    "0000000000000000000000000000000000000000000000000000000000000003"
                    "6f6e650000000000000000000000000000000000000000000000000000000000"
                    "0000000000000000000000000000000000000000000000000000000000000003"
                    "74776f0000000000000000000000000000000000000000000000000000000000"
                    "0000000000000000000000000000000000000000000000000000000000000005"
                    "7468726565000000000000000000000000000000000000000000000000000000");
}

static abi_value order(uint64_t id, uint8_t user, uint64_t price, uint64_t qty, bool valid)
{
    return v_list(ABI_TUPLE, 5, v_uint(id), v_addr(user), v_uint(price), v_uint(qty),
                  v_bool(valid));
}

static void test_powerchain_shapes(void)
{
    /* Expected encodings from Foundry's cast 1.7.1 (cast abi-encode). */
    check_roundtrip(
        "((string sessionId,uint256 wh,uint256 timestamp,address unit)[])",
        v_list(ABI_TUPLE, 1,
               v_list(ABI_ARRAY, 2,
                      v_list(ABI_TUPLE, 4, v_text(ABI_STRING, "s1"), v_uint(1000),
                             v_uint(1700000000), v_addr(0x11)),
                      v_list(ABI_TUPLE, 4, v_text(ABI_STRING, "session-two"), v_uint(0),
                             v_uint(5), v_addr(0x22)))),
        "0000000000000000000000000000000000000000000000000000000000000020"
        "0000000000000000000000000000000000000000000000000000000000000002"
        "0000000000000000000000000000000000000000000000000000000000000040"
        "0000000000000000000000000000000000000000000000000000000000000100"
        "0000000000000000000000000000000000000000000000000000000000000080"
        "00000000000000000000000000000000000000000000000000000000000003e8"
        "000000000000000000000000000000000000000000000000000000006553f100"
        "0000000000000000000000001111111111111111111111111111111111111111"
        "0000000000000000000000000000000000000000000000000000000000000002"
        "7331000000000000000000000000000000000000000000000000000000000000"
        "0000000000000000000000000000000000000000000000000000000000000080"
        "0000000000000000000000000000000000000000000000000000000000000000"
        "0000000000000000000000000000000000000000000000000000000000000005"
        "0000000000000000000000002222222222222222222222222222222222222222"
        "000000000000000000000000000000000000000000000000000000000000000b"
        "73657373696f6e2d74776f000000000000000000000000000000000000000000");

    /* getOrders(): two arrays of (uint256,address,uint256,uint256,bool). */
    check_roundtrip(
        "((uint256 id,address user,uint256 price,uint256 quantity,bool valid)[] buys,"
        " (uint256 id,address user,uint256 price,uint256 quantity,bool valid)[] sells)",
        v_list(ABI_TUPLE, 2,
               v_list(ABI_ARRAY, 1, order(0, 0x11, 1000000000000000000ULL, 8100000000000000000ULL,
                                          true)),
               v_list(ABI_ARRAY, 2, order(0, 0x22, 500000000000000000ULL, 0, false),
                      order(1, 0x33, 7, 9, true))),
        "0000000000000000000000000000000000000000000000000000000000000040"
        "0000000000000000000000000000000000000000000000000000000000000100"
        "0000000000000000000000000000000000000000000000000000000000000001"
        "0000000000000000000000000000000000000000000000000000000000000000"
        "0000000000000000000000001111111111111111111111111111111111111111"
        "0000000000000000000000000000000000000000000000000de0b6b3a7640000"
        "0000000000000000000000000000000000000000000000007068fb1598aa0000"
        "0000000000000000000000000000000000000000000000000000000000000001"
        "0000000000000000000000000000000000000000000000000000000000000002"
        "0000000000000000000000000000000000000000000000000000000000000000"
        "0000000000000000000000002222222222222222222222222222222222222222"
        "00000000000000000000000000000000000000000000000006f05b59d3b20000"
        "0000000000000000000000000000000000000000000000000000000000000000"
        "0000000000000000000000000000000000000000000000000000000000000000"
        "0000000000000000000000000000000000000000000000000000000000000001"
        "0000000000000000000000003333333333333333333333333333333333333333"
        "0000000000000000000000000000000000000000000000000000000000000007"
        "0000000000000000000000000000000000000000000000000000000000000009"
        "0000000000000000000000000000000000000000000000000000000000000001");

    /* Empty arrays and an empty string. */
    check_roundtrip("((bool,address,uint256)[],string)",
                    v_list(ABI_TUPLE, 2, v_list(ABI_ARRAY, 0), v_text(ABI_STRING, "")),
                    "0000000000000000000000000000000000000000000000000000000000000040"
                    "0000000000000000000000000000000000000000000000000000000000000060"
                    "0000000000000000000000000000000000000000000000000000000000000000"
                    "0000000000000000000000000000000000000000000000000000000000000000");
}

static void test_encode_mismatch(void)
{
    abi_type *t = parse("(uint256,bool)");
    bytebuf out = BYTEBUF_INIT;
    pc_error err;
    abi_value v = v_list(ABI_TUPLE, 1, v_uint(1));
    CHECK(abi_encode(t, &v, &out, &err) == PC_EINPUT && out.len == 0);
    CHECK(strstr(err.msg, "1 values was given for 2 fields") != NULL);
    abi_value_free(&v);
    v = v_list(ABI_TUPLE, 2, v_uint(1), v_uint(1));
    CHECK(abi_encode(t, &v, &out, &err) == PC_EINPUT && out.len == 0);
    CHECK(strstr(err.msg, "item 1") != NULL && strstr(err.msg, "bool") != NULL);
    abi_value_free(&v);
    bytebuf_free(&out);
    abi_type_free(t);
}

/* Decodes hex against type text and expects PC_EDATA with `fragment`. */
static void check_bad(const char *type_text, const char *hex, const char *fragment)
{
    abi_type *t = parse(type_text);
    bytebuf data = unhex(hex);
    abi_value v;
    pc_error err = { 0 };
    CHECK(abi_decode(t, data.data, data.len, &v, &err) == PC_EDATA);
    CHECK(v.kind == ABI_TUPLE && v.count == 0 && v.items == NULL);
    if (!strstr(err.msg, fragment)) {
        check_failed++;
        fprintf(stderr, "%s: message \"%s\" lacks \"%s\"\n", type_text, err.msg, fragment);
    }
    bytebuf_free(&data);
    abi_type_free(t);
}

#define W0 "0000000000000000000000000000000000000000000000000000000000000000"
#define W1 "0000000000000000000000000000000000000000000000000000000000000001"
#define W2 "0000000000000000000000000000000000000000000000000000000000000002"
#define W20 "0000000000000000000000000000000000000000000000000000000000000020"
#define WFF "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"

static void test_malformed(void)
{
    check_bad("(uint256)", "", "ends inside item 0 at byte 0");
    check_bad("(bool)", "0000", "ends inside item 0 at byte 0");
    check_bad("(uint256,uint256)", W1 "00", "ends inside item 1 at byte 32");
    check_bad("(bool)", W2, "neither 0 nor 1");
    check_bad("(bool)", "01" "00000000000000000000000000000000000000000000000000000000000001",
              "neither 0 nor 1");
    check_bad("(address)", "000000000000000000000001" "1111111111111111111111111111111111111111",
              "nonzero bits above");
    check_bad("(string)", "0000000000000000000000000000000000000000000000000000000000000040" W0,
              "ends inside the length at byte 64");
    check_bad("(string)", "0000000000000000000000000000000000000000000000000000000000000100" W0,
              "offset at byte 0 is 256, but at most 64 fits");
    check_bad("(string)", WFF, "offset at byte 0 is 1157920892373161954235709850086879078532699846656405640394575840079131296399");
    check_bad("(string)", W20 WFF, "length at byte 32 is");
    check_bad("(string)", W20 "0000000000000000000000000000000000000000000000000000000000000021" W0,
              "length at byte 32 is 33, but at most 32 fits");
    check_bad("(bytes)", W20 "000000000000000000000000000000000000000000000000ffffffffffffffff",
              "but at most 0 fits");
    check_bad("(uint256[])", W20 WFF, "array length at byte 32");
    check_bad("(uint256[])", W20 "0000000000000000000000000000000000000000000000000000000000000003" W1 W1,
              "is 3, but at most 2 fits");
    check_bad("((uint256,uint256)[])", W20 W2 W1 W1 W1, "is 2, but at most 1 fits");
    check_bad("(string[])", W20 W1 W20, "ends inside the length");
    check_bad("(string[])", W20 W1 WFF, "offset at byte 64");
    check_bad("((bool,address)[])", W20 W1 W1 "0000000000000000000000010000000000000000000000000000000000000000",
              "address at byte 96");

    /* Many heads pointing at one inner array: 10 outer elements x 10
     * inner elements from 23 words of data. */
    bytebuf bomb = BYTEBUF_INIT;
    uint8_t w[32];
    u256 n;
#define PUT(x) (n = u256_from_u64(x), u256_to_be32(&n, w), bytebuf_append(&bomb, w, 32))
    PUT(32);
    PUT(10);
    for (int i = 0; i < 10; i++)
        PUT(10 * 32);
    PUT(10);
    for (int i = 0; i < 10; i++)
        PUT(i);
#undef PUT
    abi_type *t = parse("(uint256[][])");
    abi_value v;
    pc_error err;
    CHECK(abi_decode(t, bomb.data, bomb.len, &v, &err) == PC_EDATA);
    CHECK(strstr(err.msg, "reuses") != NULL);
    abi_type_free(t);
    bytebuf_free(&bomb);

    /* The same trick with a string repeated by offsets. */
    check_bad("(string,string,string,string)",
              "0000000000000000000000000000000000000000000000000000000000000080"
              "0000000000000000000000000000000000000000000000000000000000000080"
              "0000000000000000000000000000000000000000000000000000000000000080"
              "0000000000000000000000000000000000000000000000000000000000000080"
              "0000000000000000000000000000000000000000000000000000000000000040" W0 W0,
              "reuses");
}

static void test_event_string(void)
{
    abi_type *t = parse("(string info)");
    abi_value v = v_list(ABI_TUPLE, 1,
                         v_text(ABI_STRING, "New voter added >> 2c7536e3605d9c16a7a3d7b1898e529396a65c23"));
    bytebuf data = BYTEBUF_INIT;
    CHECK(abi_encode(t, &v, &data, NULL) == PC_OK);
    char *text = NULL;
    CHECK(abi_decode_event_string(data.data, data.len, &text, NULL) == PC_OK);
    CHECK_STR(text, "New voter added >> 2c7536e3605d9c16a7a3d7b1898e529396a65c23");
    free(text);
    pc_error err;
    CHECK(abi_decode_event_string(data.data, 40, &text, &err) == PC_EDATA);
    CHECK(abi_decode_event_string(NULL, 0, &text, &err) == PC_EDATA);
    abi_value_free(&v);
    bytebuf_free(&data);
    abi_type_free(t);
}

static void check_revert(const char *hex, const char *want)
{
    bytebuf data = unhex(hex);
    char *text = NULL;
    CHECK(abi_decode_revert(data.data, data.len, &text, NULL) == PC_OK);
    CHECK_STR(text, want);
    free(text);
    bytebuf_free(&data);
}

static void test_revert(void)
{
    /* Solidity documentation (Control Structures, "revert"): the encoding
     * of revert("Not enough Ether provided."). */
    check_revert("08c379a0"
                 "0000000000000000000000000000000000000000000000000000000000000020"
                 "000000000000000000000000000000000000000000000000000000000000001a"
                 "4e6f7420656e6f7567682045746865722070726f76696465642e000000000000",
                 "Not enough Ether provided.");
    check_revert("", "reverted without a reason");
    check_revert("4e487b71" "0000000000000000000000000000000000000000000000000000000000000011",
                 "panic 0x11 (arithmetic overflow or underflow)");
    check_revert("4e487b71" W1, "panic 0x01 (assertion failed)");
    check_revert("4e487b71" "0000000000000000000000000000000000000000000000000000000000000012",
                 "panic 0x12 (division or modulo by zero)");
    check_revert("4e487b71" "0000000000000000000000000000000000000000000000000000000000000021",
                 "panic 0x21 (conversion to an invalid enum value)");
    check_revert("4e487b71" "0000000000000000000000000000000000000000000000000000000000000022",
                 "panic 0x22 (incorrectly encoded storage byte array)");
    check_revert("4e487b71" "0000000000000000000000000000000000000000000000000000000000000031",
                 "panic 0x31 (pop() on an empty array)");
    check_revert("4e487b71" "0000000000000000000000000000000000000000000000000000000000000032",
                 "panic 0x32 (array index out of bounds)");
    check_revert("4e487b71" "0000000000000000000000000000000000000000000000000000000000000041",
                 "panic 0x41 (too much memory allocated)");
    check_revert("4e487b71" "0000000000000000000000000000000000000000000000000000000000000051",
                 "panic 0x51 (call to a zero-initialised internal function)");
    check_revert("4e487b71" "0000000000000000000000000000000000000000000000000000000000000099",
                 "panic 0x99 (unknown panic code)");
    check_revert("4e487b71" WFF,
                 "panic 0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff "
                 "(unknown panic code)");
    check_revert("deadbeef", "reverted with unknown data 0xdeadbeef");
    check_revert("4e487b71", "reverted with unknown data 0x4e487b71");
    check_revert("08c379a0" W20 WFF, "reverted with unknown data 0x08c379a0" W20 WFF);

    uint8_t big[300];
    memset(big, 0xab, sizeof big);
    char *text = NULL;
    CHECK(abi_decode_revert(big, sizeof big, &text, NULL) == PC_OK);
    CHECK(text && strlen(text) == strlen("reverted with unknown data 0x") + 512 + 3);
    free(text);
}

int main(void)
{
    test_selectors();
    test_types();
    test_spec_vectors();
    test_powerchain_shapes();
    test_encode_mismatch();
    test_malformed();
    test_event_string();
    test_revert();
    return check_summary();
}
