#include "rpcclient/units.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

const char *pc_unit_word(pc_unit u)
{
    switch (u) {
    case PC_UNIT_ENT: return "ENT";
    case PC_UNIT_EEURO: return "eEuro";
    case PC_UNIT_PRICE: return "eEuro/ENT";
    case PC_UNIT_COST: return "ENT/kWh";
    case PC_UNIT_FRACTION: return "%";
    case PC_UNIT_WH: return "kWh";
    default: return "";
    }
}

static void format_duration(const u256 *v, char *out, size_t cap)
{
    uint64_t s;
    if (!u256_to_u64(v, &s)) {
        char dec[U256_DEC_MAX];
        u256_to_dec(v, dec);
        snprintf(out, cap, "%s s", dec);
        return;
    }
    uint64_t h = s / 3600, m = s % 3600 / 60, sec = s % 60;
    size_t n = 0;
    out[0] = '\0';
    if (h)
        n += (size_t)snprintf(out + n, cap - n, "%llu h", (unsigned long long)h);
    if (m && n < cap)
        n += (size_t)snprintf(out + n, cap - n, "%s%llu min", n ? " " : "", (unsigned long long)m);
    if ((sec || s == 0) && n < cap)
        snprintf(out + n, cap - n, "%s%llu s", n ? " " : "", (unsigned long long)sec);
}

static void format_timestamp(const u256 *v, char *out, size_t cap)
{
    uint64_t s;
    struct tm tm;
    time_t t;
    /* Far-future values would not fit time_t or a four-digit year. */
    if (!u256_to_u64(v, &s) || s > 253402300799ull || (t = (time_t)s, !gmtime_r(&t, &tm))) {
        char dec[U256_DEC_MAX];
        u256_to_dec(v, dec);
        snprintf(out, cap, "%s", dec);
        return;
    }
    strftime(out, cap, "%Y-%m-%d %H:%M:%S UTC", &tm);
}

void pc_format_unit_number(const u256 *v, pc_unit u, char *out, size_t cap)
{
    char text[U256_DEC_MAX];
    switch (u) {
    case PC_UNIT_ENT:
    case PC_UNIT_EEURO:
    case PC_UNIT_PRICE:
    case PC_UNIT_COST:
        u256_format_fixed(v, 18, text);
        break;
    case PC_UNIT_FRACTION:
        u256_format_fixed(v, 16, text); /* 10^18 is 100 % */
        break;
    case PC_UNIT_WH:
        u256_format_fixed(v, 3, text);
        break;
    case PC_UNIT_SECONDS:
        format_duration(v, out, cap);
        return;
    case PC_UNIT_TIMESTAMP:
        format_timestamp(v, out, cap);
        return;
    default:
        u256_to_dec(v, text);
        break;
    }
    snprintf(out, cap, "%s", text);
}

void pc_format_unit(const u256 *v, pc_unit u, char *out, size_t cap)
{
    char num[PC_UNIT_TEXT_MAX];
    pc_format_unit_number(v, u, num, sizeof num);
    const char *w = pc_unit_word(u);
    if (!*w)
        snprintf(out, cap, "%s", num);
    else if (u == PC_UNIT_FRACTION)
        snprintf(out, cap, "%s%%", num);
    else
        snprintf(out, cap, "%s %s", num, w);
}
