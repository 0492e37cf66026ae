#include "rpcclient/calltext.h"

#include <stdio.h>
#include <string.h>

#include "rpcclient/units.h"

void pc_arg_text(const pc_method *m, const abi_value *args, size_t i, pc_address_writer address,
                 const void *ctx, char *out, size_t cap)
{
    static const pc_unit UNITS[] = {
        [PC_ARG_ENT] = PC_UNIT_ENT,     [PC_ARG_EEURO] = PC_UNIT_EEURO,
        [PC_ARG_PRICE] = PC_UNIT_PRICE, [PC_ARG_WH] = PC_UNIT_WH,
        [PC_ARG_ORDER_ID] = PC_UNIT_RAW,
    };
    const abi_value *v = &args->items[i];
    switch (m->args[i]) {
    case PC_ARG_ADDRESS:
        address(&v->addr, ctx, out, cap);
        return;
    case PC_ARG_SIDE:
        snprintf(out, cap, "%s", v->boolean ? "buy" : "sell");
        return;
    case PC_ARG_PARAM_NAME:
        snprintf(out, cap, "%s", v->bytes ? (const char *)v->bytes : "");
        return;
    case PC_ARG_PARAM_VALUE: {
        /* H counts whole hours; M, B, C and F are 18-decimal fractions. */
        bool hours = i > 0 && args->items[0].kind == ABI_STRING && args->items[0].bytes &&
                     strcmp((const char *)args->items[0].bytes, "H") == 0;
        pc_format_unit_number(&v->num, hours ? PC_UNIT_RAW : PC_UNIT_COST, out, cap);
        return;
    }
    default:
        pc_format_unit(&v->num, UNITS[m->args[i]], out, cap);
        return;
    }
}

void pc_call_text(const pc_method *m, const abi_value *args, pc_address_writer address,
                  const void *ctx, char *out, size_t cap)
{
    size_t used = (size_t)snprintf(out, cap, "%s(", m->name);
    for (size_t i = 0; i < args->count && i < m->nargs && used < cap; i++) {
        char a[PC_UNIT_TEXT_MAX + ETH_ADDRESS_TEXT_LEN + 64];
        pc_arg_text(m, args, i, address, ctx, a, sizeof a);
        used += (size_t)snprintf(out + used, cap - used, "%s%s", i ? ", " : "", a);
    }
    if (used < cap)
        snprintf(out + used, cap - used, ")");
}

/* A parameter's value in its own unit: getParameters' unit for it, H voted
 * in hours and read in seconds. */
static void param_value_text(const abi_value *args, const u256 *value, char *out, size_t cap)
{
    const char *name = args->items[0].kind == ABI_STRING && args->items[0].bytes
                           ? (const char *)args->items[0].bytes
                           : "";
    pc_unit unit = pc_method_unit(pc_method_get(PC_FN_GET_PARAMETERS), name);
    u256 v = *value, hour = u256_from_u64(3600);
    if (unit == PC_UNIT_SECONDS && !u256_mul(&v, &v, &hour)) {
        char d[U256_DEC_MAX];
        u256_to_dec(value, d);
        snprintf(out, cap, "%s h", d);
        return;
    }
    pc_format_unit(&v, unit, out, cap);
}

/* Argument i as a sentence shows it. */
static void sentence_arg(const pc_method *m, const abi_value *args, size_t i,
                         pc_address_writer address, const void *ctx, char *out, size_t cap)
{
    const abi_value *v = &args->items[i];
    char d[U256_DEC_MAX];
    switch (m->args[i]) {
    case PC_ARG_WH:
        u256_to_dec(&v->num, d);
        snprintf(out, cap, "%s Wh", d);
        return;
    case PC_ARG_ORDER_ID:
        u256_to_dec(&v->num, d);
        snprintf(out, cap, "%s", d);
        return;
    case PC_ARG_PARAM_VALUE:
        if (i > 0) {
            param_value_text(args, &v->num, out, cap);
            return;
        }
        break;
    default:
        break;
    }
    pc_arg_text(m, args, i, address, ctx, out, cap);
}

void pc_intent_text(const pc_method *m, const abi_value *args, pc_address_writer address,
                    const void *ctx, char *out, size_t cap)
{
    size_t used = 0;
    out[0] = '\0';
    for (const char *p = m->intent ? m->intent : ""; *p && used + 1 < cap;) {
        size_t i = (size_t)(p[1] - '0');
        if (p[0] != '{' || i >= m->nargs || i >= args->count) {
            out[used++] = *p++;
            out[used] = '\0';
            continue;
        }
        char part[PC_UNIT_TEXT_MAX + ETH_ADDRESS_TEXT_LEN + 64];
        p += 2;
        if (*p == '?') {
            /* {N?yes|no} */
            const char *yes = p + 1, *bar = strchr(yes, '|'), *end = bar ? strchr(bar, '}') : NULL;
            if (!end)
                break;
            bool on = args->items[i].kind == ABI_BOOL && args->items[i].boolean;
            snprintf(part, sizeof part, "%.*s", on ? (int)(bar - yes) : (int)(end - bar - 1),
                     on ? yes : bar + 1);
            p = end + 1;
        } else {
            sentence_arg(m, args, i, address, ctx, part, sizeof part);
            p += *p == '}';
        }
        int n = snprintf(out + used, cap - used, "%s", part);
        used = n < 0 || (size_t)n >= cap - used ? cap - 1 : used + (size_t)n;
    }
}
