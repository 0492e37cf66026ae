#include "wallet/roles.h"

#include <stdlib.h>

static bool active_unit(const wallet_state *s, const eth_address *a)
{
    for (size_t i = 0; i < s->nunits; i++)
        if (eth_address_equal(&s->units[i].addr, a))
            return true;
    return false;
}

/* Whether the last pair naming `unit` (from index `from` on) names `account`. */
static bool owned_by(const wallet_unit_owner *owners, size_t nowners, size_t from,
                     const eth_address *account)
{
    bool owned = false;
    for (size_t i = from; i < nowners; i++)
        if (eth_address_equal(&owners[i].unit, &owners[from].unit))
            owned = eth_address_equal(&owners[i].owner, account);
    return owned;
}

unsigned wallet_roles(const wallet_state *s, const eth_address *account,
                      const wallet_unit_owner *owners, size_t nowners)
{
    if (!account)
        return 0;
    unsigned roles = 0;
    if (s->has_account && eth_address_equal(&s->account, account) && s->is_voter)
        roles |= WALLET_ROLE_VOTER;
    if (!eth_address_is_zero(&s->banker) && eth_address_equal(&s->banker, account))
        roles |= WALLET_ROLE_BANKER;
    if (active_unit(s, account))
        roles |= WALLET_ROLE_UNIT;
    for (size_t i = 0; i < nowners && !(roles & WALLET_ROLE_UNIT_OWNER); i++)
        if (active_unit(s, &owners[i].unit) && owned_by(owners, nowners, i, account))
            roles |= WALLET_ROLE_UNIT_OWNER;
    return roles;
}

pc_status wallet_owners_from_governance(const view_governance *g, wallet_unit_owner **out,
                                        size_t *n, pc_error *err)
{
    *out = NULL;
    *n = 0;
    for (size_t i = 0; i < g->nunits; i++) {
        if (!g->units[i].active)
            continue;
        if (!*out && !(*out = calloc(g->nunits, sizeof **out)))
            return pc_fail(err, PC_ENOMEM, "out of memory");
        (*out)[(*n)++] = (wallet_unit_owner){ g->units[i].unit, g->units[i].owner };
    }
    return PC_OK;
}
