#include "eth/u256.h"

#include <string.h>

#include "eth/hex.h"

__extension__ typedef unsigned __int128 u128;

u256 u256_zero(void)
{
    u256 r = {{0, 0, 0, 0}};
    return r;
}

u256 u256_from_u64(uint64_t v)
{
    u256 r = {{v, 0, 0, 0}};
    return r;
}

bool u256_is_zero(const u256 *a)
{
    return (a->w[0] | a->w[1] | a->w[2] | a->w[3]) == 0;
}

int u256_cmp(const u256 *a, const u256 *b)
{
    for (int i = 3; i >= 0; i--) {
        if (a->w[i] != b->w[i])
            return a->w[i] < b->w[i] ? -1 : 1;
    }
    return 0;
}

bool u256_to_u64(const u256 *a, uint64_t *out)
{
    if (a->w[1] | a->w[2] | a->w[3])
        return false;
    *out = a->w[0];
    return true;
}

bool u256_add(u256 *r, const u256 *a, const u256 *b)
{
    u256 s;
    uint64_t carry = 0;
    for (int i = 0; i < 4; i++) {
        u128 t = (u128)a->w[i] + b->w[i] + carry;
        s.w[i] = (uint64_t)t;
        carry = (uint64_t)(t >> 64);
    }
    *r = s;
    return carry == 0;
}

bool u256_sub(u256 *r, const u256 *a, const u256 *b)
{
    u256 d;
    uint64_t borrow = 0;
    for (int i = 0; i < 4; i++) {
        uint64_t x = a->w[i], y = b->w[i];
        d.w[i] = x - y - borrow;
        borrow = (x < y) || (x - y < borrow);
    }
    *r = d;
    return borrow == 0;
}

bool u256_mul(u256 *r, const u256 *a, const u256 *b)
{
    /* Schoolbook product into 8 limbs; any nonzero limb above the fourth
     * means the result does not fit. */
    uint64_t p[8] = {0};
    for (int i = 0; i < 4; i++) {
        uint64_t carry = 0;
        for (int j = 0; j < 4; j++) {
            u128 t = (u128)a->w[i] * b->w[j] + p[i + j] + carry;
            p[i + j] = (uint64_t)t;
            carry = (uint64_t)(t >> 64);
        }
        p[i + 4] = carry;
    }
    memcpy(r->w, p, sizeof r->w);
    return (p[4] | p[5] | p[6] | p[7]) == 0;
}

static bool u256_bit(const u256 *a, unsigned i)
{
    return (a->w[i / 64] >> (i % 64)) & 1;
}

static void u256_shl1(u256 *a)
{
    for (int i = 3; i > 0; i--)
        a->w[i] = a->w[i] << 1 | a->w[i - 1] >> 63;
    a->w[0] <<= 1;
}

bool u256_divmod(u256 *q, u256 *rem, const u256 *a, const u256 *b)
{
    if (u256_is_zero(b))
        return false;
    if (!(b->w[1] | b->w[2] | b->w[3])) {
        /* A one-limb divisor (10^18, 1000: most of PowerChain's): four
         * 128-by-64-bit steps instead of 256 one-bit ones. */
        uint64_t d = b->w[0], r = 0;
        u256 quot;
        for (int i = 3; i >= 0; i--) {
            u128 cur = ((u128)r << 64) | a->w[i];
            quot.w[i] = (uint64_t)(cur / d);
            r = (uint64_t)(cur % d);
        }
        if (q)
            *q = quot;
        if (rem)
            *rem = u256_from_u64(r);
        return true;
    }
    /* Binary long division, most significant bit first. The remainder stays
     * below b, so shifting it left by one never loses a bit unless b has its
     * top bit set; the `top` flag keeps that bit. */
    u256 quot = u256_zero(), r = u256_zero();
    for (int i = 255; i >= 0; i--) {
        bool top = r.w[3] >> 63;
        u256_shl1(&r);
        r.w[0] |= u256_bit(a, (unsigned)i);
        if (top || u256_cmp(&r, b) >= 0) {
            u256_sub(&r, &r, b); /* wraps correctly when top was set */
            quot.w[i / 64] |= (uint64_t)1 << (i % 64);
        }
    }
    if (q)
        *q = quot;
    if (rem)
        *rem = r;
    return true;
}

u256 u256_pow10(unsigned n)
{
    u256 r = u256_from_u64(1), ten = u256_from_u64(10);
    for (unsigned i = 0; i < n && i < 77; i++)
        u256_mul(&r, &r, &ten);
    return r;
}

void u256_to_be32(const u256 *a, uint8_t out[32])
{
    for (int i = 0; i < 32; i++)
        out[31 - i] = (uint8_t)(a->w[i / 8] >> (8 * (i % 8)));
}

u256 u256_from_be32(const uint8_t in[32])
{
    u256 r = u256_zero();
    for (int i = 0; i < 32; i++)
        r.w[i / 8] |= (uint64_t)in[31 - i] << (8 * (i % 8));
    return r;
}

pc_status u256_from_be(const uint8_t *in, size_t len, u256 *out, pc_error *err)
{
    if (len > 32)
        return pc_fail(err, PC_EDATA, "a 256-bit number has at most 32 bytes, got %zu", len);
    uint8_t word[32] = {0};
    if (len)
        memcpy(word + 32 - len, in, len);
    *out = u256_from_be32(word);
    return PC_OK;
}

size_t u256_to_be_min(const u256 *a, uint8_t out[32])
{
    uint8_t word[32];
    u256_to_be32(a, word);
    size_t skip = 0;
    while (skip < 32 && word[skip] == 0)
        skip++;
    memmove(out, word + skip, 32 - skip);
    return 32 - skip;
}

/* r = r * 10 + digit; false when the result reaches 2^256. */
static bool u256_push_digit(u256 *r, unsigned digit)
{
    u256 ten = u256_from_u64(10), d = u256_from_u64(digit);
    return u256_mul(r, r, &ten) && u256_add(r, r, &d);
}

pc_status u256_parse_dec(const char *s, size_t len, u256 *out, pc_error *err)
{
    if (len == 0)
        return pc_fail(err, PC_EINPUT, "empty number");
    if (s[0] == '-')
        return pc_fail(err, PC_EINPUT, "negative: must be 0 or more");
    u256 r = u256_zero();
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x80)
            return pc_fail(err, PC_EINPUT, "not a whole number: non-ASCII character at "
                                           "position %zu", i + 1);
        if (c < '0' || c > '9')
            return pc_fail(err, PC_EINPUT, "not a whole number: '%.*s'",
                           (int)(len > 80 ? 80 : len), s);
        if (!u256_push_digit(&r, (unsigned)(s[i] - '0')))
            return pc_fail(err, PC_EINPUT, "number too large (at most 2^256-1)");
    }
    *out = r;
    return PC_OK;
}

/* Divides a by 10 in place and returns the remainder (limb-wise). */
/* Divides a by 10^19 in place and returns the remainder: the number's
 * last 19 decimal digits. Chunks of 19 digits take 5 divisions of the four
 * words where one digit at a time took 78. */
static uint64_t u256_div_e19(u256 *a)
{
    const uint64_t e19 = 10000000000000000000ull;
    u128 rem = 0;
    for (int i = 3; i >= 0; i--) {
        u128 cur = rem << 64 | a->w[i];
        a->w[i] = (uint64_t)(cur / e19);
        rem = cur % e19;
    }
    return (uint64_t)rem;
}

void u256_to_dec(const u256 *a, char *out)
{
    char rev[U256_DEC_MAX];
    size_t n = 0;
    u256 v = *a;
    do {
        uint64_t chunk = u256_div_e19(&v);
        bool last = u256_is_zero(&v);
        /* Every chunk but the leading one has all its 19 digits. */
        for (int k = 0; k < 19 && (!last || chunk); k++) {
            rev[n++] = (char)('0' + chunk % 10);
            chunk /= 10;
        }
    } while (!u256_is_zero(&v));
    if (n == 0)
        rev[n++] = '0';
    for (size_t i = 0; i < n; i++)
        out[i] = rev[n - 1 - i];
    out[n] = '\0';
}

pc_status u256_parse_quantity(const char *s, u256 *out, pc_error *err)
{
    if (!(s[0] == '0' && (s[1] == 'x' || s[1] == 'X')))
        return pc_fail(err, PC_EDATA, "quantity '%.80s' does not start with 0x", s);
    const char *digits = s + 2;
    size_t n = strlen(digits);
    if (n == 0 || n > 64)
        return pc_fail(err, PC_EDATA, "quantity '%.80s' must have 1 to 64 hex digits", s);
    u256 r = u256_zero();
    for (size_t i = 0; i < n; i++) {
        int v = hex_digit_value(digits[i]);
        if (v < 0)
            return pc_fail(err, PC_EDATA, "quantity '%.80s' has a non-hex character", s);
        /* n <= 64, so shifting four bits per digit never overflows. */
        for (int k = 3; k > 0; k--)
            r.w[k] = r.w[k] << 4 | r.w[k - 1] >> 60;
        r.w[0] = r.w[0] << 4 | (uint64_t)v;
    }
    *out = r;
    return PC_OK;
}

void u256_to_quantity(const u256 *a, char *out)
{
    static const char digits[] = "0123456789abcdef";
    uint8_t word[32];
    u256_to_be32(a, word);
    char *p = out;
    *p++ = '0';
    *p++ = 'x';
    bool started = false;
    for (int i = 0; i < 64; i++) {
        unsigned nib = (word[i / 2] >> (i % 2 ? 0 : 4)) & 0x0f;
        if (nib || started || i == 63) {
            *p++ = digits[nib];
            started = true;
        }
    }
    *p = '\0';
}

/* Names the first character that makes `s` not a plain decimal amount, in
 * words a person can act on. */
static pc_status fixed_bad_char(const char *s, size_t i, pc_error *err)
{
    char c = s[i];
    if (c == '-')
        return pc_fail(err, PC_EINPUT, "negative amounts are not allowed: '%.80s'", s);
    if (c == '+')
        return pc_fail(err, PC_EINPUT, "not a number: '%.80s' (no sign allowed)", s);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
        return pc_fail(err, PC_EINPUT, "not a number: '%.80s' (spaces are not allowed)", s);
    if (c == 'e' || c == 'E')
        return pc_fail(err, PC_EINPUT,
                       "not a number: '%.80s' (exponents are not allowed, write the digits)", s);
    if (c == ',')
        return pc_fail(err, PC_EINPUT,
                       "not a number: '%.80s' (use a point '.' as the decimal separator)", s);
    if (c == '.')
        return pc_fail(err, PC_EINPUT, "not a number: '%.80s' (more than one point)", s);
    return pc_fail(err, PC_EINPUT, "not a number: '%.80s'", s);
}

pc_status u256_parse_fixed(const char *s, unsigned decimals, u256 *out, pc_error *err)
{
    if (decimals > U256_MAX_DECIMALS)
        return pc_fail(err, PC_EINPUT, "%u decimals is more than the %d supported", decimals,
                       U256_MAX_DECIMALS);
    if (s[0] == '\0')
        return pc_fail(err, PC_EINPUT, "empty amount");
    size_t n = strlen(s), point = n, nint = 0, nfrac = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '.' && point == n) {
            point = i;
        } else if (s[i] >= '0' && s[i] <= '9') {
            if (point == n)
                nint++;
            else
                nfrac++;
        } else {
            return fixed_bad_char(s, i, err);
        }
    }
    if (nint + nfrac == 0)
        return pc_fail(err, PC_EINPUT, "not a number: '%.80s' (no digits)", s);
    if (nfrac > decimals) {
        if (decimals == 0)
            return pc_fail(err, PC_EINPUT, "'%.80s' has decimals, but this amount is whole",
                           s);
        return pc_fail(err, PC_EINPUT, "more than %u decimals in '%.80s'", decimals, s);
    }
    /* Integer digits, then the fractional digits padded to `decimals`, read
     * as one integer in base units. */
    u256 r = u256_zero();
    bool ok = true;
    for (size_t i = 0; i < n && ok; i++) {
        if (s[i] != '.')
            ok = u256_push_digit(&r, (unsigned)(s[i] - '0'));
    }
    for (size_t i = nfrac; i < decimals && ok; i++)
        ok = u256_push_digit(&r, 0);
    if (!ok)
        return pc_fail(err, PC_EINPUT, "amount too large (at most 2^256-1 base units, "
                       "that is about 1.16e%u with %u decimals)", 77 - decimals, decimals);
    *out = r;
    return PC_OK;
}

void u256_format_fixed(const u256 *a, unsigned decimals, char *out)
{
    if (decimals > U256_MAX_DECIMALS) {
        out[0] = '\0';
        return;
    }
    char digits[U256_DEC_MAX], padded[U256_DEC_MAX];
    u256_to_dec(a, digits);
    /* Left-pad with zeros so that there is at least one integer digit. */
    size_t n = strlen(digits), width = n > decimals ? n : decimals + 1;
    memset(padded, '0', width - n);
    memcpy(padded + (width - n), digits, n + 1);

    size_t nint = width - decimals, end = width;
    while (end > nint && padded[end - 1] == '0')
        end--;
    memcpy(out, padded, nint);
    char *p = out + nint;
    if (end > nint) {
        *p++ = '.';
        memcpy(p, padded + nint, end - nint);
        p += end - nint;
    }
    *p = '\0';
}
