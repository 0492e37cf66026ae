/* An account's statement over a range of blocks or times: every change of
 * its ENT and eEuro, available and locked apart, with the transaction that
 * made it and the running balances after it, exact; then the chain's own
 * balances read at the range's last block, and whether they agree.
 *
 * The changes are the account's ledger (wallet/ledger.h), replayed from
 * the history index over its whole past so that the opening balance of a
 * later range is right too. Where the contract's rules decide a change
 * (fills, session burns, costs), the node's past state decides it when the
 * node keeps that block's state: balanceENT and balanceeEuro are read with
 * eth_call at such blocks, and a block's change is what the node's states
 * after it and before it say, whatever the replay said. The newest 16 such
 * blocks are all read, in one batch; past them (an account that every
 * meter reading pays), the oldest state the node keeps is found by
 * bisection, and the blocks in between are read only where the node and
 * the replay come to differ, bisecting down to the block that makes the
 * difference: a few dozen reads instead of thousands. Blocks whose state
 * the node does not keep, or that lie between two reads on which the node
 * and the replay agree, keep the replayed change. A row says which of the
 * three it is.
 *
 * A range bound is a block or a time (unix seconds). A time is turned into
 * blocks by the index's transactions: from a time, the first block with a
 * contract transaction at or after it; to a time, the block before the
 * first contract transaction after it (the account's balances cannot
 * change in blocks without one). No bound: the deployment (the index's
 * first transaction) and the index's head; a range is cut to them.
 *
 * Errors: history_load's (PC_EIO, PC_ENOMEM), PC_EINPUT (the range is
 * empty or starts past the head), PC_ENODE (the node's answer does not
 * decode). A check the node cannot answer is not an error: `checked` is
 * false and `why` says why. The statement owns its arrays; statement_free
 * releases them. */
#ifndef WALLET_STATEMENT_H
#define WALLET_STATEMENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "eth/address.h"
#include "eth/error.h"
#include "rpcclient/powerchain.h"
#include "rpcclient/rpc.h"
#include "wallet/history.h"
#include "wallet/ledger.h"

typedef enum statement_source {
    STATEMENT_CALL,          /* the call's arguments say the change */
    STATEMENT_REPLAY,        /* the contract's rules, replayed (the node keeps no state
                                that old) */
    STATEMENT_NODE,          /* the node's state at the block says it */
} statement_source;

typedef struct statement_row {
    uint64_t block, time;
    uint32_t index;
    uint8_t tx[32];
    const pc_method *method; /* the call (the binding's, static) */
    eth_address from;        /* its sender */
    ledger_amount change[LEDGER_PARTS];
    u256 balance[LEDGER_PARTS]; /* after it */
    statement_source source;
} statement_row;

typedef struct statement_bound {
    bool is_time;            /* value is unix seconds, else a block */
    uint64_t value;
} statement_bound;

typedef struct statement {
    eth_address account;
    uint64_t first_block, last_block;  /* the range, in blocks */
    u256 opening[LEDGER_PARTS];        /* before first_block */
    u256 closing[LEDGER_PARTS];        /* after last_block */
    statement_row *rows;               /* owned, in order */
    size_t count;
    size_t node_blocks;                /* blocks whose state the node was asked for */
    bool checked;                      /* the chain's balances at last_block were read */
    char why[PC_ERROR_MSG_MAX];        /* when not checked */
    u256 chain[LEDGER_PARTS];          /* when checked */
    bool agrees;                       /* checked, and closing == chain */
} statement;

/* Builds the statement of `account` from index h (bring it up to date
 * first) and the node c; from and to may be NULL. */
pc_status statement_build(rpc_client *c, const pc_contract *k, history *h,
                          const eth_address *account, const statement_bound *from,
                          const statement_bound *to, statement *out, pc_error *err);
void statement_free(statement *s);

#endif
