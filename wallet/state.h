/* The contract's state at one block, typed and exact (u256, never double):
 * every figure both front ends show, read in ONE batched HTTP request
 * (wallet_state_fetch). Front ends read these structs and nothing else; they
 * never see JSON, RPC or ABI values.
 *
 * What one batch reads: the chain id and the latest block; the account's
 * coin balance (eth_getBalance), token balances, sessions, voter flag and votes (sender reads, only with an
 * account); the totals, costs, storage units, parameters, banker and order
 * book; receipts of pending transactions. The past (unit owners, withdrawal
 * requests, the contract's transactions) is not read here: it comes from
 * the history index (wallet/history.h, wallet/past.h).
 *
 * A section whose read failed (a function the deployment lacks, a read that
 * reverts for this caller) is marked missing in `missing` and left zero; the
 * rest of the state stays usable. Ownership: wallet_state_fetch allocates
 * the state and everything in it; the caller owns it from then on (one
 * thread at a time: the panel's worker builds it and hands it over) and
 * frees it with wallet_state_free. Roles are derived by wallet/roles.h. */
#ifndef WALLET_STATE_H
#define WALLET_STATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "eth/address.h"
#include "eth/error.h"
#include "eth/u256.h"
#include "rpcclient/powerchain.h"
#include "rpcclient/rpc.h"
#include "wallet/order.h"

/* Sections of a state, as bits of wallet_state.missing. */
enum {
    WALLET_SEC_BALANCES = 1u << 0,
    WALLET_SEC_TOTALS = 1u << 1,
    WALLET_SEC_COSTS = 1u << 2,
    WALLET_SEC_UNITS = 1u << 3,
    WALLET_SEC_SESSIONS = 1u << 4,
    WALLET_SEC_PARAMS = 1u << 5,
    WALLET_SEC_BANKER = 1u << 6,
    WALLET_SEC_VOTER = 1u << 7,
    WALLET_SEC_VOTES = 1u << 8,
    WALLET_SEC_ORDERS = 1u << 9,
    WALLET_SEC_COIN = 1u << 10,   /* the account's balance in the chain's coin */
};

/* Parameters in getParameters order. */
enum { WALLET_PARAM_M, WALLET_PARAM_B, WALLET_PARAM_C, WALLET_PARAM_H, WALLET_PARAM_F, WALLET_NPARAMS };

typedef struct wallet_unit {
    eth_address addr;
    u256 wh;               /* available (unlocked) energy */
} wallet_unit;

typedef struct wallet_session {
    char *id;              /* owned */
    u256 wh;               /* Wh left to consume */
    uint64_t timestamp;    /* start, unix seconds */
    eth_address unit;
} wallet_session;

typedef struct wallet_vote {
    char *text;            /* owned: the vote string */
    bool in_favour;
    bool passed;
} wallet_vote;

typedef struct wallet_state {
    uint64_t chain_id;
    uint64_t block;
    uint64_t block_time;   /* latest block's timestamp, unix seconds */
    unsigned missing;      /* WALLET_SEC_* bits of sections that could not be read */
    char first_problem[PC_ERROR_MSG_MAX]; /* why the first missing section failed */

    bool has_account;
    eth_address account;
    u256 ent_available, ent_locked, eeuro_available, eeuro_locked;
    u256 coin;             /* the account's balance in the chain's coin, wei (pays for gas) */

    u256 total_ent, total_eeuro, total_wh;
    u256 mint_cost, burn_cost;
    u256 params[WALLET_NPARAMS];
    eth_address banker;
    bool is_voter;

    wallet_unit *units;       size_t nunits;
    wallet_session *sessions; size_t nsessions;
    wallet_vote *votes;       size_t nvotes;
    wallet_order *buys;       size_t nbuys;
    wallet_order *sells;      size_t nsells;
} wallet_state;

/* A pending transaction whose receipt the same batch asks for. */
typedef struct wallet_receipt_query {
    uint8_t hash[32];
    bool found;            /* out: mined */
    node_receipt receipt;  /* out when found; free with node_receipt_free */
} wallet_receipt_query;

/* What to read besides the fixed figures. */
typedef struct wallet_state_query {
    const eth_address *account;      /* NULL: no account, sender reads skipped */
    wallet_receipt_query *receipts;  /* pending transactions, answered in place */
    size_t nreceipts;
} wallet_state_query;

/* Reads everything in one batch. PC_ENODE only when the round trip itself
 * failed (or the latest block is unreadable); failed sections are marked
 * missing instead. */
pc_status wallet_state_fetch(rpc_client *c, const pc_contract *k, const wallet_state_query *q,
                             wallet_state **out, pc_error *err);
void wallet_state_free(wallet_state *s);

/* ---- figures derived from a state (exact integer arithmetic) ---- */

/* Wh that `ent` (18 decimals) buys at the current burn cost:
 * ent*1000/(10^18+burn), as startConsumptionSession locks. */
bool wallet_session_wh(const wallet_state *s, const u256 *ent, u256 *wh);
/* Seconds left before a session that started at `start` (unix seconds)
 * expires (0 when expired): start + H - latest block time. */
uint64_t wallet_session_seconds_left(const wallet_state *s, uint64_t start);
/* ENT in circulation against kWh stored, both 18-decimal: E = wh*10^18/1000. */
void wallet_peg(const wallet_state *s, u256 *stored_fixed, u256 *ent);
/* The peg's gap, |ENT in circulation - stored kWh| (18 decimals), into
 * *gap; true when it is negative (less ENT than energy). */
bool wallet_peg_gap(const wallet_state *s, u256 *gap);

#endif
