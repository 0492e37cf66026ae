/* Whether this deployment lets an account settle another account's
 * withdrawal request (burneEuro, unlockeEuro), asked of the node's own
 * contract: both calls are simulated (wallet/simulate.h) as that account,
 * for the request's account and amount, on the state of now, and nothing
 * is signed. A contract may refuse them for reasons of its own (some
 * deployments let the banker settle only eEuro it locked itself) and says
 * so by an Error text, not a revert (PROTOCOL.md): the refusal is the
 * contract's own words.
 *
 * The answer holds for the state it was asked on: a request settled in the
 * meantime is refused for that reason, so callers ask again when the
 * request they would settle changes. Pure data but for wallet_settle_try. */
#ifndef WALLET_SETTLE_H
#define WALLET_SETTLE_H

#include <stdbool.h>

#include "eth/address.h"
#include "eth/error.h"
#include "rpcclient/powerchain.h"
#include "rpcclient/rpc.h"
#include "rpcclient/simulate.h"
#include "wallet/views.h"

#define WALLET_SETTLE_TEXT_MAX 160

/* The contract's word on each settlement: "" when it would go through
 * (or the method in use, eth_call alone, tells no texts and it did not
 * revert), else its refusal as wallet_sim_refusal writes it ("Error: Only
 * banker can burn locked eEuro", "reverted: ..."). */
typedef struct wallet_settle {
    eth_address sender;           /* the account asked about */
    view_withdrawal request;      /* the request tried */
    char burn[WALLET_SETTLE_TEXT_MAX];
    char unlock[WALLET_SETTLE_TEXT_MAX];
} wallet_settle;

/* Simulates burneEuro(request) and unlockeEuro(request) from `sender` on
 * k's contract through the node in use (offers: as wallet_simulate's) and
 * fills *out. Errors: wallet_simulate's (PC_ENODE, PC_ENOMEM), and then
 * *out says nothing (both texts ""). */
pc_status wallet_settle_try(rpc_client *c, const pc_contract *k, sim_offers *offers,
                            const eth_address *sender, const view_withdrawal *request,
                            wallet_settle *out, pc_error *err);

#endif
