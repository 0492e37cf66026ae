#include "eth/address.h"

#include <stdio.h>
#include <string.h>

#include "eth/hex.h"
#include "eth/keccak.h"

void eth_address_to_lower_nopfx(const eth_address *a, char out[41])
{
    hex_encode(a->b, sizeof a->b, out);
}

void eth_address_to_checksum(const eth_address *a, char out[ETH_ADDRESS_TEXT_LEN])
{
    /* EIP-55: a letter digit is upper case when the matching nibble of
     * keccak256(lowercase hex text) is 8 or more. */
    char lower[41];
    uint8_t hash[KECCAK256_LEN];
    eth_address_to_lower_nopfx(a, lower);
    keccak256(lower, 40, hash);
    out[0] = '0';
    out[1] = 'x';
    for (int i = 0; i < 40; i++) {
        unsigned nib = (hash[i / 2] >> (i % 2 ? 0 : 4)) & 0x0f;
        char c = lower[i];
        out[2 + i] = (c >= 'a' && nib >= 8) ? (char)(c - 'a' + 'A') : c;
    }
    out[42] = '\0';
}

void eth_address_short(const eth_address *a, char out[ETH_ADDRESS_SHORT_LEN])
{
    char whole[ETH_ADDRESS_TEXT_LEN];
    eth_address_to_checksum(a, whole);
    snprintf(out, ETH_ADDRESS_SHORT_LEN, "%.6s..%s", whole, whole + ETH_ADDRESS_TEXT_LEN - 5);
}

pc_status eth_address_parse(const char *text, eth_address *out, pc_error *err)
{
    size_t n = strlen(text);
    if (n < 2 || text[0] != '0' || (text[1] != 'x' && text[1] != 'X'))
        return pc_fail(err, PC_EINPUT, "address '%.60s' must start with 0x", text);
    if (n != 42)
        return pc_fail(err, PC_EINPUT, "address '%.60s' has %zu hex digits, 40 expected", text,
                       n - 2);
    bool has_lower = false, has_upper = false;
    for (size_t i = 2; i < n; i++) {
        char c = text[i];
        /* Name the character by position: echoing a byte could cut a
         * UTF-8 character in two. */
        if (hex_digit_value(c) < 0)
            return pc_fail(err, PC_EINPUT, "address has a character that is not a hex digit "
                                           "at position %zu",
                           i + 1);
        has_lower |= (c >= 'a' && c <= 'f');
        has_upper |= (c >= 'A' && c <= 'F');
    }
    eth_address a;
    size_t got;
    hex_decode(text + 2, 40, a.b, sizeof a.b, &got, NULL);

    /* Mixed case claims an EIP-55 checksum; a mismatch usually means a
     * mistyped digit, so refuse it and show the checksummed form. */
    if (has_lower && has_upper) {
        char want[ETH_ADDRESS_TEXT_LEN];
        eth_address_to_checksum(&a, want);
        if (strcmp(want + 2, text + 2) != 0)
            return pc_fail(err, PC_EINPUT,
                           "address %s has a wrong EIP-55 checksum (mixed case); check "
                           "the digits, the checksummed form of these digits is %s",
                           text, want);
    }
    *out = a;
    return PC_OK;
}

bool eth_address_is_zero(const eth_address *a)
{
    static const eth_address zero;
    return memcmp(a->b, zero.b, sizeof a->b) == 0;
}

bool eth_address_equal(const eth_address *a, const eth_address *b)
{
    return memcmp(a->b, b->b, sizeof a->b) == 0;
}
