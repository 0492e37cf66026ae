/* The contract ABI (Solidity ABI specification): types, values, encoding and
 * decoding, function selectors, and the two kinds of data PowerChain clients
 * read besides return values: Info(string)/Error(string) event data and
 * revert data (Error(string) / Panic(uint256)).
 *
 * Supported types: uint256 (any uintN is treated as uint256 words), bool,
 * address, string, bytes, T[] dynamic arrays, and tuples, nested freely.
 *
 * Ownership: abi_type and abi_value trees are heap allocated and owned by
 * whoever created them; free them with abi_type_free / abi_value_free. */
#ifndef PC_ABI_H
#define PC_ABI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "eth/address.h"
#include "eth/bytes.h"
#include "eth/error.h"
#include "eth/u256.h"

typedef enum abi_kind {
    ABI_UINT,
    ABI_BOOL,
    ABI_ADDRESS,
    ABI_STRING,
    ABI_BYTES,
    ABI_ARRAY, /* dynamic T[] */
    ABI_TUPLE,
} abi_kind;

typedef struct abi_type {
    abi_kind kind;
    char *name;               /* parameter or component name; may be NULL */
    struct abi_type *elem;    /* ABI_ARRAY: element type */
    struct abi_type *fields;  /* ABI_TUPLE: array of nfields types */
    size_t nfields;
} abi_type;

typedef struct abi_value {
    abi_kind kind;
    u256 num;                 /* ABI_UINT */
    bool boolean;             /* ABI_BOOL */
    eth_address addr;         /* ABI_ADDRESS */
    uint8_t *bytes;           /* ABI_STRING / ABI_BYTES; always followed by a NUL */
    size_t len;
    struct abi_value *items;  /* ABI_ARRAY / ABI_TUPLE: array of count values */
    size_t count;
} abi_value;

/* Parses a parenthesised parameter list in Solidity's human-readable form,
 * with optional names: "(uint256 M,uint256 B)", "((bool state,address owner,
 * uint256 wh)[] units)", "()" . The result is an ABI_TUPLE. Type words
 * accepted: uint<N>, uint, bool, address, string, bytes; nested "(...)" is a
 * tuple; a "[]" suffix (repeatable) makes an array. */
pc_status abi_type_parse(const char *text, abi_type **out, pc_error *err);

/* Canonical type text without names, for signatures: "(bool,address,uint256)[]". */
char *abi_type_canonical(const abi_type *t);

/* Deep copy; NULL on allocation failure. */
abi_type *abi_type_clone(const abi_type *t);

bool abi_type_is_dynamic(const abi_type *t);

void abi_type_free(abi_type *t);
void abi_value_free(abi_value *v);   /* frees children; v itself is not freed */

/* Encodes a tuple value against a tuple type (function arguments, without
 * selector), appending to out. Kinds and counts must match the type. */
pc_status abi_encode(const abi_type *tuple, const abi_value *value, bytebuf *out, pc_error *err);

/* Decodes data as the tuple type `tuple` into *out (an ABI_TUPLE value).
 * Every head, offset, length and count is checked against the buffer; a bool
 * other than 0/1, an address with nonzero high bytes, or an offset out of
 * bounds is PC_EDATA. On error *out is left empty. */
pc_status abi_decode(const abi_type *tuple, const uint8_t *data, size_t len, abi_value *out,
                     pc_error *err);

/* First four bytes of keccak256(signature), e.g. "transferENT(address,uint256)". */
void abi_selector(const char *signature, uint8_t out[4]);

/* keccak256 of an event signature such as "Info(string)". */
void abi_event_topic(const char *signature, uint8_t out[32]);

/* Decodes the data of an event whose only parameter is a non-indexed string
 * (Info(string), Error(string)): a malloc'd NUL-terminated copy. Invalid
 * UTF-8 and control characters are kept as bytes; callers that print must
 * sanitise. */
pc_status abi_decode_event_string(const uint8_t *data, size_t len, char **text, pc_error *err);

/* Revert data: Error(string) gives its text, Panic(uint256) gives
 * "panic 0x11 (arithmetic overflow or underflow)" and the like, empty data
 * gives "reverted without a reason", anything else "reverted with unknown
 * data 0x...". Always produces a malloc'd string unless allocation fails. */
pc_status abi_decode_revert(const uint8_t *data, size_t len, char **text, pc_error *err);

#endif
