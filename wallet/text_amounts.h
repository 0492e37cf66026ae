/* A contract's text with the amounts of its call decoded beside its words.
 *
 * The thesis's own contract writes amounts raw, as 18-decimal integers
 * ("100000000000000000 eEuro locked", "Parameter B set to
 * 10000000000000000"); the project's contract writes them as decimals. The
 * text is never read for meaning: a number in it is decoded only when it
 * equals, digit for digit, the raw value of one of the call's own amount
 * arguments (an ENT or eEuro amount, a price, or a voted parameter other
 * than H), and then the argument's figure as people read it is added in
 * parentheses at the end of the text's line ("100000000000000000 eEuro
 * locked (0.1 eEuro)"; several: "(0.1 eEuro; 2 ENT)"). Numbers of
 * fewer than 4 digits, right after '#' (an order id) or part of a decimal
 * or a word are left alone, so "#1" or "8 ENT" is never taken for wei.
 *
 * Pure; no allocation. */
#ifndef WALLET_TEXT_AMOUNTS_H
#define WALLET_TEXT_AMOUNTS_H

#include <stddef.h>

#include "eth/abi.h"
#include "rpcclient/powerchain.h"

/* Writes text into out (NUL-terminated, cut to cap) with the decoded
 * amounts added. m and args (the ABI_TUPLE of m's arguments, as
 * pc_decode_calldata gives it) may be NULL: text is copied as it is. */
void wallet_text_amounts(const char *text, const pc_method *m, const abi_value *args, char *out,
                         size_t cap);

#endif
