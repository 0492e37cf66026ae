#include "wallet/text_amounts.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "rpcclient/units.h"

/* Shorter numbers may be an id, a count or Wh that merely equals a tiny
 * amount; no raw amount the contract writes is worth decoding below this. */
#define MIN_DIGITS 4

/* The unit argument i of m is read in; PC_UNIT_RAW when it is not an
 * amount. A parameter's value takes the unit of the parameter voted. */
static pc_unit arg_unit(const pc_method *m, const abi_value *args, size_t i)
{
    switch (m->args[i]) {
    case PC_ARG_ENT: return PC_UNIT_ENT;
    case PC_ARG_EEURO: return PC_UNIT_EEURO;
    case PC_ARG_PRICE: return PC_UNIT_PRICE;
    case PC_ARG_PARAM_VALUE:
        for (size_t k = 0; k < m->nargs && k < args->count; k++) {
            const abi_value *p = &args->items[k];
            if (m->args[k] != PC_ARG_PARAM_NAME || p->kind != ABI_STRING || p->len != 1)
                continue;
            char c = (char)p->bytes[0];
            return c == 'M' || c == 'B' ? PC_UNIT_COST
                   : c == 'C' || c == 'F' ? PC_UNIT_FRACTION
                                          : PC_UNIT_RAW; /* H: whole hours, not raw */
        }
        return PC_UNIT_RAW;
    default: return PC_UNIT_RAW;
    }
}

/* The figure of the argument whose raw value the number is, or false. */
static bool decoded(const pc_method *m, const abi_value *args, const u256 *v, char *out, size_t cap)
{
    for (size_t i = 0; i < m->nargs && i < args->count; i++) {
        pc_unit u = arg_unit(m, args, i);
        if (u != PC_UNIT_RAW && args->items[i].kind == ABI_UINT &&
            u256_cmp(&args->items[i].num, v) == 0) {
            pc_format_unit(v, u, out, cap);
            return true;
        }
    }
    return false;
}

/* Appends the figures of the amounts in line (len bytes) to list, "; "
 * between them; the number of figures found. */
static size_t figures_of(const char *line, size_t len, const pc_method *m, const abi_value *args,
                         char *list, size_t cap)
{
    size_t found = 0;
    for (size_t i = 0; i < len;) {
        const char *p = line + i;
        bool alone = isdigit((unsigned char)*p) &&
                     (i == 0 || (!isalnum((unsigned char)p[-1]) && p[-1] != '.' && p[-1] != '#'));
        if (!alone) {
            i++;
            continue;
        }
        size_t n = strspn(p, "0123456789");
        if (n > len - i)
            n = len - i;
        bool whole = i + n == len ||
                     (!isalnum((unsigned char)p[n]) &&
                      !(p[n] == '.' && i + n + 1 < len && isdigit((unsigned char)p[n + 1])));
        u256 v;
        char figure[PC_UNIT_TEXT_MAX];
        if (whole && n >= MIN_DIGITS && n < U256_DEC_MAX && u256_parse_dec(p, n, &v, NULL) == PC_OK &&
            decoded(m, args, &v, figure, sizeof figure) && !strstr(list, figure)) {
            size_t at = strlen(list);
            snprintf(list + at, cap - at, "%s%s", found ? "; " : "", figure);
            found++;
        }
        i += n;
    }
    return found;
}

void wallet_text_amounts(const char *text, const pc_method *m, const abi_value *args, char *out,
                         size_t cap)
{
    if (cap == 0)
        return;
    out[0] = '\0';
    size_t used = 0;
    for (const char *line = text; used + 1 < cap;) {
        size_t len = strcspn(line, "\n");
        char list[4 * PC_UNIT_TEXT_MAX] = "";
        bool any = m && args && figures_of(line, len, m, args, list, sizeof list) > 0;
        int w = snprintf(out + used, cap - used, any ? "%.*s (%s)%s" : "%.*s%.0s%s", (int)len,
                         line, list, line[len] ? "\n" : "");
        used = w < 0 || (size_t)w >= cap - used ? cap - 1 : used + (size_t)w;
        if (!line[len])
            break;
        line += len + 1;
    }
}
