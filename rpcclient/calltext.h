/* A decoded contract call as people read it, by the kinds of its
 * arguments in the method table: amounts with their unit ("1.5 ENT",
 * "0.12 eEuro/ENT", "7.5 kWh"), an order's side as "buy" or "sell", a
 * parameter's letter and its value (H in whole hours, the others as
 * decimal fractions: "0.05"). Addresses are the front end's to write (with
 * its address book's name, at its width), through a writer it gives. */
#ifndef PC_CALLTEXT_H
#define PC_CALLTEXT_H

#include <stddef.h>

#include "eth/abi.h"
#include "eth/address.h"
#include "rpcclient/powerchain.h"

/* Writes address a into out (NUL-terminated within cap); ctx is the
 * caller's. */
typedef void (*pc_address_writer)(const eth_address *a, const void *ctx, char *out, size_t cap);

/* Argument i of a call of m, `args` the ABI_TUPLE pc_decode_calldata gives
 * (i < args->count and i < m->nargs). */
void pc_arg_text(const pc_method *m, const abi_value *args, size_t i, pc_address_writer address,
                 const void *ctx, char *out, size_t cap);

/* "addOrder(1 eEuro/ENT, 10 ENT, buy)"; "clearOldSessions()". */
void pc_call_text(const pc_method *m, const abi_value *args, pc_address_writer address,
                  const void *ctx, char *out, size_t cap);

/* What a call of m does, in words: m's intent with each {N} replaced by
 * argument N as a sentence shows it, and {N?yes|no} by `yes` when the
 * boolean argument N is true (an order's side), else by `no`. In a
 * sentence, amounts have their unit ("1.5 ENT"), energy is in Wh as the
 * forms take it ("500 Wh"), an order id is its number, a parameter's value
 * has the parameter's own unit ("5%", "2 h"), and addresses come from
 * `address`. Empty for a method without intent (reads). */
void pc_intent_text(const pc_method *m, const abi_value *args, pc_address_writer address,
                    const void *ctx, char *out, size_t cap);

#endif
