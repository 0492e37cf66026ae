#include "cli/cmd_status.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "cli/cmd_history.h"
#include "cli/cmd_nodes.h"
#include "cli/command.h"
#include "cli/fail.h"
#include "cli/open.h"
#include "cli/print.h"
#include "eth/text.h"
#include "rpcclient/units.h"
#include "wallet/past.h"
#include "wallet/roles.h"
#include "wallet/state.h"

static void print_balance(const char *label, const u256 *available, const u256 *locked,
                          pc_unit u)
{
    char a[PC_UNIT_TEXT_MAX], l[PC_UNIT_TEXT_MAX];
    pc_format_unit(available, u, a, sizeof a);
    pc_format_unit(locked, u, l, sizeof l);
    printf("%-10s %s available, %s locked\n", label, a, l);
}

static const struct {
    unsigned bit;
    const char *name;
} ROLE_NAMES[] = {
    { WALLET_ROLE_VOTER, "voter" },
    { WALLET_ROLE_BANKER, "banker" },
    { WALLET_ROLE_UNIT, "storage unit" },
    { WALLET_ROLE_UNIT_OWNER, "unit owner" },
};
#define NROLES (sizeof ROLE_NAMES / sizeof ROLE_NAMES[0])

static unsigned roles_of(const wallet_state *s, const wallet_past *past)
{
    return wallet_roles(s, &s->account, past ? past->owners : NULL, past ? past->nowners : 0);
}

/* The account's lines. Unit owners come from the history index (`past`);
 * when it could not be brought up to date (NULL, `why` says why), the
 * unit-owner role is reported unknown rather than denied, and the rest of
 * the status still prints. */
static void print_account(const wallet_state *s, const wallet_past *past, const char *why)
{
    char addr[ETH_ADDRESS_TEXT_LEN];
    eth_address_to_checksum(&s->account, addr);
    printf("%-10s %s\n", "account", addr);
    unsigned r = roles_of(s, past);
    char roles[96] = "";
    for (size_t i = 0; i < NROLES; i++) {
        size_t n = strlen(roles);
        if (r & ROLE_NAMES[i].bit)
            snprintf(roles + n, sizeof roles - n, "%s%s", n ? ", " : "", ROLE_NAMES[i].name);
    }
    printf("%-10s %s\n", "roles", roles[0] ? roles : "user");
    if (!past) {
        fputs("           whether it owns a unit is unknown: ", stdout);
        text_print(stdout, why);
        putchar('\n');
    }
    print_balance("ENT", &s->ent_available, &s->ent_locked, PC_UNIT_ENT);
    print_balance("eEuro", &s->eeuro_available, &s->eeuro_locked, PC_UNIT_EEURO);
}

/* The head's age in seconds by this machine's clock (0 for a head from
 * the future: clocks differ). */
static uint64_t head_age(const wallet_state *s)
{
    time_t now = time(NULL);
    return now > 0 && (uint64_t)now > s->block_time ? (uint64_t)now - s->block_time : 0;
}

static void add_u256(cJSON *o, const char *key, const u256 *v)
{
    char dec[U256_DEC_MAX];
    u256_to_dec(v, dec);
    cJSON_AddStringToObject(o, key, dec);
}

/* {"address", "roles": [...] or null when unit ownership is unknown,
 * "ent_available", "ent_locked", "eeuro_available", "eeuro_locked"}. */
static cJSON *account_json(const wallet_state *s, const wallet_past *past)
{
    char addr[ETH_ADDRESS_TEXT_LEN];
    cJSON *o = cJSON_CreateObject(), *roles = past ? cJSON_CreateArray() : cJSON_CreateNull();
    eth_address_to_checksum(&s->account, addr);
    unsigned r = roles_of(s, past);
    for (size_t i = 0; past && roles && i < NROLES; i++)
        if (r & ROLE_NAMES[i].bit)
            cJSON_AddItemToArray(roles, cJSON_CreateString(ROLE_NAMES[i].name));
    if (!o || !roles) {
        cJSON_Delete(o);
        cJSON_Delete(roles);
        return NULL;
    }
    cJSON_AddStringToObject(o, "address", addr);
    cJSON_AddItemToObject(o, "roles", roles);
    add_u256(o, "ent_available", &s->ent_available);
    add_u256(o, "ent_locked", &s->ent_locked);
    add_u256(o, "eeuro_available", &s->eeuro_available);
    add_u256(o, "eeuro_locked", &s->eeuro_locked);
    return o;
}

/* The whole status as one object; NULL when out of memory. */
static cJSON *status_json(rpc_client *c, const pc_contract *k, const wallet_state *s,
                          bool has_from, const wallet_past *past, const nodes_report *nodes)
{
    char addr[ETH_ADDRESS_TEXT_LEN], id[24];
    cJSON *o = cJSON_CreateObject(), *list = cJSON_CreateArray();
    for (size_t i = 0; list && i < nodes->count; i++)
        cJSON_AddItemToArray(list, cli_node_json(&nodes->node[i]));
    cJSON *account = has_from ? account_json(s, past) : cJSON_CreateNull();
    if (!o || !list || !account || cJSON_GetArraySize(list) != (int)nodes->count) {
        cJSON_Delete(o);
        cJSON_Delete(list);
        cJSON_Delete(account);
        return NULL;
    }
    snprintf(id, sizeof id, "%" PRIu64, s->chain_id);
    cJSON_AddStringToObject(o, "node", rpc_client_url(c));
    cJSON_AddStringToObject(o, "chain_id", id);
    cJSON_AddNumberToObject(o, "block", (double)s->block);
    cJSON_AddNumberToObject(o, "block_time", (double)s->block_time);
    cJSON_AddNumberToObject(o, "head_age", (double)head_age(s));
    eth_address_to_checksum(pc_contract_address(k), addr);
    cJSON_AddStringToObject(o, "contract", addr);
    cJSON_AddStringToObject(o, "contract_name", pc_contract_name(k));
    eth_address_to_checksum(&s->banker, addr);
    cJSON_AddItemToObject(o, "banker", eth_address_is_zero(&s->banker) ? cJSON_CreateNull()
                                                                       : cJSON_CreateString(addr));
    add_u256(o, "energy_stored_wh", &s->total_wh);
    add_u256(o, "ent_supply", &s->total_ent);
    add_u256(o, "eeuro_supply", &s->total_eeuro);
    cJSON_AddItemToObject(o, "account", account);
    cJSON_AddItemToObject(o, "nodes", list);
    return o;
}

static void print_status(rpc_client *c, const pc_contract *k, const wallet_state *s,
                         bool has_from, const wallet_past *past, const char *why)
{
    char addr[ETH_ADDRESS_TEXT_LEN];
    printf("%-10s %s\n%-10s %llu\n%-10s %llu (%" PRIu64 " s old)\n", "node", rpc_client_url(c),
           "chain id", (unsigned long long)s->chain_id, "block", (unsigned long long)s->block,
           head_age(s));
    eth_address_to_checksum(pc_contract_address(k), addr);
    printf("%-10s %s (%s)\n", "contract", addr, pc_contract_name(k));
    eth_address_to_checksum(&s->banker, addr);
    printf("%-10s %s\n", "banker", eth_address_is_zero(&s->banker) ? "none" : addr);
    char wh[PC_UNIT_TEXT_MAX], ent[PC_UNIT_TEXT_MAX], eeuro[PC_UNIT_TEXT_MAX];
    pc_format_unit(&s->total_wh, PC_UNIT_WH, wh, sizeof wh);
    pc_format_unit(&s->total_ent, PC_UNIT_ENT, ent, sizeof ent);
    pc_format_unit(&s->total_eeuro, PC_UNIT_EEURO, eeuro, sizeof eeuro);
    printf("%-10s %s stored\n%-10s %s, %s in circulation\n", "energy", wh, "supply", ent, eeuro);
    if (has_from)
        print_account(s, past, why);
    else
        printf("%-10s none selected (--account or --private-key-file)\n", "account");
}

int cmd_status(const cli_ctx *ctx, int argc, char **argv)
{
    pc_error err = { 0 };
    status_options o = { 0 };
    unsigned long long max_age = 0;
    if (cli_command_args(ctx, argc, argv, &o, NULL, &err) != PC_OK)
        return cli_fail_usage(ctx, &err);
    if (o.max_age && cli_parse_u64("max-age", o.max_age, UINT64_MAX, &max_age, &err) != PC_OK)
        return cli_fail(&err);
    pc_contract *k = NULL;
    rpc_client *c = NULL;
    wallet_state *s = NULL;
    eth_address from;
    bool has_from = false;
    pc_status st = cli_open(ctx, &k, &from, &has_from, &c, &err);
    /* Owners are only known from the whole history: the index first (it
     * shows its progress), so that the figures below are the freshest. */
    history *h = NULL;
    wallet_past past;
    pc_error why = { 0 };
    bool has_past = st == PC_OK && has_from && cli_index_sync(c, k, &h, NULL, &why) == PC_OK &&
                    wallet_past_read(h, &past, &why) == PC_OK;
    history_close(h);
    if (st == PC_OK) {
        wallet_state_query q = { .account = has_from ? &from : NULL };
        st = wallet_state_fetch(c, k, &q, &s, &err);
    }
    /* Every figure status prints must be there; the rest of the state is not shown. */
    unsigned needed = WALLET_SEC_BANKER | WALLET_SEC_UNITS | WALLET_SEC_TOTALS |
                      (has_from ? WALLET_SEC_VOTER | WALLET_SEC_BALANCES : 0);
    if (st == PC_OK && (s->missing & needed))
        st = pc_fail(&err, PC_ENODE, "%s", s->first_problem);
    if (st == PC_OK && ctx->json) {
        nodes_set *set = NULL;
        nodes_report nodes = { 0 };
        st = cli_nodes_open(ctx, ctx->timeout_s, &set, &err);
        if (st == PC_OK)
            nodes_probe(set, NODES_HEAD, ctx->has_chain_id, ctx->chain_id, &nodes);
        nodes_close(set);
        if (st == PC_OK)
            st = print_json(status_json(c, k, s, has_from, has_past ? &past : NULL, &nodes),
                            &err);
    } else if (st == PC_OK) {
        print_status(c, k, s, has_from, has_past ? &past : NULL, why.msg);
    }
    if (st == PC_OK && o.max_age && head_age(s) > max_age)
        st = pc_fail(&err, PC_ENODE, "the head (block %" PRIu64 ") is %" PRIu64
                                     " s old, older than --max-age %llu",
                     s->block, head_age(s), max_age);
    if (has_past)
        wallet_past_free(&past);
    wallet_state_free(s);
    rpc_client_free(c);
    pc_contract_free(k);
    return st == PC_OK ? 0 : cli_fail(&err);
}
