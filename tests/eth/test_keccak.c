#include "eth/keccak.h"

#include <string.h>

#include "tests/check.h"
#include "tests/eth/eth_test_util.h"

static void check_hash(const void *data, size_t len, const char *want)
{
    uint8_t h[KECCAK256_LEN];
    keccak256(data, len, h);
    CHECK_STR(tohex(h, sizeof h), want);
}

int main(void)
{
    /* Keccak-256 of "" and "abc": the values Ethereum tooling and the
     * Keccak team's reference publish (they differ from FIPS 202 SHA3-256,
     * whose "" digest is a7ffc6f8...). */
    check_hash("", 0, "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");
    check_hash("abc", 3, "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45");
    check_hash("The quick brown fox jumps over the lazy dog", 43,
               "4d741b6f1eb29cb2a9b9911c82f56fa8d73b04959d3d9d222895df6c0b28aa15");
    /* Topic of Info(string), as given in PROTOCOL.md. */
    check_hash("Info(string)", 12,
               "6d128f203c67be3b2d9bf1612fd59bdd6ae01f4f0d2ffedd05e76ab2a09b7f8a");

    /* Multi-block inputs: n bytes of 0xa3 (the NIST SHA-3 example message
     * pattern), around the 136-byte rate. Expected values from an
     * independent implementation: `cast keccak 0xa3a3...` (Foundry cast
     * 1.7.1). */
    uint8_t a3[272];
    memset(a3, 0xa3, sizeof a3);
    check_hash(a3, 135, "3d28d08c3dacab77392064a939f3e7f8d03f2e02e2c664ac08a05f63ac652626");
    check_hash(a3, 136, "b82d89d96e5575d11a9e1f4cabb2a45e60899e69a19a724cd796bdcf13511018");
    check_hash(a3, 200, "3a57666b048777f2c953dc4456f45a2588e1cb6f2da760122d530ac2ce607d4a");
    check_hash(a3, 272, "a657381e5615f539cac71f13c74473a5e77eaa2bd8348422dcac221c8f13da94");
    return check_summary();
}
