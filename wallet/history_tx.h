/* One transaction to the contract as the history index keeps it: the
 * shared record between the index (wallet/history.h, which reads and stores
 * them) and the views derived from them (wallet/views.h, which replays
 * them). Facts only come from the transaction itself: its sender, its
 * function and arguments decoded from the calldata by the binding, its
 * receipt status and whether an Error event came back; `text` is kept for
 * people to read and is never parsed for meaning. */
#ifndef WALLET_HISTORY_TX_H
#define WALLET_HISTORY_TX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "eth/abi.h"
#include "eth/address.h"
#include "rpcclient/powerchain.h"

typedef enum history_outcome {
    HISTORY_OK,       /* status 1 and no Error event */
    HISTORY_ERROR,    /* status 1 with an Error event: nothing happened */
    HISTORY_REVERTED, /* status 0 */
} history_outcome;

typedef struct history_tx {
    uint64_t block;
    uint32_t index;          /* position in its block */
    uint64_t time;           /* the block's timestamp, unix seconds */
    uint8_t hash[32];
    eth_address from;
    bool is_creation;        /* the transaction that deployed the contract */
    const pc_method *method; /* NULL: creation, or calldata that names no
                                PROTOCOL.md function or does not decode */
    abi_value args;          /* ABI_TUPLE of the decoded arguments, in
                                PROTOCOL.md order; empty when method is NULL */
    history_outcome outcome;
    char *text;              /* owned: the Info/Error texts in order, joined
                                by "\n", control characters replaced; "" when
                                none */
} history_tx;

/* Frees what one record owns (args, text), not the record itself. */
void history_tx_clear(history_tx *t);
/* Frees an array of n records and the array. */
void history_tx_free_all(history_tx *txs, size_t n);

#endif
