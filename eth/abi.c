#include "eth/abi.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "eth/hex.h"
#include "eth/keccak.h"

/* Nesting limit for type text; decoding follows the type, so this also
 * bounds the decoder's recursion. */
#define ABI_MAX_DEPTH 32

#define ABI_WORD 32

/* ---- types ------------------------------------------------------------ */

static void abi_type_clear(abi_type *t)
{
    if (!t)
        return;
    free(t->name);
    if (t->elem) {
        abi_type_clear(t->elem);
        free(t->elem);
    }
    for (size_t i = 0; i < t->nfields; i++)
        abi_type_clear(&t->fields[i]);
    free(t->fields);
    memset(t, 0, sizeof *t);
}

void abi_type_free(abi_type *t)
{
    abi_type_clear(t);
    free(t);
}

static bool abi_type_copy(abi_type *dst, const abi_type *src)
{
    memset(dst, 0, sizeof *dst);
    dst->kind = src->kind;
    if (src->name && !(dst->name = strdup(src->name)))
        return false;
    if (src->elem) {
        if (!(dst->elem = calloc(1, sizeof *dst->elem)) || !abi_type_copy(dst->elem, src->elem))
            return false;
    }
    if (src->nfields) {
        if (!(dst->fields = calloc(src->nfields, sizeof *dst->fields)))
            return false;
        for (size_t i = 0; i < src->nfields; i++) {
            dst->nfields = i + 1; /* so that a failure frees what was copied */
            if (!abi_type_copy(&dst->fields[i], &src->fields[i]))
                return false;
        }
    }
    return true;
}

abi_type *abi_type_clone(const abi_type *t)
{
    abi_type *c = malloc(sizeof *c);
    if (!c)
        return NULL;
    if (!abi_type_copy(c, t)) {
        abi_type_free(c);
        return NULL;
    }
    return c;
}

bool abi_type_is_dynamic(const abi_type *t)
{
    switch (t->kind) {
    case ABI_STRING:
    case ABI_BYTES:
    case ABI_ARRAY:
        return true;
    case ABI_TUPLE:
        for (size_t i = 0; i < t->nfields; i++) {
            if (abi_type_is_dynamic(&t->fields[i]))
                return true;
        }
        return false;
    default:
        return false;
    }
}

/* Bytes a value of type t takes in its enclosing head: one word for an
 * offset when dynamic, else its whole inline encoding. */
static size_t abi_head_size(const abi_type *t)
{
    if (abi_type_is_dynamic(t) || t->kind != ABI_TUPLE)
        return ABI_WORD;
    size_t n = 0;
    for (size_t i = 0; i < t->nfields; i++)
        n += abi_head_size(&t->fields[i]);
    return n;
}

static const char *abi_kind_name(abi_kind k)
{
    switch (k) {
    case ABI_UINT: return "uint256";
    case ABI_BOOL: return "bool";
    case ABI_ADDRESS: return "address";
    case ABI_STRING: return "string";
    case ABI_BYTES: return "bytes";
    case ABI_ARRAY: return "array";
    case ABI_TUPLE: return "tuple";
    }
    return "?";
}

static pc_status abi_canonical_into(const abi_type *t, bytebuf *b)
{
    pc_status st;
    if (t->kind == ABI_ARRAY) {
        if ((st = abi_canonical_into(t->elem, b)) != PC_OK)
            return st;
        return bytebuf_append(b, "[]", 2);
    }
    if (t->kind != ABI_TUPLE) {
        const char *w = abi_kind_name(t->kind);
        return bytebuf_append(b, w, strlen(w));
    }
    if ((st = bytebuf_append_byte(b, '(')) != PC_OK)
        return st;
    for (size_t i = 0; i < t->nfields; i++) {
        if (i && (st = bytebuf_append_byte(b, ',')) != PC_OK)
            return st;
        if ((st = abi_canonical_into(&t->fields[i], b)) != PC_OK)
            return st;
    }
    return bytebuf_append_byte(b, ')');
}

char *abi_type_canonical(const abi_type *t)
{
    bytebuf b = BYTEBUF_INIT;
    if (abi_canonical_into(t, &b) != PC_OK || bytebuf_append_byte(&b, '\0') != PC_OK) {
        bytebuf_free(&b);
        return NULL;
    }
    return (char *)b.data; /* ownership passes to the caller */
}

/* ---- type text parser ------------------------------------------------- */

typedef struct type_parser {
    const char *text;
    size_t pos;
    int depth;
    pc_error *err;
} type_parser;

static bool is_word_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '_' || c == '$';
}

static void skip_ws(type_parser *p)
{
    while (p->text[p->pos] == ' ' || p->text[p->pos] == '\t' || p->text[p->pos] == '\n')
        p->pos++;
}

static pc_status parse_error(type_parser *p, const char *what)
{
    return pc_fail(p->err, PC_EINPUT, "ABI type '%.200s': %s at position %zu", p->text, what,
                   p->pos);
}

/* Reads [A-Za-z0-9_$]* at the cursor into a fresh string. */
static pc_status read_word(type_parser *p, char **out)
{
    size_t start = p->pos;
    while (is_word_char(p->text[p->pos]))
        p->pos++;
    if (!(*out = strndup(p->text + start, p->pos - start)))
        return pc_fail(p->err, PC_ENOMEM, "out of memory parsing an ABI type");
    return PC_OK;
}

/* uint<N> with N a multiple of 8 from 8 to 256; every such type is one
 * 256-bit word on the wire. */
static bool is_uint_word(const char *w)
{
    if (strncmp(w, "uint", 4) != 0)
        return false;
    if (w[4] == '\0')
        return true;
    if (w[4] < '1' || w[4] > '9' || strlen(w + 4) > 3)
        return false;
    char *end;
    long bits = strtol(w + 4, &end, 10);
    return *end == '\0' && bits >= 8 && bits <= 256 && bits % 8 == 0;
}

static pc_status parse_base(type_parser *p, abi_type *t)
{
    size_t start = p->pos;
    char *w;
    pc_status st = read_word(p, &w);
    if (st != PC_OK)
        return st;
    char what[200];
    st = PC_OK;
    if (is_uint_word(w))
        t->kind = ABI_UINT;
    else if (strcmp(w, "bool") == 0)
        t->kind = ABI_BOOL;
    else if (strcmp(w, "address") == 0)
        t->kind = ABI_ADDRESS;
    else if (strcmp(w, "string") == 0)
        t->kind = ABI_STRING;
    else if (strcmp(w, "bytes") == 0)
        t->kind = ABI_BYTES;
    else {
        p->pos = start;
        if (w[0] == '\0')
            snprintf(what, sizeof what, "a type was expected");
        else
            snprintf(what, sizeof what,
                     "unknown or unsupported type '%.40s' (supported: uint<N>, bool, address, "
                     "string, bytes, tuples, T[])", w);
        st = parse_error(p, what);
    }
    free(w);
    return st;
}

static pc_status parse_list(type_parser *p, abi_type *t);

/* T[] suffixes: each wraps what was parsed so far in an array. */
static pc_status parse_array_suffixes(type_parser *p, abi_type *t)
{
    for (int n = 0; p->text[p->pos] == '['; n++) {
        if (n == ABI_MAX_DEPTH)
            return parse_error(p, "arrays nested too deeply");
        p->pos++;
        if (p->text[p->pos] != ']')
            return parse_error(p, "fixed-size arrays T[N] are not supported, ']' expected");
        p->pos++;
        abi_type *elem = malloc(sizeof *elem);
        if (!elem)
            return pc_fail(p->err, PC_ENOMEM, "out of memory parsing an ABI type");
        *elem = *t;
        memset(t, 0, sizeof *t);
        t->kind = ABI_ARRAY;
        t->elem = elem;
    }
    return PC_OK;
}

/* One parameter: a type, then optionally whitespace and a name. */
static pc_status parse_param(type_parser *p, abi_type *t)
{
    skip_ws(p);
    pc_status st = p->text[p->pos] == '(' ? parse_list(p, t) : parse_base(p, t);
    if (st != PC_OK || (st = parse_array_suffixes(p, t)) != PC_OK)
        return st;
    skip_ws(p);
    if (is_word_char(p->text[p->pos]))
        return read_word(p, &t->name);
    return PC_OK;
}

static pc_status add_field(type_parser *p, abi_type *t, size_t *cap)
{
    if (t->nfields == *cap) {
        size_t ncap = *cap ? *cap * 2 : 4;
        abi_type *grown = realloc(t->fields, ncap * sizeof *grown);
        if (!grown)
            return pc_fail(p->err, PC_ENOMEM, "out of memory parsing an ABI type");
        t->fields = grown;
        *cap = ncap;
    }
    memset(&t->fields[t->nfields], 0, sizeof t->fields[0]);
    t->nfields++;
    return parse_param(p, &t->fields[t->nfields - 1]);
}

/* "(" [param ("," param)*] ")" into a tuple. */
static pc_status parse_list(type_parser *p, abi_type *t)
{
    if (p->text[p->pos] != '(')
        return parse_error(p, "'(' expected");
    if (++p->depth > ABI_MAX_DEPTH)
        return parse_error(p, "tuples nested too deeply");
    p->pos++;
    t->kind = ABI_TUPLE;
    size_t cap = 0;
    skip_ws(p);
    if (p->text[p->pos] != ')') {
        for (;;) {
            pc_status st = add_field(p, t, &cap);
            if (st != PC_OK)
                return st;
            skip_ws(p);
            if (p->text[p->pos] != ',')
                break;
            p->pos++;
        }
    }
    if (p->text[p->pos] != ')')
        return parse_error(p, "',' or ')' expected");
    p->pos++;
    p->depth--;
    return PC_OK;
}

pc_status abi_type_parse(const char *text, abi_type **out, pc_error *err)
{
    type_parser p = {text, 0, 0, err};
    abi_type *t = calloc(1, sizeof *t);
    if (!t)
        return pc_fail(err, PC_ENOMEM, "out of memory parsing an ABI type");
    skip_ws(&p);
    pc_status st = parse_list(&p, t);
    if (st == PC_OK) {
        skip_ws(&p);
        if (text[p.pos] != '\0')
            st = parse_error(&p, "unexpected text after the closing ')'");
    }
    if (st != PC_OK) {
        abi_type_free(t);
        return st;
    }
    *out = t;
    return PC_OK;
}

/* ---- values ----------------------------------------------------------- */

static void abi_value_clear(abi_value *v)
{
    for (size_t i = 0; i < v->count; i++)
        abi_value_clear(&v->items[i]);
    free(v->items);
    free(v->bytes);
    memset(v, 0, sizeof *v);
}

void abi_value_free(abi_value *v)
{
    if (v)
        abi_value_clear(v);
}

/* ---- encoding --------------------------------------------------------- */

static pc_status append_word_u64(bytebuf *out, uint64_t n)
{
    uint8_t w[ABI_WORD];
    u256 v = u256_from_u64(n);
    u256_to_be32(&v, w);
    return bytebuf_append(out, w, sizeof w);
}

/* The type of item i of a tuple (its own field) or an array (the element). */
static const abi_type *item_type(const abi_type *seq, size_t i)
{
    return seq->kind == ABI_TUPLE ? &seq->fields[i] : seq->elem;
}

static pc_status encode_value(const abi_type *t, const abi_value *v, bytebuf *out,
                              pc_error *err);

/* Heads then tails (Solidity ABI spec, "Formal Specification of the
 * Encoding"): static items inline, dynamic ones as offsets from the start
 * of this sequence into the tail. */
static pc_status encode_sequence(const abi_type *seq, const abi_value *v, bytebuf *out,
                                 pc_error *err)
{
    size_t head_len = 0;
    for (size_t i = 0; i < v->count; i++)
        head_len += abi_head_size(item_type(seq, i));
    bytebuf tail = BYTEBUF_INIT;
    pc_status st = PC_OK;
    for (size_t i = 0; i < v->count && st == PC_OK; i++) {
        const abi_type *t = item_type(seq, i);
        if (abi_type_is_dynamic(t)) {
            st = append_word_u64(out, head_len + tail.len);
            if (st == PC_OK)
                st = encode_value(t, &v->items[i], &tail, err);
        } else {
            st = encode_value(t, &v->items[i], out, err);
        }
        if (st != PC_OK && st != PC_EINPUT)
            st = pc_fail(err, PC_ENOMEM, "out of memory encoding ABI data");
        if (st != PC_OK)
            pc_error_prefix(err, "item %zu", i);
    }
    if (st == PC_OK && bytebuf_append(out, tail.data, tail.len) != PC_OK)
        st = pc_fail(err, PC_ENOMEM, "out of memory encoding ABI data");
    bytebuf_free(&tail);
    return st;
}

static pc_status encode_bytes(const abi_value *v, bytebuf *out)
{
    pc_status st = append_word_u64(out, v->len);
    if (st == PC_OK)
        st = bytebuf_append(out, v->bytes, v->len);
    if (st == PC_OK)
        st = bytebuf_append_zeros(out, (ABI_WORD - v->len % ABI_WORD) % ABI_WORD);
    return st;
}

static pc_status encode_value(const abi_type *t, const abi_value *v, bytebuf *out,
                              pc_error *err)
{
    if (v->kind != t->kind)
        return pc_fail(err, PC_EINPUT, "a %s value was given where the ABI type is %s",
                       abi_kind_name(v->kind), abi_kind_name(t->kind));
    uint8_t w[ABI_WORD] = {0};
    switch (t->kind) {
    case ABI_UINT:
        u256_to_be32(&v->num, w);
        return bytebuf_append(out, w, sizeof w);
    case ABI_BOOL:
        w[31] = v->boolean;
        return bytebuf_append(out, w, sizeof w);
    case ABI_ADDRESS:
        memcpy(w + 12, v->addr.b, 20);
        return bytebuf_append(out, w, sizeof w);
    case ABI_STRING:
    case ABI_BYTES:
        if (v->len && !v->bytes)
            return pc_fail(err, PC_EINPUT, "a %s value has a length but no bytes",
                           abi_kind_name(t->kind));
        return encode_bytes(v, out);
    case ABI_ARRAY: {
        pc_status st = append_word_u64(out, v->count);
        return st != PC_OK ? st : encode_sequence(t, v, out, err);
    }
    case ABI_TUPLE:
        if (v->count != t->nfields)
            return pc_fail(err, PC_EINPUT, "a tuple of %zu values was given for %zu fields",
                           v->count, t->nfields);
        return encode_sequence(t, v, out, err);
    }
    return pc_fail(err, PC_EINPUT, "unknown ABI kind");
}

pc_status abi_encode(const abi_type *tuple, const abi_value *value, bytebuf *out, pc_error *err)
{
    if (tuple->kind != ABI_TUPLE)
        return pc_fail(err, PC_EINPUT, "ABI arguments must be a tuple");
    /* Encode aside so that a failure leaves `out` as it was. */
    bytebuf tmp = BYTEBUF_INIT;
    pc_status st = encode_value(tuple, value, &tmp, err);
    if (st == PC_OK && bytebuf_append(out, tmp.data, tmp.len) != PC_OK)
        st = pc_fail(err, PC_ENOMEM, "out of memory encoding ABI data");
    bytebuf_free(&tmp);
    return st;
}

/* ---- decoding --------------------------------------------------------- */

/* Offsets may point several heads at the same tail, so a short input could
 * otherwise expand into huge trees. Honest encodings use at least one word
 * per array element and one byte per string byte, so the budgets below are
 * the input's size. */
typedef struct decoder {
    const uint8_t *base; /* start of the whole input, for positions in messages */
    size_t elems_left;
    size_t bytes_left;
    int depth;
    pc_error *err;
} decoder;

static size_t dec_pos(const decoder *d, const uint8_t *p)
{
    return (size_t)(p - d->base);
}

static pc_status need_word(const decoder *d, const uint8_t *p, size_t len, const char *what)
{
    if (len < ABI_WORD)
        return pc_fail(d->err, PC_EDATA, "ABI data ends inside the %s at byte %zu", what,
                       dec_pos(d, p));
    return PC_OK;
}

/* A word used as a size or offset: it must fit in size_t and be at most
 * `limit`. */
static pc_status read_size(const decoder *d, const uint8_t *p, size_t len, const char *what,
                           size_t limit, size_t *out)
{
    pc_status st = need_word(d, p, len, what);
    if (st != PC_OK)
        return st;
    u256 v = u256_from_be32(p);
    uint64_t n;
    if (!u256_to_u64(&v, &n) || n > SIZE_MAX || n > limit) {
        char dec[U256_DEC_MAX];
        u256_to_dec(&v, dec);
        return pc_fail(d->err, PC_EDATA, "ABI %s at byte %zu is %s, but at most %zu fits",
                       what, dec_pos(d, p), dec, limit);
    }
    *out = (size_t)n;
    return PC_OK;
}

static pc_status decode_value(decoder *d, const abi_type *t, const uint8_t *p, size_t len,
                              abi_value *out);

static pc_status decode_static_word(const decoder *d, const abi_type *t, const uint8_t *p,
                                    size_t len, abi_value *out)
{
    pc_status st = need_word(d, p, len, abi_kind_name(t->kind));
    if (st != PC_OK)
        return st;
    const uint8_t *w = p;
    static const uint8_t zeros[ABI_WORD];
    switch (t->kind) {
    case ABI_BOOL:
        if (memcmp(w, zeros, 31) != 0 || w[31] > 1)
            return pc_fail(d->err, PC_EDATA, "ABI bool at byte %zu is neither 0 nor 1",
                           dec_pos(d, p));
        out->boolean = w[31];
        break;
    case ABI_ADDRESS:
        if (memcmp(w, zeros, 12) != 0)
            return pc_fail(d->err, PC_EDATA,
                           "ABI address at byte %zu has nonzero bits above its 20 bytes",
                           dec_pos(d, p));
        memcpy(out->addr.b, w + 12, 20);
        break;
    default:
        out->num = u256_from_be32(w);
        break;
    }
    return PC_OK;
}

static pc_status decode_bytes(decoder *d, const abi_type *t, const uint8_t *p, size_t len,
                              abi_value *out)
{
    size_t n;
    pc_status st = read_size(d, p, len, "length", len - (len < ABI_WORD ? len : ABI_WORD), &n);
    if (st != PC_OK)
        return st;
    if (n > d->bytes_left)
        return pc_fail(d->err, PC_EDATA,
                       "ABI data reuses its contents to claim more %s bytes than it holds",
                       abi_kind_name(t->kind));
    d->bytes_left -= n;
    if (!(out->bytes = malloc(n + 1)))
        return pc_fail(d->err, PC_ENOMEM, "out of memory decoding ABI data");
    if (n)
        memcpy(out->bytes, p + ABI_WORD, n);
    out->bytes[n] = '\0';
    out->len = n;
    return PC_OK;
}

/* Items of a tuple or array laid out heads-then-tails from p. */
static pc_status decode_sequence(decoder *d, const abi_type *seq, size_t count,
                                 const uint8_t *p, size_t len, abi_value *out)
{
    if (count && !(out->items = calloc(count, sizeof *out->items)))
        return pc_fail(d->err, PC_ENOMEM, "out of memory decoding ABI data");
    out->count = count;
    size_t pos = 0;
    for (size_t i = 0; i < count; i++) {
        const abi_type *t = item_type(seq, i);
        out->items[i].kind = t->kind;
        pc_status st;
        if (abi_type_is_dynamic(t)) {
            size_t off;
            st = read_size(d, p + pos, len - pos, "offset", len, &off);
            if (st == PC_OK)
                st = decode_value(d, t, p + off, len - off, &out->items[i]);
            pos += ABI_WORD;
        } else {
            size_t size = abi_head_size(t);
            if (size > len - pos)
                st = pc_fail(d->err, PC_EDATA, "ABI data ends inside item %zu at byte %zu", i,
                             dec_pos(d, p + pos));
            else
                st = decode_value(d, t, p + pos, len - pos, &out->items[i]);
            pos += size;
        }
        if (st != PC_OK)
            return st;
    }
    return PC_OK;
}

static pc_status decode_array(decoder *d, const abi_type *t, const uint8_t *p, size_t len,
                              abi_value *out)
{
    /* Each element takes at least one head word (an empty tuple is counted
     * as a word too), so the count is bounded by the words that follow. */
    size_t elem = abi_head_size(t->elem);
    if (elem < ABI_WORD)
        elem = ABI_WORD;
    size_t rest = len < ABI_WORD ? 0 : len - ABI_WORD, count;
    pc_status st = read_size(d, p, len, "array length", rest / elem, &count);
    if (st != PC_OK)
        return st;
    if (count > d->elems_left)
        return pc_fail(d->err, PC_EDATA,
                       "ABI data reuses its contents to claim more array elements than it "
                       "holds");
    d->elems_left -= count;
    return decode_sequence(d, t, count, p + ABI_WORD, rest, out);
}

static pc_status decode_value(decoder *d, const abi_type *t, const uint8_t *p, size_t len,
                              abi_value *out)
{
    if (d->depth >= ABI_MAX_DEPTH * 2)
        return pc_fail(d->err, PC_EDATA, "ABI type nested too deeply to decode");
    d->depth++;
    out->kind = t->kind;
    pc_status st;
    switch (t->kind) {
    case ABI_STRING:
    case ABI_BYTES:
        st = decode_bytes(d, t, p, len, out);
        break;
    case ABI_ARRAY:
        st = decode_array(d, t, p, len, out);
        break;
    case ABI_TUPLE:
        st = decode_sequence(d, t, t->nfields, p, len, out);
        break;
    default:
        st = decode_static_word(d, t, p, len, out);
        break;
    }
    d->depth--;
    return st;
}

pc_status abi_decode(const abi_type *tuple, const uint8_t *data, size_t len, abi_value *out,
                     pc_error *err)
{
    memset(out, 0, sizeof *out);
    out->kind = ABI_TUPLE;
    if (tuple->kind != ABI_TUPLE)
        return pc_fail(err, PC_EINPUT, "ABI return values must be described by a tuple");
    if (!data) /* empty data ("0x") may come as NULL; NULL + 0 is undefined */
        data = (const uint8_t *)"";
    decoder d = {data, len / ABI_WORD, len, 0, err};
    pc_status st = decode_value(&d, tuple, data, len, out);
    if (st != PC_OK) {
        abi_value_clear(out);
        out->kind = ABI_TUPLE;
    }
    return st;
}

/* ---- selectors, events, reverts --------------------------------------- */

void abi_selector(const char *signature, uint8_t out[4])
{
    uint8_t hash[KECCAK256_LEN];
    keccak256(signature, strlen(signature), hash);
    memcpy(out, hash, 4);
}

void abi_event_topic(const char *signature, uint8_t out[32])
{
    keccak256(signature, strlen(signature), out);
}

pc_status abi_decode_event_string(const uint8_t *data, size_t len, char **text, pc_error *err)
{
    abi_type str = {.kind = ABI_STRING};
    abi_type tuple = {.kind = ABI_TUPLE, .fields = &str, .nfields = 1};
    abi_value v;
    pc_status st = abi_decode(&tuple, data, len, &v, err);
    if (st != PC_OK)
        return st;
    *text = (char *)v.items[0].bytes; /* taken over from the decoded tree */
    v.items[0].bytes = NULL;
    abi_value_free(&v);
    return PC_OK;
}

static const char *panic_meaning(uint64_t code)
{
    switch (code) {
    case 0x00: return "generic compiler panic";
    case 0x01: return "assertion failed";
    case 0x11: return "arithmetic overflow or underflow";
    case 0x12: return "division or modulo by zero";
    case 0x21: return "conversion to an invalid enum value";
    case 0x22: return "incorrectly encoded storage byte array";
    case 0x31: return "pop() on an empty array";
    case 0x32: return "array index out of bounds";
    case 0x41: return "too much memory allocated";
    case 0x51: return "call to a zero-initialised internal function";
    default: return "unknown panic code";
    }
}

static char *panic_text(const uint8_t *word)
{
    u256 code = u256_from_be32(word);
    uint64_t small;
    char num[80];
    const char *meaning;
    if (u256_to_u64(&code, &small) && small < 0x100) {
        snprintf(num, sizeof num, "0x%02x", (unsigned)small);
        meaning = panic_meaning(small);
    } else {
        u256_to_quantity(&code, num);
        meaning = panic_meaning(UINT64_MAX);
    }
    size_t n = strlen(num) + strlen(meaning) + 16;
    char *s = malloc(n);
    if (s)
        snprintf(s, n, "panic %s (%s)", num, meaning);
    return s;
}

/* Unknown revert data is shown as hex, cut after this many bytes. */
#define REVERT_HEX_MAX 256

static char *unknown_revert_text(const uint8_t *data, size_t len)
{
    size_t shown = len > REVERT_HEX_MAX ? REVERT_HEX_MAX : len;
    const char *lead = "reverted with unknown data 0x";
    size_t n = strlen(lead) + 2 * shown + 8;
    char *s = malloc(n);
    if (!s)
        return NULL;
    size_t at = (size_t)snprintf(s, n, "%s", lead);
    hex_encode(data, shown, s + at);
    if (shown < len)
        strcat(s, "...");
    return s;
}

pc_status abi_decode_revert(const uint8_t *data, size_t len, char **text, pc_error *err)
{
    static const uint8_t error_sel[4] = {0x08, 0xc3, 0x79, 0xa0};
    static const uint8_t panic_sel[4] = {0x4e, 0x48, 0x7b, 0x71};
    *text = NULL;
    if (len == 0) {
        *text = strdup("reverted without a reason");
    } else if (len >= 4 && memcmp(data, error_sel, 4) == 0) {
        /* Malformed Error(string) data falls through to the hex form. */
        if (abi_decode_event_string(data + 4, len - 4, text, NULL) != PC_OK)
            *text = unknown_revert_text(data, len);
    } else if (len == 4 + ABI_WORD && memcmp(data, panic_sel, 4) == 0) {
        *text = panic_text(data + 4);
    } else {
        *text = unknown_revert_text(data, len);
    }
    if (!*text)
        return pc_fail(err, PC_ENOMEM, "out of memory decoding revert data");
    return PC_OK;
}
