/* The one roles rule (wallet/roles.h) on hand-made states: each role on its
 * own, the voter flag belonging to the account the state was read as, a
 * later registration of a unit replacing an earlier one, removed units
 * owning nothing, owners taken from the governance replay's active units;
 * and the outcome codes of mined transactions. */
#include <stdlib.h>
#include <string.h>

#include "../check.h"
#include "wallet/roles.h"
#include "wallet/engine.h"

static eth_address addr(uint8_t n)
{
    eth_address a;
    memset(a.b, 0, sizeof a.b);
    a.b[19] = n;
    return a;
}

enum { ME = 1, OTHER = 2, U1 = 10, U2 = 11, GONE = 12 };

static wallet_state state_as(uint8_t account)
{
    static wallet_unit units[2];
    units[0] = (wallet_unit){ addr(U1), u256_zero() };
    units[1] = (wallet_unit){ addr(U2), u256_zero() };
    wallet_state s;
    memset(&s, 0, sizeof s);
    s.has_account = true;
    s.account = addr(account);
    s.units = units;
    s.nunits = 2;
    return s;
}

static void test_plain_user(void)
{
    wallet_state s = state_as(ME);
    eth_address me = addr(ME);
    CHECK(wallet_roles(&s, &me, NULL, 0) == 0);
    CHECK(wallet_roles(&s, NULL, NULL, 0) == 0);
}

static void test_voter_and_banker(void)
{
    wallet_state s = state_as(ME);
    s.is_voter = true;
    s.banker = addr(ME);
    eth_address me = addr(ME), other = addr(OTHER);
    CHECK(wallet_roles(&s, &me, NULL, 0) == (WALLET_ROLE_VOTER | WALLET_ROLE_BANKER));
    /* isVoter was asked as ME: it says nothing about OTHER. */
    CHECK(wallet_roles(&s, &other, NULL, 0) == 0);
    /* No banker is the zero address, which is nobody's role. */
    memset(&s.banker, 0, sizeof s.banker);
    eth_address zero = addr(0);
    CHECK(wallet_roles(&s, &zero, NULL, 0) == 0);
}

static void test_storage_unit(void)
{
    wallet_state s = state_as(U1);
    eth_address u1 = addr(U1), gone = addr(GONE);
    CHECK(wallet_roles(&s, &u1, NULL, 0) == WALLET_ROLE_UNIT);
    CHECK(wallet_roles(&s, &gone, NULL, 0) == 0);
}

static void test_unit_owner(void)
{
    wallet_state s = state_as(ME);
    eth_address me = addr(ME), other = addr(OTHER);
    wallet_unit_owner owners[] = {
        { addr(U1), addr(ME) },
        { addr(GONE), addr(OTHER) },
        { addr(U2), addr(OTHER) },
    };
    CHECK(wallet_roles(&s, &me, owners, 3) == WALLET_ROLE_UNIT_OWNER);
    CHECK(wallet_roles(&s, &other, owners, 3) == WALLET_ROLE_UNIT_OWNER);
    /* U1 registered again for OTHER: ME owns nothing any more. */
    wallet_unit_owner later[] = { { addr(U1), addr(ME) }, { addr(U1), addr(OTHER) } };
    CHECK(wallet_roles(&s, &me, later, 2) == 0);
    CHECK(wallet_roles(&s, &other, later, 2) == WALLET_ROLE_UNIT_OWNER);
    /* A unit no longer active makes nobody an owner. */
    wallet_unit_owner removed[] = { { addr(GONE), addr(ME) } };
    CHECK(wallet_roles(&s, &me, removed, 1) == 0);
}

static void test_owners_from_governance(void)
{
    wallet_state s = state_as(ME);
    view_unit units[] = { { addr(U1), addr(ME), true }, { addr(GONE), addr(OTHER), false },
                          { addr(U2), addr(OTHER), true } };
    view_governance g = { .units = units, .nunits = 3 };
    wallet_unit_owner *owners = NULL;
    size_t n = 99;
    pc_error err = { 0 };
    CHECK(wallet_owners_from_governance(&g, &owners, &n, &err) == PC_OK);
    /* Only the units the votes left active, in order. */
    eth_address u1 = addr(U1), u2 = addr(U2), me = addr(ME), other = addr(OTHER);
    CHECK(n == 2 && eth_address_equal(&owners[0].unit, &u1) &&
          eth_address_equal(&owners[0].owner, &me) && eth_address_equal(&owners[1].unit, &u2) &&
          eth_address_equal(&owners[1].owner, &other));
    CHECK(wallet_roles(&s, &me, owners, n) == WALLET_ROLE_UNIT_OWNER);
    free(owners);
    /* No active unit: no owner and nothing allocated. */
    units[0].active = units[2].active = false;
    CHECK(wallet_owners_from_governance(&g, &owners, &n, &err) == PC_OK && n == 0 && !owners);
}

static void test_outcome_cause(void)
{
    pc_event error = { true, "Not enough ENT tokens" }, info = { false, "ok" };
    pc_outcome o = { .status = 1, .events = &info, .nevents = 1 };
    CHECK(wallet_outcome_cause(&o) == PC_CAUSE_NONE);
    o.events = &error;
    CHECK(wallet_outcome_cause(&o) == PC_CAUSE_ERROR_EVENT);
    o.status = 0;
    o.nevents = 0;
    CHECK(wallet_outcome_cause(&o) == PC_CAUSE_REVERTED);
}

int main(void)
{
    test_plain_user();
    test_voter_and_banker();
    test_storage_unit();
    test_unit_owner();
    test_owners_from_governance();
    test_outcome_cause();
    return check_summary();
}
