/* The contract's vote strings (PROTOCOL.md, Voting), written and read in
 * one place. A vote function records each vote under a string made of the
 * function's prefix in the method table (pc_method.vote: "Add_Voter_") and
 * its arguments joined by '_': an address as 40 lowercase hex digits
 * without 0x, a parameter's name as given, its value as the whole number
 * sent (H in hours, the fractions in 18-decimal units). destroy() has no
 * arguments: "destroy_contract". Once a proposal has passed N times, the
 * next one on the same call is recorded as "<string>_N" (its round).
 *
 *   addVoter(0x3C44...)          "Add_Voter_3c44...", then "Add_Voter_3c44..._1"
 *   registerStorageUnit(U, O)    "register_<u>_<o>"
 *   setParameter("C", 5e16)      "setParameter_C_50000000000000000"
 *   destroy()                    "destroy_contract", then "destroy_contract_1" */
#ifndef PC_VOTE_H
#define PC_VOTE_H

#include <stddef.h>
#include <stdint.h>

#include "eth/abi.h"
#include "eth/error.h"
#include "eth/u256.h"
#include "rpcclient/powerchain.h"

/* Room for any vote string this module writes (the longest is a
 * setParameter with a one-letter name and a 78-digit value and round). */
#define PC_VOTE_TEXT_MAX 192
/* Room for one argument as pc_vote_parse gives it back. */
#define PC_VOTE_ARG_MAX (U256_DEC_MAX + 2)

/* Writes the vote string of a call of the vote function m with the decoded
 * arguments `args` (the ABI_TUPLE pc_decode_calldata gives) in round
 * `round` (0: the first proposal, no suffix). PC_EINPUT when m is not a
 * vote function, the arguments are not m's, or the string would not fit
 * in cap (out is then empty). */
pc_status pc_vote_write(const pc_method *m, const abi_value *args, uint64_t round, char *out,
                        size_t cap, pc_error *err);

/* A vote string read back: the call that votes on it again. */
typedef struct pc_vote {
    const pc_method *method;                 /* a PC_VOTE function */
    size_t nargs;                            /* method->nargs */
    char args[PC_MAX_ARGS][PC_VOTE_ARG_MAX]; /* as pc_encode_call takes them: "0x" + the
                                                hex in lowercase, the parameter's letter,
                                                its value in hours (H) or as a decimal
                                                fraction ("0.05") */
    uint64_t round;                          /* the N of "_N"; 0 without one */
} pc_vote;

/* Reads a vote string as the node lists it (getVotes), which is outside
 * data: a string that begins with no vote function's prefix, has too few
 * or too many parts, an empty part, an address that is not 40 hex digits,
 * a parameter name other than M, B, C, H, F, a value or round that is not
 * a whole number (a round above 2^64 - 1), or that is longer than
 * PC_VOTE_TEXT_MAX is PC_EDATA, and *out is cleared. */
pc_status pc_vote_parse(const char *text, pc_vote *out, pc_error *err);

#endif
