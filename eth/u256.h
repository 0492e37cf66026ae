/* Exact unsigned 256-bit integers, and the decimal fixed point in which
 * PowerChain shows token amounts. No floating point is used anywhere. */
#ifndef PC_U256_H
#define PC_U256_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "eth/error.h"

/* Little-endian 64-bit limbs: w[0] is least significant. */
typedef struct u256 {
    uint64_t w[4];
} u256;

/* 78 decimal digits, a point, a NUL, and slack. */
#define U256_DEC_MAX 82
/* The most decimals the fixed-point functions handle (2^256 < 10^78). */
#define U256_MAX_DECIMALS 77

u256 u256_zero(void);
u256 u256_from_u64(uint64_t v);
bool u256_is_zero(const u256 *a);
/* Returns -1, 0 or 1. */
int u256_cmp(const u256 *a, const u256 *b);
/* True when a fits in 64 bits; then *out receives it. */
bool u256_to_u64(const u256 *a, uint64_t *out);

/* Arithmetic returns false on overflow / underflow / division by zero and
 * then leaves *r unspecified. r may alias a or b. */
bool u256_add(u256 *r, const u256 *a, const u256 *b);
bool u256_sub(u256 *r, const u256 *a, const u256 *b);
bool u256_mul(u256 *r, const u256 *a, const u256 *b);
/* q = a / b, rem = a % b; either output may be NULL. */
bool u256_divmod(u256 *q, u256 *rem, const u256 *a, const u256 *b);
/* 10^n for n <= 77. */
u256 u256_pow10(unsigned n);

/* Big-endian 32-byte encoding (ABI words, RLP before stripping zeros). */
void u256_to_be32(const u256 *a, uint8_t out[32]);
u256 u256_from_be32(const uint8_t in[32]);
/* Big-endian bytes of any length up to 32; longer is an error. */
pc_status u256_from_be(const uint8_t *in, size_t len, u256 *out, pc_error *err);
/* Minimal big-endian bytes (no leading zeros; zero gives length 0).
 * out must hold 32 bytes; returns the length. */
size_t u256_to_be_min(const u256 *a, uint8_t out[32]);

/* Decimal integer text of exactly `len` characters: digits only, no sign,
 * no spaces, value below 2^256. Errors (PC_EINPUT) name the problem. */
pc_status u256_parse_dec(const char *s, size_t len, u256 *out, pc_error *err);
/* Writes decimal digits and NUL; out holds at least U256_DEC_MAX bytes. */
void u256_to_dec(const u256 *a, char *out);

/* JSON-RPC quantity: "0x" followed by 1-64 hex digits (leading zeros are
 * accepted). Errors are PC_EDATA since quantities come from nodes. */
pc_status u256_parse_quantity(const char *s, u256 *out, pc_error *err);
/* "0x..." with no leading zeros ("0x0" for zero); out >= 67 bytes. */
void u256_to_quantity(const u256 *a, char *out);

/* Fixed point: "1.5" with decimals 18 is 1.5 * 10^18. Accepts "12", "12.",
 * "0.5", ".5"; refuses signs, exponents, spaces, empty text, more than
 * `decimals` digits after the point, and values of 2^256 or more, each with
 * a message that names the problem (PC_EINPUT). decimals > U256_MAX_DECIMALS
 * is PC_EINPUT too. */
pc_status u256_parse_fixed(const char *s, unsigned decimals, u256 *out, pc_error *err);
/* Exact decimal text: integer part, then a point and the fractional digits
 * with trailing zeros removed (no point when the fraction is zero).
 * 1500000000000000000 with 18 decimals gives "1.5". out >= U256_DEC_MAX.
 * decimals > U256_MAX_DECIMALS is a caller bug and gives "". */
void u256_format_fixed(const u256 *a, unsigned decimals, char *out);

#endif
