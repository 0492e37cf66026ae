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
