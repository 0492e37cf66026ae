#include "rpcclient/vote.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* Appends to out at *used; false when it does not fit. */
static bool append(char *out, size_t cap, size_t *used, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static bool append(char *out, size_t cap, size_t *used, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = *used < cap ? vsnprintf(out + *used, cap - *used, fmt, ap) : -1;
    va_end(ap);
    if (n < 0 || (size_t)n >= cap - *used)
        return false;
    *used += (size_t)n;
    return true;
}

/* One argument as the vote string writes it; false when the value is not
 * of the kind the function takes. */
static bool write_part(pc_arg_kind kind, const abi_value *v, char *out, size_t cap,
                       size_t *used)
{
    char text[U256_DEC_MAX];
    switch (kind) {
    case PC_ARG_ADDRESS:
        if (v->kind != ABI_ADDRESS)
            return false;
        eth_address_to_lower_nopfx(&v->addr, text);
        return append(out, cap, used, "%s", text);
    case PC_ARG_PARAM_NAME:
        return v->kind == ABI_STRING && v->bytes &&
               append(out, cap, used, "%s", (const char *)v->bytes);
    case PC_ARG_PARAM_VALUE:
        if (v->kind != ABI_UINT)
            return false;
        u256_to_dec(&v->num, text);
        return append(out, cap, used, "%s", text);
    default:
        return false;
    }
}

pc_status pc_vote_write(const pc_method *m, const abi_value *args, uint64_t round, char *out,
                        size_t cap, pc_error *err)
{
    if (cap)
        out[0] = '\0';
    if (!m || m->kind != PC_VOTE || !m->vote)
        return pc_fail(err, PC_EINPUT, "%s records no vote", m ? m->name : "no function");
    if (args->kind != ABI_TUPLE || args->count != m->nargs)
        return pc_fail(err, PC_EINPUT, "%s takes %zu arguments", m->name, m->nargs);
    size_t used = 0;
    bool ok = append(out, cap, &used, "%s", m->vote);
    for (size_t i = 0; i < m->nargs && ok; i++)
        ok = (i == 0 || append(out, cap, &used, "_")) &&
             write_part(m->args[i], &args->items[i], out, cap, &used);
    if (ok && round)
        ok = append(out, cap, &used, "_%llu", (unsigned long long)round);
    if (!ok) {
        if (cap)
            out[0] = '\0';
        return pc_fail(err, PC_EINPUT, "the arguments of %s make no vote string of at most "
                                       "%zu characters", m->name, cap ? cap - 1 : 0);
    }
    return PC_OK;
}

/* The vote function whose prefix begins text, the longest when several do. */
static const pc_method *by_prefix(const char *text)
{
    size_t n;
    const pc_method *all = pc_methods(&n), *best = NULL;
    for (size_t i = 0; i < n; i++) {
        const char *p = all[i].vote;
        if (p && strncmp(text, p, strlen(p)) == 0 && (!best || strlen(p) > strlen(best->vote)))
            best = &all[i];
    }
    return best;
}

/* Splits rest at '_' into at most max parts; false when a part is empty
 * or too long, or there are more. An empty rest is no part. */
static bool split(const char *rest, char parts[][PC_VOTE_ARG_MAX], size_t max, size_t *n)
{
    *n = 0;
    if (!*rest)
        return true;
    for (;;) {
        size_t len = strcspn(rest, "_");
        if (*n == max || len == 0 || len >= PC_VOTE_ARG_MAX)
            return false;
        memcpy(parts[*n], rest, len);
        parts[(*n)++][len] = '\0';
        if (!rest[len])
            return true;
        rest += len + 1;
    }
}

static bool whole(const char *part, u256 *v)
{
    return strspn(part, "0123456789") == strlen(part) &&
           u256_parse_dec(part, strlen(part), v, NULL) == PC_OK;
}

/* One part as pc_encode_call takes it; NULL, or why it is not one. */
static const char *read_part(pc_arg_kind kind, const char *part, const char *param,
                             char out[PC_VOTE_ARG_MAX])
{
    u256 v;
    switch (kind) {
    case PC_ARG_ADDRESS:
        if (strlen(part) != 40 || strspn(part, "0123456789abcdefABCDEF") != 40)
            return "an address that is not 40 hex digits";
        /* Lowercase: a mixed case would be read as a (wrong) EIP-55 checksum. */
        out[0] = '0', out[1] = 'x';
        for (size_t i = 0; i <= 40; i++)
            out[2 + i] = (char)tolower((unsigned char)part[i]);
        return NULL;
    case PC_ARG_PARAM_NAME:
        if (!pc_param_name_ok(part))
            return "a parameter name other than M, B, C, H, F";
        snprintf(out, PC_VOTE_ARG_MAX, "%.1s", part);
        return NULL;
    case PC_ARG_PARAM_VALUE:
        if (!whole(part, &v))
            return "a value that is not a whole number";
        /* H is voted in whole hours, the others in 18-decimal units. */
        if (strcmp(param, "H") == 0)
            u256_to_dec(&v, out);
        else
            u256_format_fixed(&v, 18, out);
        return NULL;
    default:
        return "an argument no vote takes";
    }
}

pc_status pc_vote_parse(const char *text, pc_vote *out, pc_error *err)
{
    memset(out, 0, sizeof *out);
    if (strnlen(text, PC_VOTE_TEXT_MAX + 1) > PC_VOTE_TEXT_MAX)
        return pc_fail(err, PC_EDATA, "not a vote string: longer than %d characters",
                       PC_VOTE_TEXT_MAX);
    const pc_method *m = by_prefix(text);
    if (!m)
        return pc_fail(err, PC_EDATA, "not a vote string: it begins with no vote's prefix");
    const char *rest = text + strlen(m->vote);
    /* Without arguments, only a round may follow: "destroy_contract_1". */
    if (m->nargs == 0 && *rest) {
        if (*rest != '_' || !rest[1])
            return pc_fail(err, PC_EDATA, "not a vote string: %s's vote has no arguments",
                           m->name);
        rest++;
    }
    char parts[PC_MAX_ARGS + 1][PC_VOTE_ARG_MAX];
    size_t n;
    if (!split(rest, parts, m->nargs + 1, &n))
        return pc_fail(err, PC_EDATA, "not a vote string: an empty or overlong part, or more "
                                      "than %zu", m->nargs + 1);
    /* A proposal that passed before is recorded again as <vote>_<times passed>. */
    if (n == m->nargs + 1) {
        u256 round;
        if (!whole(parts[n - 1], &round) || !u256_to_u64(&round, &out->round)) {
            out->round = 0;
            return pc_fail(err, PC_EDATA, "not a vote string: its last part is no round number");
        }
        n--;
    }
    if (n != m->nargs) {
        out->round = 0;
        return pc_fail(err, PC_EDATA, "not a vote string: %zu arguments where %s takes %zu", n,
                       m->name, m->nargs);
    }
    for (size_t i = 0; i < n; i++) {
        const char *why = read_part(m->args[i], parts[i], i > 0 ? parts[0] : "", out->args[i]);
        if (why) {
            memset(out, 0, sizeof *out);
            return pc_fail(err, PC_EDATA, "not a vote string: %s", why);
        }
    }
    out->method = m;
    out->nargs = n;
    return PC_OK;
}
