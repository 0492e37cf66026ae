/* The curve operations Ethereum needs, all done by libsecp256k1: public keys
 * and addresses of private keys, and recoverable RFC 6979 signatures of
 * 32-byte hashes. The private key is only read, never copied or kept. */
#ifndef PC_SECP_H
#define PC_SECP_H

#include <stdint.h>

#include "eth/address.h"
#include "eth/error.h"

#define SECP_PRIVKEY_LEN 32

/* PC_EKEY when the key is zero or not below the curve order. */
pc_status secp_privkey_check(const uint8_t key[SECP_PRIVKEY_LEN], pc_error *err);

pc_status secp_privkey_to_address(const uint8_t key[SECP_PRIVKEY_LEN], eth_address *out,
                                  pc_error *err);

/* Signs hash32 (low-s, RFC 6979 nonce). r and s are 32 bytes big-endian;
 * recid is 0 or 1. */
pc_status secp_sign(const uint8_t key[SECP_PRIVKEY_LEN], const uint8_t hash32[32],
                    uint8_t r[32], uint8_t s[32], int *recid, pc_error *err);

/* The address that signed hash32 with (r, s, recid). */
pc_status secp_recover_address(const uint8_t hash32[32], const uint8_t r[32],
                               const uint8_t s[32], int recid, eth_address *out,
                               pc_error *err);

#endif
