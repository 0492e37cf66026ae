/* The voting rule run again over the history: which proposals were made,
 * who stands where, which passed, and what their actions left (voters,
 * banker, parameters, storage units). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rpcclient/units.h"
#include "rpcclient/vote.h"
#include "wallet/views.h"
#include "wallet/views_args.h"

view_params view_params_default(void)
{
    u256 tenth = u256_pow10(17);
    view_params p;
    u256 five = u256_from_u64(5), two = u256_from_u64(2);
    u256_mul(&p.m, &tenth, &five);
    p.b = p.m;
    p.c = u256_pow10(16);
    u256_mul(&p.c, &p.c, &five);
    p.h = u256_from_u64(7200);
    u256_mul(&p.f, &tenth, &two);
    return p;
}

/* How many times a base vote string has passed: the suffix of its next
 * proposal. */
typedef struct passed_base {
    char *base;
    uint64_t times;
} passed_base;

typedef struct gov {
    view_governance *g;
    size_t proposals_cap, voters_cap, units_cap;
    passed_base *bases;
    size_t nbases, bases_cap;
} gov;

static bool is_voter(const view_governance *g, const eth_address *a)
{
    for (size_t i = 0; i < g->nvoters; i++)
        if (eth_address_equal(&g->voters[i], a))
            return true;
    return false;
}

static bool add_voter(gov *s, const eth_address *a)
{
    view_governance *g = s->g;
    if (is_voter(g, a))
        return true;
    if (!views_grow(&g->voters, &s->voters_cap, g->nvoters, sizeof *g->voters))
        return false;
    g->voters[g->nvoters++] = *a;
    return true;
}

static void remove_voter(view_governance *g, const eth_address *a)
{
    for (size_t i = 0; i < g->nvoters; i++) {
        if (eth_address_equal(&g->voters[i], a)) {
            memmove(&g->voters[i], &g->voters[i + 1], (g->nvoters - i - 1) * sizeof *g->voters);
            g->nvoters--;
            return;
        }
    }
}

/* The kind of proposal each vote function makes; false for the others. */
static bool proposal_kind(pc_fn f, view_proposal_kind *kind)
{
    switch (f) {
    case PC_FN_ADD_VOTER: *kind = VIEW_ADD_VOTER; return true;
    case PC_FN_REMOVE_VOTER: *kind = VIEW_REMOVE_VOTER; return true;
    case PC_FN_REGISTER_STORAGE_UNIT: *kind = VIEW_REGISTER_UNIT; return true;
    case PC_FN_REMOVE_STORAGE_UNIT: *kind = VIEW_REMOVE_UNIT; return true;
    case PC_FN_CHANGE_BANKER: *kind = VIEW_CHANGE_BANKER; return true;
    case PC_FN_SET_PARAMETER: *kind = VIEW_SET_PARAMETER; return true;
    case PC_FN_DESTROY: *kind = VIEW_DESTROY; return true;
    default: return false;
    }
}

/* The proposal a vote call is about, read from its method and arguments;
 * *base receives its vote string before any `_N` suffix (rpcclient/vote.h). */
static bool read_proposal(const history_tx *t, view_proposal *p, char *base, size_t cap)
{
    memset(p, 0, sizeof *p);
    if (!proposal_kind(t->method->id, &p->kind) ||
        pc_vote_write(t->method, &t->args, 0, base, cap, NULL) != PC_OK)
        return false;
    switch (p->kind) {
    case VIEW_DESTROY:
        return true;
    case VIEW_SET_PARAMETER: {
        const char *param = views_arg_string(t, 0);
        if (!param || !views_arg_uint(t, 1, &p->value))
            return false;
        /* The contract refuses other names with an Error, so an OK call
         * always has one letter; the vote string keeps whatever came. */
        p->param = param[0];
        return true;
    }
    case VIEW_REGISTER_UNIT:
        if (!views_arg_address(t, 1, &p->owner))
            return false;
        return views_arg_address(t, 0, &p->target);
    default:
        return views_arg_address(t, 0, &p->target);
    }
}

static passed_base *base_of(gov *s, const char *base)
{
    for (size_t i = 0; i < s->nbases; i++)
        if (strcmp(s->bases[i].base, base) == 0)
            return &s->bases[i];
    return NULL;
}

static view_proposal *proposal_of(view_governance *g, const char *vote)
{
    for (size_t i = 0; i < g->nproposals; i++)
        if (strcmp(g->proposals[i].vote, vote) == 0)
            return &g->proposals[i];
    return NULL;
}

static bool cast(view_proposal *p, const eth_address *voter, bool *favour)
{
    for (size_t i = 0; i < p->nballots; i++) {
        if (eth_address_equal(&p->ballots[i].voter, voter)) {
            p->ballots[i].in_favour = !p->ballots[i].in_favour;
            *favour = p->ballots[i].in_favour;
            return true;
        }
    }
    view_ballot *grown = realloc(p->ballots, (p->nballots + 1) * sizeof *grown);
    if (!grown)
        return false;
    p->ballots = grown;
    p->ballots[p->nballots++] = (view_ballot){ *voter, true };
    *favour = true;
    return true;
}

static u256 *param_slot(view_params *v, char param)
{
    switch (param) {
    case 'M': return &v->m;
    case 'B': return &v->b;
    case 'C': return &v->c;
    case 'H': return &v->h;
    case 'F': return &v->f;
    default: return NULL;
    }
}

/* Sets the tally from the ballots of current voters. */
static bool tally(view_proposal *p, const view_governance *g)
{
    free(p->in_favour);
    free(p->against);
    p->in_favour = p->against = NULL;
    p->nin_favour = p->nagainst = 0;
    p->voters = g->nvoters;
    if (p->kind == VIEW_SET_PARAMETER && !p->passed) {
        view_params now = g->params;
        const u256 *slot = param_slot(&now, p->param);
        p->was = slot ? *slot : u256_zero();
    }
    if (!p->nballots)
        return true;
    p->in_favour = malloc(p->nballots * sizeof *p->in_favour);
    p->against = malloc(p->nballots * sizeof *p->against);
    if (!p->in_favour || !p->against)
        return false;
    for (size_t i = 0; i < p->nballots; i++) {
        if (!is_voter(g, &p->ballots[i].voter))
            continue;
        if (p->ballots[i].in_favour)
            p->in_favour[p->nin_favour++] = p->ballots[i].voter;
        else
            p->against[p->nagainst++] = p->ballots[i].voter;
    }
    return true;
}

static bool register_unit(gov *s, const eth_address *unit, const eth_address *owner)
{
    view_governance *g = s->g;
    for (size_t i = 0; i < g->nunits; i++) {
        if (eth_address_equal(&g->units[i].unit, unit)) {
            g->units[i].owner = *owner;
            g->units[i].active = true;
            return true;
        }
    }
    if (!views_grow(&g->units, &s->units_cap, g->nunits, sizeof *g->units))
        return false;
    g->units[g->nunits++] = (view_unit){ *unit, *owner, true };
    return true;
}

static bool act(gov *s, const view_proposal *p)
{
    view_governance *g = s->g;
    switch (p->kind) {
    case VIEW_ADD_VOTER: return add_voter(s, &p->target);
    case VIEW_REMOVE_VOTER: remove_voter(g, &p->target); return true;
    case VIEW_REGISTER_UNIT: return register_unit(s, &p->target, &p->owner);
    case VIEW_REMOVE_UNIT:
        for (size_t i = 0; i < g->nunits; i++)
            if (eth_address_equal(&g->units[i].unit, &p->target))
                g->units[i].active = false;
        return true;
    case VIEW_CHANGE_BANKER: g->banker = p->target; return true;
    case VIEW_SET_PARAMETER: {
        u256 *slot = param_slot(&g->params, p->param);
        if (!slot)
            return true;
        if (p->param != 'H')
            *slot = p->value;
        else {
            /* Voted in hours, kept in seconds. */
            u256 hour = u256_from_u64(3600);
            u256_mul(slot, &p->value, &hour);
        }
        return true;
    }
    case VIEW_DESTROY: g->destroyed = true; return true;
    }
    return true;
}

static bool record_pass(gov *s, const char *base)
{
    passed_base *b = base_of(s, base);
    if (b) {
        b->times++;
        return true;
    }
    if (!views_grow(&s->bases, &s->bases_cap, s->nbases, sizeof *s->bases))
        return false;
    char *copy = strdup(base);
    if (!copy)
        return false;
    s->bases[s->nbases++] = (passed_base){ copy, 1 };
    return true;
}

/* One OK vote call by a voter. */
static bool vote(gov *s, const history_tx *t)
{
    view_governance *g = s->g;
    view_proposal read;
    char base[PC_VOTE_TEXT_MAX], key[PC_VOTE_TEXT_MAX];
    if (!read_proposal(t, &read, base, sizeof base))
        return true;
    passed_base *b = base_of(s, base);
    if (pc_vote_write(t->method, &t->args, b ? b->times : 0, key, sizeof key, NULL) != PC_OK)
        return true;

    view_proposal *p = proposal_of(g, key);
    if (!p) {
        if (!views_grow(&g->proposals, &s->proposals_cap, g->nproposals, sizeof *g->proposals))
            return false;
        read.vote = strdup(key);
        if (!read.vote)
            return false;
        read.first_block = t->block;
        read.first_index = t->index;
        p = &g->proposals[g->nproposals++];
        *p = read;
    }
    bool favour;
    if (!cast(p, &t->from, &favour) || !tally(p, g))
        return false;
    if (!favour || p->nin_favour * 10 / g->nvoters <= 5)
        return true;
    p->passed = true;
    p->passed_block = t->block;
    p->passed_index = t->index;
    /* A destroy() that passed with an Error (the thesis's contract, see
     * counts_as_vote) leaves the deployment working. */
    if (p->kind == VIEW_DESTROY && t->outcome != HISTORY_OK)
        return record_pass(s, base);
    return record_pass(s, base) && act(s, p);
}

/* Whether a vote call's record is a vote: an OK one; and a destroy() with an
 * Error while the deployment is not retired. The thesis's destroy() records
 * the vote and, when it passes, calls itself from its own address, which is
 * refused with an Error (PROTOCOL.md, "What existing deployments ... emit");
 * the project's contract refuses a voter's destroy() only once retired. A
 * caller who is no voter is left out after this, as for every vote. */
static bool counts_as_vote(const view_governance *g, const history_tx *t)
{
    if (!t->method || t->method->kind != PC_VOTE)
        return false;
    return t->outcome == HISTORY_OK || (t->outcome == HISTORY_ERROR && !g->destroyed &&
                                        t->method->id == PC_FN_DESTROY);
}

pc_status view_governance_replay(const history_tx *txs, size_t n, view_governance *out,
                                 pc_error *err)
{
    memset(out, 0, sizeof *out);
    out->params = view_params_default();
    gov s = { .g = out };
    bool ok = true;
    for (size_t i = 0; i < n && ok; i++) {
        const history_tx *t = &txs[i];
        if (t->is_creation) {
            ok = out->nvoters || add_voter(&s, &t->from);
            continue;
        }
        if (!counts_as_vote(out, t))
            continue;
        if (!out->nvoters)
            ok = add_voter(&s, &t->from);
        if (ok && is_voter(out, &t->from))
            ok = vote(&s, t);
    }
    /* Open proposals count the final voter set. */
    for (size_t i = 0; i < out->nproposals && ok; i++)
        if (!out->proposals[i].passed)
            ok = tally(&out->proposals[i], out);
    for (size_t i = 0; i < s.nbases; i++)
        free(s.bases[i].base);
    free(s.bases);
    if (!ok) {
        view_governance_free(out);
        return pc_fail(err, PC_ENOMEM, "out of memory");
    }
    return PC_OK;
}

void view_governance_free(view_governance *g)
{
    for (size_t i = 0; i < g->nproposals; i++) {
        view_proposal *p = &g->proposals[i];
        free(p->vote);
        free(p->ballots);
        free(p->in_favour);
        free(p->against);
    }
    free(g->proposals);
    free(g->voters);
    free(g->units);
    memset(g, 0, sizeof *g);
}

pc_status view_units_merge(const view_governance *g, const view_head_unit *head, size_t nhead,
                           view_unit_row **rows, size_t *nrows, pc_error *err)
{
    *rows = calloc(nhead + g->nunits + 1, sizeof **rows);
    *nrows = 0;
    if (!*rows)
        return pc_fail(err, PC_ENOMEM, "out of memory");
    for (size_t i = 0; i < nhead; i++) {
        if (eth_address_is_zero(&head[i].unit))
            continue;
        view_unit_row *r = &(*rows)[(*nrows)++];
        r->unit = head[i].unit;
        r->active = head[i].active;
        r->wh = head[i].wh;
        for (size_t j = 0; j < g->nunits && !r->owner_known; j++) {
            if (eth_address_equal(&g->units[j].unit, &r->unit)) {
                r->owner_known = true;
                r->owner = g->units[j].owner;
            }
        }
    }
    size_t listed = *nrows;
    for (size_t j = 0; j < g->nunits; j++) {
        bool at_head = false;
        for (size_t i = 0; i < listed && !at_head; i++)
            at_head = eth_address_equal(&(*rows)[i].unit, &g->units[j].unit);
        if (!at_head)
            (*rows)[(*nrows)++] = (view_unit_row){ g->units[j].unit, true, g->units[j].owner,
                                                   false, u256_zero() };
    }
    return PC_OK;
}

/* ---- For people ---------------------------------------------------------- */

void view_proposal_describe(const view_proposal *p, char *out, size_t cap)
{
    char a[ETH_ADDRESS_TEXT_LEN], b[ETH_ADDRESS_TEXT_LEN];
    char to[PC_UNIT_TEXT_MAX], was[PC_UNIT_TEXT_MAX];
    eth_address_to_checksum(&p->target, a);
    eth_address_to_checksum(&p->owner, b);
    switch (p->kind) {
    case VIEW_ADD_VOTER: snprintf(out, cap, "Add voter %s", a); return;
    case VIEW_REMOVE_VOTER: snprintf(out, cap, "Remove voter %s", a); return;
    case VIEW_REGISTER_UNIT:
        snprintf(out, cap, "Register storage unit %s owned by %s", a, b);
        return;
    case VIEW_REMOVE_UNIT: snprintf(out, cap, "Remove storage unit %s", a); return;
    case VIEW_CHANGE_BANKER: snprintf(out, cap, "Make %s the banker", a); return;
    case VIEW_DESTROY: snprintf(out, cap, "Retire the contract"); return;
    case VIEW_SET_PARAMETER: break;
    }
    pc_unit unit = p->param == 'M' || p->param == 'B' ? PC_UNIT_COST
                   : p->param == 'C' || p->param == 'F' ? PC_UNIT_FRACTION
                   : p->param == 'H' ? PC_UNIT_SECONDS
                                     : PC_UNIT_RAW;
    if (unit == PC_UNIT_RAW) {
        pc_format_unit(&p->value, unit, to, sizeof to);
        snprintf(out, cap, "Set %c to %s", p->param, to);
        return;
    }
    if (unit == PC_UNIT_SECONDS) {
        /* Voted in whole hours, read back in seconds. */
        u256_to_dec(&p->value, to);
        snprintf(to + strlen(to), sizeof to - strlen(to), " h");
    } else {
        pc_format_unit(&p->value, unit, to, sizeof to);
    }
    pc_format_unit(&p->was, unit, was, sizeof was);
    snprintf(out, cap, "Set %c to %s (was %s)", p->param, to, was);
}

void view_proposal_tally(const view_proposal *p, char *out, size_t cap)
{
    snprintf(out, cap, "%zu of %zu in favour", p->nin_favour, p->voters);
}
