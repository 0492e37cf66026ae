/* How PowerChain quantities read to people (PROTOCOL.md, "Units and fixed
 * point"): exact decimal text with the unit, never rounded silently.
 *
 *   ENT / eEuro / prices / costs  18-decimal fixed point  "1.9 ENT"
 *   fractions                     18-decimal, as percent  "5%"
 *   energy                        Wh shown as kWh         "7.857 kWh"
 *   durations                     seconds                 "2 h", "1 h 30 min"
 *   timestamps                    unix seconds            "2026-11-21 10:00:00 UTC" */
#ifndef PC_UNITS_H
#define PC_UNITS_H

#include <stddef.h>

#include "eth/u256.h"
#include "rpcclient/powerchain.h"

/* Room for any formatted value. */
#define PC_UNIT_TEXT_MAX 112

/* Formats v in unit u into out (NUL-terminated, truncated to cap). */
void pc_format_unit(const u256 *v, pc_unit u, char *out, size_t cap);

/* The number alone, without the unit word ("1.9", "7.857", "5"). */
void pc_format_unit_number(const u256 *v, pc_unit u, char *out, size_t cap);

/* The unit word that pc_format_unit appends ("ENT", "kWh", "%", ...);
 * empty for raw numbers, durations and timestamps. */
const char *pc_unit_word(pc_unit u);

#endif
