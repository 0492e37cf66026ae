/* What a contract call will do, in words, for the confirmation before it is
 * signed: the effect of the call on the figures the person knows (the
 * snapshot, the history index, the address book), the most it can cost in
 * the chain's coin against the coin the account holds, and warnings about
 * what looks like a mistake.
 *
 * Pure: no node, no terminal. Every figure is exact (u256). A figure this
 * module predicts from the snapshot (a session's Wh, what production
 * mints, what consumption burns, what an order trades at once, what a
 * removal or clearing gives back) is an estimate: the contract decides at
 * mining time, and a deployment of the thesis's contract decides otherwise.
 * Given the node's simulation (wallet/simulate.h), each such figure is
 * replaced by the simulated one; without it, the line's basis says
 * EFFECT_ESTIMATE and its sentence says "about": front ends label it as
 * an estimate. Addresses are shown with their address-book name beside
 * them: "0x7099... (bob)". A vote says first what it does to the
 * account's vote ("turns your vote against"), then the proposal.
 *
 * With a simulation, after what the call does come what the contract
 * would emit (EFFECT_TEXT: its Info/Error texts, or the revert), the
 * figures it would change (EFFECT_CHANGE), and what could not be simulated
 * (EFFECT_NOTE); a simulated Error or revert is first a warning quoting
 * the contract's text, and sets `refused`: the front end then asks with
 * the answer No by default, and a script's --yes does not sign it.
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
#include "wallet/simulate.h"
#include "wallet/state.h"

typedef enum effect_kind {
    EFFECT_WHAT,    /* what the call does */
    EFFECT_FEE,     /* the most the transaction can cost in fees */
    EFFECT_BALANCE, /* the account's coin balance */
    EFFECT_WARNING, /* looks like a mistake, or the contract refuses it: read before signing */
    EFFECT_TEXT,    /* simulated: an Info/Error text the contract would emit, or its revert */
    EFFECT_CHANGE,  /* simulated: a figure before and after ("0x... (bob): ENT locked
                       1 ENT -> 0 ENT") */
    EFFECT_NOTE,    /* what could not be simulated, or why nothing was */
} effect_kind;

/* Where a line's figures come from. */
typedef enum effect_basis {
    EFFECT_EXACT,     /* no predicted figure: the call's own arguments, or words */
    EFFECT_ESTIMATE,  /* predicted here from the snapshot: show it as an estimate */
    EFFECT_SIMULATED, /* from the node's simulation of this very transaction */
} effect_basis;

#define EFFECT_LINE_MAX 512
#define EFFECT_LINES_MAX 32

typedef struct effect_line {
    effect_kind kind;
    effect_basis basis;
    char text[EFFECT_LINE_MAX];
} effect_line;

typedef struct effect_lines {
    effect_line line[EFFECT_LINES_MAX];
    size_t n;
    bool refused;    /* the simulation says Error or revert: ask with No by default */
} effect_lines;

/* One call as the panel prepared it. Only method and args are required;
 * a NULL state, past or book leaves out what they would tell. */
typedef struct effect_call {
    const pc_method *method;      /* a PROTOCOL.md transaction or vote */
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
    const wallet_sim *sim;        /* the node's simulation of it, or NULL */
    const char *no_sim;           /* without sim: why there is none (a NOTE), or NULL
                                     when none was asked for */
} effect_call;

/* Fills *out (cleared first) with the effect lines, each followed by the
 * warnings about it, then the simulation's lines (above), then the fee and
 * the balance (and the warning when the fee can exceed it). A method this
 * module does not know, or arguments that do not parse, give one
 * EFFECT_WARNING saying so instead of the effect. */
void effect_describe(const effect_call *c, effect_lines *out);

#endif
