/* What a contract call will do, in words, for the confirmation before it is
 * signed: the effect of the call on the figures the person knows (the
 * snapshot, the history index, the address book), the most it can cost in
 * the chain's coin against the coin the account holds, and warnings about
 * what looks like a mistake.
 *
 * Pure: no node, no terminal. Every figure is exact (u256); a sentence
 * says "about" where the contract decides at mining time (costs change
 * with every production and consumption). Addresses are shown with their
 * address-book name beside them: "0x7099... (bob)". A vote says first
 * what it does to the account's vote ("turns your vote against"), then
 * the proposal.
 *
 * Warnings: the zero address, one's own address (where it makes no sense),
 * the contract's own address, an address that is not an active storage
 * unit where the call needs one, a lock that rounds down to nothing, and a
 * fee that can exceed the account's coin balance. */
#ifndef WALLET_EFFECT_H
#define WALLET_EFFECT_H

#include <stddef.h>
#include <stdint.h>

#include "eth/address.h"
#include "eth/u256.h"
#include "wallet/names.h"
#include "wallet/past.h"
#include "wallet/state.h"

typedef enum effect_kind {
    EFFECT_WHAT,    /* what the call does */
    EFFECT_FEE,     /* the most the transaction can cost in fees */
    EFFECT_BALANCE, /* the account's coin balance */
    EFFECT_WARNING, /* looks like a mistake: read before signing */
} effect_kind;

#define EFFECT_LINE_MAX 512
#define EFFECT_LINES_MAX 12

typedef struct effect_line {
    effect_kind kind;
    char text[EFFECT_LINE_MAX];
} effect_line;

typedef struct effect_lines {
    effect_line line[EFFECT_LINES_MAX];
    size_t n;
} effect_lines;

/* One call as the panel prepared it. Only method and args are required;
 * a NULL state, past or book leaves out what they would tell. */
typedef struct effect_call {
    const char *method;           /* a PROTOCOL.md transaction or vote */
    size_t nargs;
    const char *const *args;      /* as pc_encode_call takes them (names resolved to
                                     addresses, "buy"/"sell", decimal amounts) */
    const wallet_state *state;    /* the latest snapshot */
    const wallet_past *past;      /* the history index (unit owners, proposals) */
    const names *book;
    eth_address own;              /* the sending account */
    eth_address contract;
    uint64_t gas_limit;
    u256 max_fee_per_gas;         /* wei; the gas price of a legacy transaction */
} effect_call;

/* Fills *out (cleared first) with the effect lines, each followed by the
 * warnings about it, then the fee and the balance (and the warning when the
 * fee can exceed it). A method this module does not know, or
 * arguments that do not parse, give one EFFECT_WARNING saying so instead of
 * the effect. */
void effect_describe(const effect_call *c, effect_lines *out);

#endif
