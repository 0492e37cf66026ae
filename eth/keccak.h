/* Keccak-256 as Ethereum uses it (original padding 0x01, not SHA-3's 0x06),
 * built on nettle's Keccak-f[1600] permutation. */
#ifndef PC_KECCAK_H
#define PC_KECCAK_H

#include <stddef.h>
#include <stdint.h>

#define KECCAK256_LEN 32

void keccak256(const void *data, size_t len, uint8_t out[KECCAK256_LEN]);

#endif
