/* The PowerChain binding: the one place that knows the contract's functions
 * (PROTOCOL.md), their selectors, the kinds of their arguments as people
 * write them, and the units of their results.
 *
 * Flow of one action: pc_method_find -> pc_encode_call (strings typed by a
 * person -> checked, typed values -> calldata) -> sender.h signs and sends ->
 * pc_outcome_from_receipt decodes Info/Error events and the status. Reads:
 * pc_encode_call -> eth_call (wallet/read.h alone, wallet/state.h in a
 * batch) -> pc_decode_result. The rest of the program names a function by
 * its pc_fn id. A call in words (history rows, the sentence of intent) is
 * rpcclient/calltext.h's; the contract's vote strings, rpcclient/vote.h's. */
#ifndef PC_POWERCHAIN_H
#define PC_POWERCHAIN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "eth/abi.h"
#include "eth/address.h"
#include "eth/bytes.h"
#include "eth/error.h"
#include "rpcclient/node.h"
#include "rpcclient/rpc.h"

typedef enum pc_method_kind {
    PC_READ, /* eth_call only, never a transaction */
    PC_TX,   /* acts at once */
    PC_VOTE, /* records the caller's vote; acts when the vote passes */
} pc_method_kind;

/* How a person writes an argument. */
typedef enum pc_arg_kind {
    PC_ARG_ADDRESS,     /* 0x + 40 hex digits, EIP-55 checked when mixed case */
    PC_ARG_ENT,         /* ENT amount, decimal, up to 18 decimals */
    PC_ARG_EEURO,       /* eEuro amount, decimal, up to 18 decimals */
    PC_ARG_PRICE,       /* eEuro per ENT, decimal, up to 18 decimals */
    PC_ARG_WH,          /* energy in whole watt-hours */
    PC_ARG_ORDER_ID,    /* order id, a whole number */
    PC_ARG_SIDE,        /* "buy" or "sell" */
    PC_ARG_PARAM_NAME,  /* one of M B C H F */
    PC_ARG_PARAM_VALUE, /* M, B, C, F: decimal fractions; H: whole hours */
} pc_arg_kind;

/* How a result field is shown to people. */
typedef enum pc_unit {
    PC_UNIT_RAW,       /* plain integer */
    PC_UNIT_ENT,       /* 18-decimal ENT */
    PC_UNIT_EEURO,     /* 18-decimal eEuro */
    PC_UNIT_PRICE,     /* 18-decimal eEuro per ENT */
    PC_UNIT_COST,      /* 18-decimal ENT per kWh */
    PC_UNIT_FRACTION,  /* 18-decimal fraction, shown as percent */
    PC_UNIT_WH,        /* watt-hours, shown as kWh */
    PC_UNIT_SECONDS,   /* a duration, shown in hours */
    PC_UNIT_TIMESTAMP, /* unix seconds */
} pc_unit;

#define PC_MAX_ARGS 3

/* Every function of PROTOCOL.md, in its order: the rest of the program
 * names a function by its id (a switch on it, a form's method), never by
 * quoting its name. PC_FN_NONE is no function: a local form, a call to no
 * known selector. */
typedef enum pc_fn {
    PC_FN_NONE = 0,
    /* Energy */
    PC_FN_GET_TOTAL_ENERGY,
    PC_FN_GET_ENERGY_COSTS,
    PC_FN_GET_STORAGE_UNITS_INFO,
    PC_FN_GET_STORAGE_UNIT_ENERGY,
    PC_FN_GET_CONSUMPTION_SESSIONS,
    PC_FN_GET_CONSUMPTION_SESSION_ENERGY,
    PC_FN_START_CONSUMPTION_SESSION,
    PC_FN_CLEAR_OLD_SESSIONS,
    PC_FN_REGISTER_STORAGE_UNIT,
    PC_FN_REMOVE_STORAGE_UNIT,
    PC_FN_ENERGY_PRODUCED,
    PC_FN_ENERGY_CONSUMED,
    PC_FN_REPORT_ACTUAL_ENERGY,
    /* Tokens */
    PC_FN_BALANCE_ENT,
    PC_FN_BALANCE_EEURO,
    PC_FN_GET_TOTAL_ENT,
    PC_FN_GET_TOTAL_EEURO,
    PC_FN_TRANSFER_ENT,
    PC_FN_TRANSFER_EEURO,
    PC_FN_LOCK_EEURO,
    /* Banker */
    PC_FN_GET_BANKER_ADDRESS,
    PC_FN_CHANGE_BANKER,
    PC_FN_MINT_EEURO,
    PC_FN_BURN_EEURO,
    PC_FN_UNLOCK_EEURO,
    /* Network parameters */
    PC_FN_GET_PARAMETERS,
    PC_FN_SET_PARAMETER,
    /* Voting */
    PC_FN_IS_VOTER,
    PC_FN_GET_VOTES,
    PC_FN_ADD_VOTER,
    PC_FN_REMOVE_VOTER,
    PC_FN_DESTROY,
    /* Market */
    PC_FN_GET_ORDERS,
    PC_FN_ADD_ORDER,
    PC_FN_REMOVE_ORDER,
    PC_FN_COUNT
} pc_fn;

typedef struct pc_method {
    pc_fn id;
    const char *name;
    const char *inputs;   /* parameter list with names, abi_type_parse form */
    const char *outputs;  /* result list with names */
    pc_method_kind kind;
    bool uses_sender;     /* reads that depend on msg.sender need `from` */
    size_t nargs;
    pc_arg_kind args[PC_MAX_ARGS];
    const char *usage;    /* argument names for help: "TO AMOUNT" */
    const char *summary;  /* one line for help */
    const char *units;    /* "name=unit name=unit ..." for result fields */
    /* PC_VOTE: how the contract's vote string begins ("Add_Voter_"); its
     * arguments follow, '_'-separated (rpcclient/vote.h). NULL otherwise. */
    const char *vote;
    /* PC_TX and PC_VOTE: what a call does, in words, for the confirmation
     * (rpcclient/calltext.h fills it: pc_intent_text); for a vote, the
     * proposal. NULL for reads. */
    const char *intent;
} pc_method;

/* Every function of PROTOCOL.md, in its order (the order of pc_fn). */
const pc_method *pc_methods(size_t *count);
/* The function with this id; NULL for PC_FN_NONE or an id out of range. */
const pc_method *pc_method_get(pc_fn id);
/* The function a person named ("transferENT"), for the command line's
 * words; NULL when PROTOCOL.md has none of that name. */
const pc_method *pc_method_find(const char *name);
/* The function whose selector is the first four bytes of `selector`; NULL
 * when no PROTOCOL.md function has it (or the method table cannot be built). */
const pc_method *pc_method_by_selector(const uint8_t selector[4]);
/* The parsed parameter list of m with PROTOCOL.md's argument names (an
 * ABI_TUPLE owned by the binding); NULL when out of memory. */
const abi_type *pc_method_input_type(const pc_method *m);
/* Decodes calldata sent to the contract: *m receives the function named by
 * its selector (NULL, with PC_OK and *args left empty, when none is) and
 * *args the ABI_TUPLE of its arguments. Calldata shorter than a selector,
 * or arguments that do not decode, are PC_EDATA. */
pc_status pc_decode_calldata(const uint8_t *data, size_t len, const pc_method **m,
                             abi_value *args, pc_error *err);
/* The name of argument `index` of m as its usage writes it ("TO"), else
 * "argument N"; NUL-terminated within cap. */
void pc_method_arg_name(const pc_method *m, size_t index, char *out, size_t cap);
/* The unit of the result field called `field` (PC_UNIT_RAW when unlisted). */
pc_unit pc_method_unit(const pc_method *m, const char *field);

/* A deployment: its address, its name, and where it was deployed when its
 * file says so. Results are always named as PROTOCOL.md names them, whatever
 * ABI a deployment file carries: its "abi" is checked to be a list and
 * otherwise not used, so scripts read the same keys from every deployment. */
typedef struct pc_contract pc_contract;

/* Reads a {"name","address","abi"} deployment file, which may also say
 * where the deployment is: "block" (its block number) and "chain_id", both
 * whole numbers; when present they must be well formed (PC_EINPUT). */
pc_status pc_contract_load_json(const char *path, pc_contract **out, pc_error *err);
pc_status pc_contract_from_address(const char *text, pc_contract **out, pc_error *err);
/* A copy of k of its own, for a second owner (PC_ENOMEM). */
pc_status pc_contract_copy(const pc_contract *k, pc_contract **out, pc_error *err);
void pc_contract_free(pc_contract *k);
const eth_address *pc_contract_address(const pc_contract *k);
const char *pc_contract_name(const pc_contract *k);
/* A deployment's name is shown above "Sign and send?": 1 to
 * PC_CONTRACT_NAME_MAX printable ASCII characters, nothing a terminal
 * would act on. */
#define PC_CONTRACT_NAME_MAX 64
bool pc_contract_name_ok(const char *name);
/* The deployment's block and chain id from its file: false when unknown. */
bool pc_contract_deployment(const pc_contract *k, uint64_t *block, uint64_t *chain_id);

/* Parses the arguments as people write them and appends the calldata
 * (selector + ABI encoding) to out. Wrong arity or a bad argument is
 * PC_EINPUT naming the argument and why ("AMOUNT: more than 18 decimals"). */
pc_status pc_encode_call(const pc_method *m, int argc, char *const argv[], bytebuf *out,
                         pc_error *err);

/* Whether s names a network parameter: one of M B C H F. */
bool pc_param_name_ok(const char *s);

/* Parses one argument of the given kind into an ABI value (forms of the TUI
 * check fields one by one with this). For PC_ARG_PARAM_VALUE, param_name is
 * the parameter it belongs to. */
pc_status pc_parse_arg(pc_arg_kind kind, const char *text, const char *param_name,
                       abi_value *out, pc_error *err);

/* Decodes return data of m. *type (may be NULL) receives its result type,
 * whose field names are PROTOCOL.md's and known to pc_method_unit; it stays
 * owned by the binding. */
pc_status pc_decode_result(const pc_method *m, const uint8_t *data, size_t len, abi_value *out,
                           const abi_type **type, pc_error *err);

/* Reads in one HTTP round trip: add them, send the batch, then decode each. */
int pc_batch_add_read(rpc_batch *b, const pc_contract *k, const pc_method *m,
                      const eth_address *from, int argc, char *const argv[], pc_error *err);
/* The same read at another block: `block_tag` is "latest" or a quantity
 * ("0x1f"), the state after that block (a node that keeps no state that
 * old answers a JSON-RPC error). */
int pc_batch_add_read_at(rpc_batch *b, const pc_contract *k, const pc_method *m,
                         const eth_address *from, int argc, char *const argv[],
                         const char *block_tag, pc_error *err);
pc_status pc_batch_decode(const rpc_batch *b, int index, const pc_method *m, abi_value *out,
                          pc_error *err);

/* The outcome of a mined transaction: status, the contract's Info/Error
 * events in order, and for status 0 the revert reason when known. */
typedef struct pc_event {
    bool is_error;
    char *text;      /* owned; control characters replaced for display */
} pc_event;

typedef struct pc_outcome {
    uint8_t tx_hash[32];
    uint64_t block;
    uint64_t status;
    pc_event *events; /* owned */
    size_t nevents;
    char *revert_reason; /* owned; NULL unless status is 0 */
} pc_outcome;

pc_status pc_outcome_from_receipt(const pc_contract *k, const node_receipt *r, pc_outcome *out,
                                  pc_error *err);
/* Success means status 1 and no Error event. */
bool pc_outcome_ok(const pc_outcome *o);
void pc_outcome_free(pc_outcome *o);

/* Decodes one log when it is the contract's Info or Error event. Returns
 * PC_OK and sets *matched; other logs leave *matched false. */
pc_status pc_decode_event(const pc_contract *k, const node_log *l, bool *matched, pc_event *out,
                          pc_error *err);

#endif
