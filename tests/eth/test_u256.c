#include "eth/u256.h"

#include "tests/check.h"

static const char *MAX_DEC =
    "115792089237316195423570985008687907853269984665640564039457584007913129639935";

static u256 dec(const char *s)
{
    u256 v = u256_zero();
    CHECK(u256_parse_dec(s, strlen(s), &v, NULL) == PC_OK);
    return v;
}

static u256 max_u256(void)
{
    u256 m = {{UINT64_MAX, UINT64_MAX, UINT64_MAX, UINT64_MAX}};
    return m;
}

static void check_dec(const u256 *v, const char *want)
{
    char out[U256_DEC_MAX];
    u256_to_dec(v, out);
    CHECK_STR(out, want);
}

static void test_basic(void)
{
    u256 z = u256_zero(), one = u256_from_u64(1), m = max_u256();
    CHECK(u256_is_zero(&z) && !u256_is_zero(&one));
    CHECK(u256_cmp(&z, &one) < 0 && u256_cmp(&m, &one) > 0 && u256_cmp(&m, &m) == 0);
    uint64_t x;
    CHECK(u256_to_u64(&one, &x) && x == 1);
    CHECK(!u256_to_u64(&m, &x));
    check_dec(&z, "0");
    check_dec(&m, MAX_DEC);
    u256 p = u256_pow10(18);
    check_dec(&p, "1000000000000000000");
    /* Around the 19-digit chunks u256_to_dec converts at a time. */
    u256 one19 = u256_pow10(19), less, more;
    check_dec(&one19, "10000000000000000000");
    u256_sub(&less, &one19, &one);
    check_dec(&less, "9999999999999999999");
    u256 one38 = u256_pow10(38);
    u256_add(&more, &one38, &one);
    check_dec(&more, "100000000000000000000000000000000000001");
    p = u256_pow10(77);
    char want[80] = "1";
    memset(want + 1, '0', 77);
    want[78] = '\0';
    check_dec(&p, want);
}

static void test_overflow(void)
{
    u256 m = max_u256(), one = u256_from_u64(1), two = u256_from_u64(2), r;
    CHECK(!u256_add(&r, &m, &one));
    u256 a = dec("340282366920938463463374607431768211455"); /* 2^128-1 */
    CHECK(u256_add(&r, &a, &one));
    check_dec(&r, "340282366920938463463374607431768211456");
    CHECK(!u256_sub(&r, &one, &two));
    CHECK(u256_sub(&r, &two, &one) && u256_cmp(&r, &one) == 0);
    CHECK(u256_sub(&r, &m, &m) && u256_is_zero(&r));
    /* borrow across limbs: 2^128 - 1 */
    u256 b = dec("340282366920938463463374607431768211456");
    CHECK(u256_sub(&r, &b, &one));
    check_dec(&r, "340282366920938463463374607431768211455");
    CHECK(!u256_mul(&r, &m, &two));
    CHECK(u256_mul(&r, &m, &one) && u256_cmp(&r, &m) == 0);
    /* (2^128-1)^2 fits; 2^128 * 2^128 does not. */
    CHECK(u256_mul(&r, &a, &a));
    check_dec(&r, "115792089237316195423570985008687907852589419931798687112530834793049593217025");
    CHECK(!u256_mul(&r, &b, &b));
    /* aliasing: r == a */
    r = u256_from_u64(7);
    CHECK(u256_mul(&r, &r, &r) && r.w[0] == 49);
}

/* q*b + r == a and r < b. */
static void check_div(const char *as, const char *bs)
{
    u256 a = dec(as), b = dec(bs), q, r, back;
    CHECK(u256_divmod(&q, &r, &a, &b));
    CHECK(u256_cmp(&r, &b) < 0);
    CHECK(u256_mul(&back, &q, &b));
    CHECK(u256_add(&back, &back, &r));
    CHECK(u256_cmp(&back, &a) == 0);
}

static void test_div(void)
{
    u256 a = dec("1000"), zero = u256_zero(), q, r;
    CHECK(!u256_divmod(&q, &r, &a, &zero));
    CHECK(u256_divmod(&q, NULL, &a, &a) && q.w[0] == 1);
    CHECK(u256_divmod(NULL, &r, &a, &a) && u256_is_zero(&r));
    u256 seven = u256_from_u64(7);
    CHECK(u256_divmod(&q, &r, &a, &seven) && q.w[0] == 142 && r.w[0] == 6);
    /* aliasing: q == a and rem == b, on the one-limb path */
    u256 x = dec("1000"), y = seven;
    CHECK(u256_divmod(&x, &y, &x, &y) && x.w[0] == 142 && y.w[0] == 6);
    check_div(MAX_DEC, "1");
    check_div(MAX_DEC, MAX_DEC);
    check_div(MAX_DEC, "3");
    check_div(MAX_DEC, "1000000000000000000");
    check_div(MAX_DEC, "57896044618658097711785492504343953926634992332820282019728792003956564819968");
    check_div(MAX_DEC, "340282366920938463463374607431768211457");
    check_div("98765432109876543210987654321098765432109876543210", "12345678901234567890123");
    check_div("12", MAX_DEC);
    check_div("0", "5");
    check_div("89255922929488523398476513406040151231874236489720718283947194938347362718293",
              "18446744073709551616");
    check_div("89255922929488523398476513406040151231874236489720718283947194938347362718293",
              "18446744073709551615");
    check_div("89255922929488523398476513406040151231874236489720718283947194938347362718293",
              "61239487162938471629384716293847162938471629384716293847162938471629384716");
    u256 m = max_u256(), half;
    u256 two = u256_from_u64(2);
    CHECK(u256_divmod(&half, &r, &m, &two) && r.w[0] == 1);
    check_dec(&half, "57896044618658097711785492504343953926634992332820282019728792003956564819967");
}

static void test_bytes(void)
{
    uint8_t w[32], min[32];
    u256 v = dec("1024");
    u256_to_be32(&v, w);
    CHECK(w[30] == 4 && w[31] == 0 && w[0] == 0);
    u256 back = u256_from_be32(w);
    CHECK(u256_cmp(&back, &v) == 0);
    CHECK(u256_to_be_min(&v, min) == 2 && min[0] == 4 && min[1] == 0);
    u256 z = u256_zero();
    CHECK(u256_to_be_min(&z, min) == 0);
    u256 m = max_u256();
    CHECK(u256_to_be_min(&m, min) == 32 && min[0] == 0xff);
    const uint8_t be[3] = {1, 0, 0};
    CHECK(u256_from_be(be, 3, &v, NULL) == PC_OK && v.w[0] == 65536);
    CHECK(u256_from_be(be, 0, &v, NULL) == PC_OK && u256_is_zero(&v));
    uint8_t big[33] = {0};
    pc_error err;
    CHECK(u256_from_be(big, 33, &v, &err) == PC_EDATA);
}

static void test_dec_parse(void)
{
    u256 v;
    pc_error err;
    v = dec(MAX_DEC);
    u256 m = max_u256();
    CHECK(u256_cmp(&v, &m) == 0);
    CHECK(u256_parse_dec("", 0, &v, &err) == PC_EINPUT);
    CHECK(u256_parse_dec("12a", 3, &v, &err) == PC_EINPUT);
    CHECK(strstr(err.msg, "12a") != NULL);
    CHECK(u256_parse_dec("-1", 2, &v, &err) == PC_EINPUT);
    CHECK(u256_parse_dec(" 1", 2, &v, &err) == PC_EINPUT);
    /* 2^256 */
    const char *over =
        "115792089237316195423570985008687907853269984665640564039457584007913129639936";
    CHECK(u256_parse_dec(over, strlen(over), &v, &err) == PC_EINPUT);
    CHECK(strstr(err.msg, "too large") != NULL);
    CHECK(u256_parse_dec("0000000000000000000000000000000000000000000000000000000000000000000000000000"
                         "000000001", 85, &v, NULL) == PC_OK && v.w[0] == 1);
}

static void test_quantity(void)
{
    u256 v;
    char q[67];
    pc_error err;
    CHECK(u256_parse_quantity("0x0", &v, &err) == PC_OK && u256_is_zero(&v));
    u256_to_quantity(&v, q);
    CHECK_STR(q, "0x0");
    CHECK(u256_parse_quantity("0x1068", &v, &err) == PC_OK && v.w[0] == 4200);
    u256_to_quantity(&v, q);
    CHECK_STR(q, "0x1068");
    CHECK(u256_parse_quantity("0x00ff", &v, &err) == PC_OK && v.w[0] == 255);
    CHECK(u256_parse_quantity("0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF", &v,
                              &err) == PC_OK);
    u256 m = max_u256();
    CHECK(u256_cmp(&v, &m) == 0);
    u256_to_quantity(&v, q);
    CHECK_STR(q, "0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff");
    v = dec("1000000000000000000");
    u256_to_quantity(&v, q);
    CHECK_STR(q, "0xde0b6b3a7640000");

    CHECK(u256_parse_quantity("", &v, &err) == PC_EDATA);
    CHECK(u256_parse_quantity("0x", &v, &err) == PC_EDATA);
    CHECK(u256_parse_quantity("12", &v, &err) == PC_EDATA);
    CHECK(u256_parse_quantity("0xg", &v, &err) == PC_EDATA);
    CHECK(u256_parse_quantity("0x-1", &v, &err) == PC_EDATA);
    CHECK(u256_parse_quantity("0x10000000000000000000000000000000000000000000000000000000000000000",
                              &v, &err) == PC_EDATA);
    CHECK(strstr(err.msg, "64") != NULL);
}

static void check_fixed(const char *text, unsigned decimals, const char *want_dec,
                        const char *want_text)
{
    u256 v;
    pc_error err;
    char out[U256_DEC_MAX];
    CHECK(u256_parse_fixed(text, decimals, &v, &err) == PC_OK);
    u256_to_dec(&v, out);
    CHECK_STR(out, want_dec);
    u256_format_fixed(&v, decimals, out);
    CHECK_STR(out, want_text);
}

static void test_fixed(void)
{
    check_fixed("0", 18, "0", "0");
    check_fixed("0.000000000000000001", 18, "1", "0.000000000000000001");
    check_fixed("1", 18, "1000000000000000000", "1");
    check_fixed("1.5", 18, "1500000000000000000", "1.5");
    check_fixed("12.", 18, "12000000000000000000", "12");
    check_fixed(".5", 18, "500000000000000000", "0.5");
    check_fixed("0.50", 18, "500000000000000000", "0.5");
    check_fixed("007.25", 2, "725", "7.25");
    check_fixed("8.007", 18, "8007000000000000000", "8.007");
    check_fixed("42", 0, "42", "42");
    check_fixed("115792089237316195423570985008687907853269984665640564039457.584007913129639935",
                18, MAX_DEC,
                "115792089237316195423570985008687907853269984665640564039457.584007913129639935");
    check_fixed(MAX_DEC, 0, MAX_DEC, MAX_DEC);
    /* 77 decimals is the supported maximum. */
    check_fixed("1.15792089237316195423570985008687907853269984665640564039457584007913129639935",
                77, MAX_DEC,
                "1.15792089237316195423570985008687907853269984665640564039457584007913129639935");

    char out[U256_DEC_MAX];
    u256 v = dec("1000000000000000000");
    u256_format_fixed(&v, 18, out);
    CHECK_STR(out, "1");
    v = dec("123456789");
    u256_format_fixed(&v, 3, out);
    CHECK_STR(out, "123456.789");
    v = dec("1230");
    u256_format_fixed(&v, 6, out);
    CHECK_STR(out, "0.00123");
    u256 m = max_u256();
    u256_format_fixed(&m, 77, out);
    CHECK_STR(out, "1.15792089237316195423570985008687907853269984665640564039457584007913129639935");
}

static void check_fixed_error(const char *text, unsigned decimals, const char *fragment)
{
    u256 v;
    pc_error err = { 0 };
    CHECK(u256_parse_fixed(text, decimals, &v, &err) == PC_EINPUT);
    if (!strstr(err.msg, fragment)) {
        check_failed++;
        fprintf(stderr, "'%s': message \"%s\" lacks \"%s\"\n", text, err.msg, fragment);
    }
}

static void test_fixed_errors(void)
{
    check_fixed_error("", 18, "empty amount");
    check_fixed_error("abc", 18, "not a number: 'abc'");
    check_fixed_error(".", 18, "not a number");
    check_fixed_error("-1", 18, "negative amounts are not allowed");
    check_fixed_error("+1", 18, "no sign");
    check_fixed_error("1e18", 18, "exponents");
    check_fixed_error("1,5", 18, "decimal separator");
    check_fixed_error(" 1", 18, "spaces");
    check_fixed_error("1 ", 18, "spaces");
    check_fixed_error("1.2.3", 18, "more than one point");
    check_fixed_error("0x10", 18, "not a number");
    check_fixed_error("0.0000000000000000001", 18, "more than 18 decimals");
    check_fixed_error("1.123", 2, "more than 2 decimals");
    check_fixed_error("1.5", 0, "whole");
    check_fixed_error("115792089237316195423570985008687907853269984665640564039458", 18,
                      "amount too large (at most 2^256-1 base units");
    check_fixed_error("115792089237316195423570985008687907853269984665640564039457584007913129639936",
                      0, "amount too large");
    check_fixed_error("1", 78, "decimals");
}

int main(void)
{
    test_basic();
    test_overflow();
    test_div();
    test_bytes();
    test_dec_parse();
    test_quantity();
    test_fixed();
    test_fixed_errors();
    return check_summary();
}
