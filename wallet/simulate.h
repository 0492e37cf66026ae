/* What a transaction would do, asked of the node's own contract before
 * anything is signed (issue 16): the same sender, calldata, gas, nonce and
 * fees run on the node's state, and what came of it read as after a real
 * send.
 *
 * With eth_simulateV1 (rpcclient/simulate.h) one simulated block holds,
 * in order: the figures before (for each account the call concerns: its
 * ENT and eEuro, available and locked, by the binding's balanceENT and
 * balanceeEuro as that account; its energy as a storage unit; the
 * sender's coin, by a reader placed for the block; ENT in circulation and
 * energy stored), the transaction, and the same figures after. Its
 * Info/Error texts are decoded by the binding (pc_decode_event) exactly
 * as a receipt's. With debug_traceCall the texts and gas come from the
 * trace and only the figures before are read (eth_call, same batch); with
 * eth_call only whether it reverts and why. What could not be simulated
 * is said by wallet_sim_unsimulated.
 *
 * A simulation tells what THIS deployment's contract would do on the
 * state of now: status 1 is no success by itself (PROTOCOL.md: Error
 * events, the thesis's defects), and another transaction mined first can
 * change the outcome.
 *
 * Ownership: wallet_simulate fills a caller-owned wallet_sim, freed with
 * wallet_sim_free; the rest of this header is pure. */
#ifndef WALLET_SIMULATE_H
#define WALLET_SIMULATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "eth/address.h"
#include "eth/error.h"
#include "eth/tx.h"
#include "eth/u256.h"
#include "rpcclient/powerchain.h"
#include "rpcclient/rpc.h"
#include "rpcclient/simulate.h"

/* One figure of one account (or, for the totals, of the contract). */
typedef enum wallet_figure_kind {
    WALLET_FIG_ENT,           /* ENT available, 18 decimals */
    WALLET_FIG_ENT_LOCKED,    /* ENT locked (sessions, sell orders) */
    WALLET_FIG_EEURO,         /* eEuro available, 18 decimals */
    WALLET_FIG_EEURO_LOCKED,  /* eEuro locked (withdrawals, buy orders) */
    WALLET_FIG_ENERGY,        /* Wh available in this storage unit (0 for others) */
    WALLET_FIG_COIN,          /* the chain's coin, wei (the sender only) */
    WALLET_FIG_TOTAL_ENT,     /* ENT in circulation (account: the contract) */
    WALLET_FIG_TOTAL_ENERGY,  /* Wh stored in all units (account: the contract) */
    WALLET_FIG_KINDS
} wallet_figure_kind;

/* "ENT available", "ENT locked", "eEuro available", "eEuro locked",
 * "energy", "coin", "ENT in circulation", "energy stored": the names the
 * command line's --json prints. */
const char *wallet_figure_name(wallet_figure_kind k);
/* A figure's value as people read it, with its unit ("1.5 ENT", "0.5
 * kWh", "0.000083888 ETH"), within cap (PC_UNIT_TEXT_MAX is room enough). */
void wallet_figure_format(wallet_figure_kind k, const u256 *v, char *out, size_t cap);

typedef struct wallet_figure {
    eth_address account;
    wallet_figure_kind what;
    bool has_before;          /* false: could not be read */
    u256 before;
    bool has_after;           /* false: could not be simulated (or read) */
    u256 after;
} wallet_figure;

typedef enum wallet_sim_outcome {
    WALLET_SIM_OK,        /* runs to its end and emits no Error */
    WALLET_SIM_ERROR,     /* emits the contract's Error event (status 1 all the same) */
    WALLET_SIM_REVERTED,  /* status 0: reverted, or out of gas */
} wallet_sim_outcome;

typedef struct wallet_sim {
    sim_method via;           /* SIM_UNKNOWN: nothing was simulated (zeroed) */
    wallet_sim_outcome outcome;
    bool has_texts;           /* false with eth_call: the texts are unknown */
    pc_event *texts;          /* owned: the contract's Info/Error texts, in order */
    size_t ntexts;
    char *revert_reason;      /* owned; REVERTED only: the reason, or the node's word */
    bool has_gas;
    uint64_t gas_used;        /* as the receipt would say */
    wallet_figure *figures;   /* owned: the sender's first, then other accounts', then
                                 the totals (under the contract's address) */
    size_t nfigures;
} wallet_sim;

/* Runs tx (prepared: nonce, gas limit, fees; a gas limit of 0 means the
 * node's default) as `from` on the node in use with the richest method it
 * offers (probed once per node into *offers, which the caller keeps for
 * the client's life). The accounts whose figures are read: `from`, then
 * every address argument of the call as the binding decodes its calldata
 * (neither the zero address nor the contract twice). k may be NULL or tx a
 * creation: then no figures are read.
 *
 * PC_OK whatever the transaction's own outcome (see out->outcome); PC_ENODE
 * when the node could not be asked or answered malformed (nothing to free
 * then), PC_ENOMEM. */
pc_status wallet_simulate(rpc_client *c, const pc_contract *k, sim_offers *offers,
                          const eth_tx *tx, const eth_address *from, wallet_sim *out,
                          pc_error *err);

void wallet_sim_free(wallet_sim *s);

/* The figure `what` of `account`, or NULL when it was not read. */
const wallet_figure *wallet_sim_figure(const wallet_sim *s, const eth_address *account,
                                       wallet_figure_kind what);
/* Whether a figure is known before and after and changed. */
bool wallet_figure_changed(const wallet_figure *f);

/* One sentence (within cap, NUL-terminated) naming what the method in use
 * could not simulate: "" when everything was ("eth_simulateV1"); with
 * debug_traceCall the figures after it; with eth_call the texts, the gas
 * and the figures after. */
void wallet_sim_unsimulated(const wallet_sim *s, char *out, size_t cap);

/* The contract's word against the transaction, for a warning: the first
 * Error text, or "reverted: <reason>"; NULL when the outcome is OK. */
const char *wallet_sim_refusal(const wallet_sim *s, char *buf, size_t cap);

/* Gas limits for n transactions from `from` to k's contract, sent in
 * this order (a meter's batch): ONE eth_simulateV1 of them all in one
 * block, each one's limit from its own gas used (wallet_gas_limit). PC_OK
 * with *offered false (and gas[] untouched) when the node in use does not
 * offer eth_simulateV1: the caller estimates instead. gas[i] stays 0 for a
 * call that failed in the simulation, with why[i] saying how (its revert
 * reason or the node's word). Errors as wallet_simulate's; n at most
 * SIM_MAX_CALLS. */
pc_status wallet_sim_gas(rpc_client *c, const pc_contract *k, sim_offers *offers,
                         const eth_address *from, const bytebuf data[], size_t n, uint64_t gas[],
                         pc_error why[], bool *offered, pc_error *err);

/* The gas limit that lets a transaction that used `used` gas (a receipt's
 * gasUsed: consumption less the refund) run again to its end: a refund is
 * at most half the consumption (EIP-3529 lowered it to a fifth), so the
 * peak is at most twice `used` (or `max_used` when the node said it);
 * 64/63 of that keeps the EIP-150 share a call withholds, and 2300 more
 * the EIP-2200 stipend SSTORE requires left. 0 when it would overflow. */
uint64_t wallet_gas_limit(uint64_t used, bool has_max_used, uint64_t max_used);

#endif
