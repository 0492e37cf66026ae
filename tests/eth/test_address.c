#include "eth/address.h"

#include "tests/check.h"

/* EIP-55's own examples: all caps, all lower, normal. Each is already in
 * checksummed form. */
static const char *eip55[] = {
    "0x52908400098527886E0F7030069857D2E4169EE7",
    "0x8617E340B3D01FA5F11F306F4090FD50E238070D",
    "0xde709f2102306220921060314715629080e2fb77",
    "0x27b1fdb04752bbc536007a920d24acb045561c26",
    "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
    "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
    "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
    "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb",
};

static void test_eip55(void)
{
    for (size_t i = 0; i < sizeof eip55 / sizeof eip55[0]; i++) {
        eth_address a;
        char out[ETH_ADDRESS_TEXT_LEN];
        pc_error err;
        CHECK(eth_address_parse(eip55[i], &a, &err) == PC_OK);
        eth_address_to_checksum(&a, out);
        CHECK_STR(out, eip55[i]);
    }
}

static void test_lower_upper(void)
{
    eth_address a, b;
    char out[ETH_ADDRESS_TEXT_LEN], lower[41];
    CHECK(eth_address_parse("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed", &a, NULL) == PC_OK);
    CHECK(eth_address_parse("0x5AAEB6053F3E94C9B9A09F33669435E7EF1BEAED", &b, NULL) == PC_OK);
    CHECK(eth_address_equal(&a, &b));
    eth_address_to_checksum(&a, out);
    CHECK_STR(out, "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");
    eth_address_to_lower_nopfx(&a, lower);
    CHECK_STR(lower, "5aaeb6053f3e94c9b9a09f33669435e7ef1beaed");
    char shown[ETH_ADDRESS_SHORT_LEN];
    eth_address_short(&a, shown);
    CHECK_STR(shown, "0x5aAe..eAed"); /* the checksummed digits, ends kept */
    CHECK(!eth_address_is_zero(&a));
    CHECK(eth_address_parse("0x0000000000000000000000000000000000000000", &a, NULL) == PC_OK);
    CHECK(eth_address_is_zero(&a));
}

static void test_bad(void)
{
    eth_address a;
    pc_error err;
    /* One letter's case flipped: the message must show the right form. */
    CHECK(eth_address_parse("0x5AAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", &a, &err) == PC_EINPUT);
    CHECK(strstr(err.msg, "checksum") != NULL);
    CHECK(strstr(err.msg, "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed") != NULL);
    CHECK(eth_address_parse("0xfb6916095ca1df60bB79Ce92cE3Ea74c37c5d359", &a, &err) == PC_EINPUT);
    CHECK(strstr(err.msg, "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359") != NULL);

    CHECK(eth_address_parse("5aaeb6053f3e94c9b9a09f33669435e7ef1beaed", &a, &err) == PC_EINPUT);
    CHECK(strstr(err.msg, "0x") != NULL);
    CHECK(eth_address_parse("0x5aaeb6053f3e94c9b9a09f33669435e7ef1bea", &a, &err) == PC_EINPUT);
    CHECK(strstr(err.msg, "38 hex digits") != NULL);
    CHECK(eth_address_parse("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed00", &a, &err) ==
          PC_EINPUT);
    CHECK(eth_address_parse("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaeg", &a, &err) == PC_EINPUT);
    CHECK(strstr(err.msg, "not a hex digit at position") != NULL);
    CHECK(eth_address_parse("", &a, &err) == PC_EINPUT);
    CHECK(eth_address_parse("0x", &a, &err) == PC_EINPUT);
}

int main(void)
{
    test_eip55();
    test_lower_upper();
    test_bad();
    return check_summary();
}
