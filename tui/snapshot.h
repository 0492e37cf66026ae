/* What the panel knows about the chain at one block: every figure of every
 * page, read in ONE batched HTTP request (tui_snapshot_fetch), typed and
 * exact (u256, never double). Screens read these structs and nothing else;
 * they never see JSON, RPC or ABI values.
 *
 * A section whose read failed (a function the deployment lacks, a read that
 * reverts for this caller) is marked missing in `missing` and left zero; the
 * rest of the snapshot stays usable. A snapshot is owned by one thread at a
 * time: the worker builds it, then hands it to the input thread. */
#ifndef TUI_SNAPSHOT_H
#define TUI_SNAPSHOT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "eth/address.h"
#include "eth/error.h"
#include "eth/u256.h"
#include "rpcclient/powerchain.h"
#include "rpcclient/rpc.h"

/* Sections of a snapshot, as bits of tui_snapshot.missing. */
enum {
    TUI_SEC_BALANCES = 1u << 0,
    TUI_SEC_TOTALS = 1u << 1,
    TUI_SEC_COSTS = 1u << 2,
    TUI_SEC_UNITS = 1u << 3,
    TUI_SEC_SESSIONS = 1u << 4,
    TUI_SEC_PARAMS = 1u << 5,
    TUI_SEC_BANKER = 1u << 6,
    TUI_SEC_VOTER = 1u << 7,
    TUI_SEC_VOTES = 1u << 8,
    TUI_SEC_ORDERS = 1u << 9,
    TUI_SEC_EVENTS = 1u << 10,
    TUI_SEC_WITHDRAWALS = 1u << 11,
};

/* Parameters in getParameters order. */
enum { TUI_PARAM_M, TUI_PARAM_B, TUI_PARAM_C, TUI_PARAM_H, TUI_PARAM_F, TUI_NPARAMS };

typedef struct tui_unit {
    eth_address addr;
    u256 wh;               /* available (unlocked) energy */
} tui_unit;

typedef struct tui_session {
    char *id;              /* owned */
    u256 wh;               /* Wh left to consume */
    uint64_t timestamp;    /* start, unix seconds */
    eth_address unit;
} tui_session;

typedef struct tui_order {
    uint64_t id;
    eth_address user;
    u256 price;            /* eEuro per ENT, 18 decimals */
    u256 quantity;         /* ENT left, 18 decimals */
} tui_order;

typedef struct tui_vote {
    char *text;            /* owned: the vote string */
    bool in_favour;
    bool passed;
} tui_vote;

typedef struct tui_event {
    uint64_t block;
    bool is_error;
    char *text;            /* owned, control characters already replaced */
    uint8_t tx_hash[32];
} tui_event;

typedef struct tui_withdrawal {
    eth_address addr;
    u256 locked;           /* eEuro locked for withdrawal */
} tui_withdrawal;

/* Addresses whose locked eEuro the banker page reads (see tui_snapshot_fetch). */
#define TUI_MAX_WATCHED 16
/* Blocks of history the Activity page reads Info/Error events from. */
#define TUI_EVENT_BLOCKS 2000

typedef struct tui_snapshot {
    uint64_t block;
    uint64_t block_time;   /* latest block's timestamp, unix seconds */
    unsigned missing;      /* TUI_SEC_* bits of sections that could not be read */
    char first_problem[PC_ERROR_MSG_MAX]; /* why the first missing section failed */

    bool has_account;
    eth_address account;
    u256 ent_available, ent_locked, eeuro_available, eeuro_locked;

    u256 total_ent, total_eeuro, total_wh;
    u256 mint_cost, burn_cost;
    u256 params[TUI_NPARAMS];
    eth_address banker;
    bool is_voter;

    tui_unit *units;       size_t nunits;
    tui_session *sessions; size_t nsessions;
    tui_vote *votes;       size_t nvotes;
    tui_order *buys;       size_t nbuys;
    tui_order *sells;      size_t nsells;
    tui_event *events;     size_t nevents;   /* oldest first */
    tui_withdrawal *withdrawals; size_t nwithdrawals; /* only addresses with locked eEuro */
    eth_address owners_seen[TUI_MAX_WATCHED]; /* unit owners named by recent events */
    size_t nowners_seen;
    eth_address watched[TUI_MAX_WATCHED];     /* candidates for the next withdrawal read */
    size_t nwatched;
} tui_snapshot;

/* A pending transaction whose receipt the same batch asks for. */
typedef struct tui_receipt_query {
    uint8_t hash[32];
    bool found;            /* out: mined */
    node_receipt receipt;  /* out when found; free with node_receipt_free */
} tui_receipt_query;

/* Reads everything in one batch at block `latest` (the number the caller just
 * polled). `account` may be NULL (no account: sender reads are skipped).
 * `watch` lists addresses whose locked eEuro to read (the previous
 * snapshot's `watched`, plus the account). Receipts for `queries` ride in the
 * same batch. PC_ENODE only when the round trip itself failed; failed
 * sections are marked missing instead. */
pc_status tui_snapshot_fetch(rpc_client *c, const pc_contract *k, const eth_address *account,
                             uint64_t latest, const eth_address *watch, size_t nwatch,
                             tui_receipt_query *queries, size_t nqueries, tui_snapshot **out,
                             pc_error *err);
void tui_snapshot_free(tui_snapshot *s);

/* ---- figures derived from a snapshot (exact integer arithmetic) ---- */

/* Wh that `ent` (18 decimals) buys at the current burn cost:
 * ent*1000/(10^18+burn), as startConsumptionSession locks. */
bool tui_session_wh(const tui_snapshot *s, const u256 *ent, u256 *wh);
/* Seconds left before a session expires (0 when expired):
 * timestamp + H - latest block time. */
uint64_t tui_session_seconds_left(const tui_snapshot *s, const tui_session *x);
/* ENT in circulation against kWh stored, both 18-decimal: E = wh*10^18/1000. */
void tui_peg(const tui_snapshot *s, u256 *stored_fixed, u256 *ent);
/* Roles of the snapshot's account. */
bool tui_is_banker(const tui_snapshot *s);
bool tui_is_unit(const tui_snapshot *s);
bool tui_is_unit_owner(const tui_snapshot *s);
/* Scales v to 0..width cells against max (integer division; 0 when max is 0). */
unsigned tui_scale(const u256 *v, const u256 *max, unsigned width);

#endif
