/* The one rule for what an account is allowed to be in the contract, for the
 * command line and the panel alike: a voter, the banker, an active storage
 * unit, the owner of an active storage unit (a plain user is none of them).
 *
 * The contract has no read for a unit's owner (getStorageUnitsInfo's `owner`
 * holds the unit's own address, see PROTOCOL.md), so owners are supplied by
 * the caller as (unit, owner) pairs; the roles rule does not care where they
 * came from. Both front ends take them from the history index, through
 * wallet_owners_from_governance (wallet/past.h does it for them). */
#ifndef WALLET_ROLES_H
#define WALLET_ROLES_H

#include <stddef.h>

#include "eth/address.h"
#include "eth/error.h"
#include "wallet/state.h"
#include "wallet/views.h"

enum {
    WALLET_ROLE_VOTER = 1u << 0,
    WALLET_ROLE_BANKER = 1u << 1,
    WALLET_ROLE_UNIT = 1u << 2,       /* the account is an active storage unit */
    WALLET_ROLE_UNIT_OWNER = 1u << 3, /* the account owns an active storage unit */
};

typedef struct wallet_unit_owner {
    eth_address unit;
    eth_address owner;
} wallet_unit_owner;

/* The WALLET_ROLE_* bits of `account` in state s. `owners` lists (unit,
 * owner) pairs in the order they were registered: a later pair for the same
 * unit replaces an earlier one; units not active in s are ignored. The voter
 * bit needs the state read as that account (s->account; isVoter depends on
 * the caller); it is clear otherwise. NULL account: 0. */
unsigned wallet_roles(const wallet_state *s, const eth_address *account,
                      const wallet_unit_owner *owners, size_t nowners);

/* The owners of the units that are active by the history's passed votes
 * (wallet/views.h's governance replay: each owner from the register vote's
 * arguments), as wallet_roles takes them. *out is allocated (free() it; NULL
 * when there are none). PC_ENOMEM only. */
pc_status wallet_owners_from_governance(const view_governance *g, wallet_unit_owner **out,
                                        size_t *n, pc_error *err);

#endif
