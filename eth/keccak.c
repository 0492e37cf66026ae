#include "eth/keccak.h"

#include <string.h>

#include <nettle/sha3.h>

/* Keccak-256: capacity 512 bits, so the rate is 1600/8 - 64 = 136 bytes. */
#define KECCAK256_RATE 136

/* XORs one rate-sized block into the state. Lanes are little-endian 64-bit
 * words, independent of the host's byte order. */
static void absorb_block(struct sha3_state *st, const uint8_t *block)
{
    for (size_t i = 0; i < KECCAK256_RATE / 8; i++) {
        uint64_t lane = 0;
        for (int k = 7; k >= 0; k--)
            lane = lane << 8 | block[8 * i + (size_t)k];
        st->a[i] ^= lane;
    }
}

void keccak256(const void *data, size_t len, uint8_t out[KECCAK256_LEN])
{
    const uint8_t *p = data;
    struct sha3_state st;
    memset(&st, 0, sizeof st);

    while (len >= KECCAK256_RATE) {
        absorb_block(&st, p);
        sha3_permute(&st);
        p += KECCAK256_RATE;
        len -= KECCAK256_RATE;
    }

    /* Original Keccak padding (pad10*1 with domain byte 0x01), which is what
     * Ethereum uses; FIPS 202 SHA3-256 would put 0x06 here instead. */
    uint8_t last[KECCAK256_RATE] = {0};
    if (len)
        memcpy(last, p, len);
    last[len] ^= 0x01;
    last[KECCAK256_RATE - 1] ^= 0x80;
    absorb_block(&st, last);
    sha3_permute(&st);

    for (size_t i = 0; i < KECCAK256_LEN; i++)
        out[i] = (uint8_t)(st.a[i / 8] >> (8 * (i % 8)));
}
