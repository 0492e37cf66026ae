/* The exporter's page: one snapshot of the network as Prometheus metrics
 * in the text exposition format 0.0.4 (# HELP and # TYPE before each
 * family, one sample a line, label values escaped).
 *
 * Amounts (ENT, eEuro, prices, costs) are written in their units as the
 * exact decimal text of the 18-decimal integer ("1.9", never 1.8999...):
 * Prometheus reads every value as a float, and the conversion happens
 * there, once, on a text that is exact. Nothing here passes an amount
 * through a double.
 *
 * Families (see README for their meaning): powerchain_up,
 * powerchain_head_block, powerchain_head_timestamp_seconds,
 * powerchain_energy_stored_wh, powerchain_unit_energy_wh{unit},
 * powerchain_ent_supply, powerchain_eeuro_supply, powerchain_mint_cost,
 * powerchain_burn_cost, powerchain_peg_gap_ent, powerchain_orders{side},
 * powerchain_best_price{side}, powerchain_last_trade_price,
 * powerchain_trades_total, powerchain_voters,
 * powerchain_withdrawals_pending, powerchain_withdrawals_pending_eeuro,
 * powerchain_node_up{node}, powerchain_node_head_block{node},
 * powerchain_node_latency_seconds{node}, powerchain_failovers_total,
 * powerchain_index_head_block. A family whose source could not be read in
 * this snapshot (the contract's state, the index) is left out, and
 * powerchain_up says whether the contract's state was read. */
#ifndef PC_METRICS_H
#define PC_METRICS_H

#include <stdbool.h>
#include <stdint.h>

#include "eth/error.h"
#include "wallet/nodes.h"
#include "wallet/past.h"
#include "wallet/state.h"

typedef struct metrics_input {
    const wallet_state *state;   /* NULL: the contract's state could not be read */
    const wallet_past *past;     /* NULL: the history index could not be read */
    const nodes_report *nodes;   /* every configured node */
    unsigned long failovers;     /* the exporter's client's moves to another node */
    bool has_index_head;
    uint64_t index_head;         /* the last block the index holds */
} metrics_input;

/* The page into a new NUL-terminated string *out (free() it).
 * Errors: PC_ENOMEM, and then *out is NULL. */
pc_status metrics_render(const metrics_input *in, char **out, pc_error *err);

#endif
