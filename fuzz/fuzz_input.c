/* What people type: addresses, amounts, whole numbers and every argument
 * kind of the binding (pc_parse_arg), plus the quantities and hex that
 * nodes send. The first input byte picks the parser (and for fixed point
 * the number of decimals), the rest is the text.
 *
 * Invariants beyond memory safety: whatever parses prints back to text that
 * parses to the same value (parse and format agree, nothing is rounded). */
#include <strings.h>

#include "eth/address.h"
#include "eth/hex.h"
#include "eth/u256.h"
#include "fuzz/fuzz.h"
#include "rpcclient/powerchain.h"

static void check_address(const char *text)
{
    eth_address a, b;
    pc_error err = { 0 };
    pc_status st = eth_address_parse(text, &a, &err);
    if (st != PC_OK) {
        fuzz_check_error(st, &err);
        FUZZ_CHECK(st == PC_EINPUT);
        return;
    }
    char sum[ETH_ADDRESS_TEXT_LEN], lower[41];
    eth_address_to_checksum(&a, sum);
    FUZZ_CHECK(strcasecmp(sum, text) == 0);
    FUZZ_CHECK(eth_address_parse(sum, &b, &err) == PC_OK && eth_address_equal(&a, &b));
    eth_address_to_lower_nopfx(&a, lower);
    FUZZ_CHECK(strcasecmp(lower, text + 2) == 0);
}

static void check_fixed(const char *text, unsigned decimals)
{
    u256 v, w;
    pc_error err = { 0 };
    pc_status st = u256_parse_fixed(text, decimals, &v, &err);
    if (st != PC_OK) {
        fuzz_check_error(st, &err);
        FUZZ_CHECK(st == PC_EINPUT);
        return;
    }
    FUZZ_CHECK(decimals <= U256_MAX_DECIMALS);
    char out[U256_DEC_MAX];
    u256_format_fixed(&v, decimals, out);
    FUZZ_CHECK(u256_parse_fixed(out, decimals, &w, &err) == PC_OK && u256_cmp(&v, &w) == 0);
}

static void check_dec(const char *text, size_t len)
{
    u256 v, w;
    pc_error err = { 0 };
    pc_status st = u256_parse_dec(text, len, &v, &err);
    if (st != PC_OK) {
        fuzz_check_error(st, &err);
        return;
    }
    char out[U256_DEC_MAX];
    u256_to_dec(&v, out);
    FUZZ_CHECK(u256_parse_dec(out, strlen(out), &w, &err) == PC_OK && u256_cmp(&v, &w) == 0);
}

static void check_quantity(const char *text)
{
    u256 v, w;
    pc_error err = { 0 };
    pc_status st = u256_parse_quantity(text, &v, &err);
    if (st != PC_OK) {
        fuzz_check_error(st, &err);
        FUZZ_CHECK(st == PC_EDATA);
        return;
    }
    char out[67];
    u256_to_quantity(&v, out);
    FUZZ_CHECK(u256_parse_quantity(out, &w, &err) == PC_OK && u256_cmp(&v, &w) == 0);
}

static void check_hex(const char *text, size_t len)
{
    uint8_t small[32];
    size_t got = 0;
    pc_error err = { 0 };
    pc_status st = hex_decode(text, len, small, sizeof small, &got, &err);
    if (st == PC_OK)
        FUZZ_CHECK(got <= sizeof small);
    else
        fuzz_check_error(st, &err);
    bytebuf b = BYTEBUF_INIT;
    st = hex_decode_buf(text, len, &b, &err);
    if (st == PC_OK) {
        char *again = hex_encode_prefixed(b.data, b.len);
        FUZZ_CHECK(again != NULL);
        const char *digits = len >= 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X')
                                 ? text + 2 : text;
        FUZZ_CHECK(strcasecmp(again + 2, digits) == 0);
        free(again);
    } else {
        fuzz_check_error(st, &err);
    }
    bytebuf_free(&b);
}

static const pc_arg_kind kinds[] = {
    PC_ARG_ADDRESS, PC_ARG_ENT,        PC_ARG_EEURO,      PC_ARG_PRICE,
    PC_ARG_WH,      PC_ARG_ORDER_ID,   PC_ARG_SIDE,       PC_ARG_PARAM_NAME,
    PC_ARG_PARAM_VALUE,
};
#define NKINDS (sizeof kinds / sizeof kinds[0])

static void check_arg(unsigned selector, const char *text)
{
    static const char *const params[] = { "M", "B", "C", "H", "F", "X", "", NULL };
    pc_arg_kind kind = kinds[selector % NKINDS];
    const char *param = params[(selector / NKINDS) % (sizeof params / sizeof params[0])];
    abi_value v;
    pc_error err = { 0 };
    pc_status st = pc_parse_arg(kind, text, param, &v, &err);
    if (st == PC_OK) {
        FUZZ_CHECK(v.kind == ABI_ADDRESS || v.kind == ABI_UINT || v.kind == ABI_BOOL ||
                   v.kind == ABI_STRING);
        abi_value_free(&v);
    } else {
        fuzz_check_error(st, &err);
        FUZZ_CHECK(st == PC_EINPUT);
        FUZZ_CHECK(v.bytes == NULL);
    }
}

/* 18 is the tokens'; above U256_MAX_DECIMALS must be refused. */
static const unsigned decimal_counts[] = { 0, 1, 2, 6, 17, 18, 19, 36, 76, 77, 78, 79, 255 };
#define NDECIMALS (sizeof decimal_counts / sizeof decimal_counts[0])

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    unsigned selector = data[0];
    char *text = fuzz_cstring(data + 1, size - 1);
    size_t len = size - 1;
    switch (selector % 6) {
    case 0: check_address(text); break;
    case 1: check_fixed(text, decimal_counts[(selector / 6) % NDECIMALS]); break;
    case 2: check_dec(text, len); break;
    case 3: check_quantity(text); break;
    case 4: check_hex(text, len); break;
    default: check_arg(selector / 6, text); break;
    }
    free(text);
    return 0;
}
