/* powerchain status: the node, the deployment and the selected account's
 * roles and balances, read in one batched request (the web panel's first
 * page). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/commands.h"
#include "cli/print.h"
#include "cli/signer.h"
#include "rpcclient/units.h"

typedef struct status_reads {
    int chain, block, banker, units, voter, ent, eeuro, logs;
} status_reads;

static const pc_method *method(const char *name)
{
    return pc_method_find(name);
}

static pc_status queue_reads(rpc_batch *b, const pc_contract *k, const eth_address *from,
                             status_reads *r, pc_error *err)
{
    r->chain = rpc_batch_add(b, "eth_chainId", NULL);
    r->block = rpc_batch_add(b, "eth_blockNumber", NULL);
    r->banker = pc_batch_add_read(b, k, method("getBankerAddress"), NULL, 0, NULL, err);
    r->units = pc_batch_add_read(b, k, method("getStorageUnitsInfo"), NULL, 0, NULL, err);
    r->voter = r->ent = r->eeuro = r->logs = -1;
    if (from) {
        r->logs = rpc_batch_add(b, "eth_getLogs", pc_params_event_logs(k, 0));
        r->voter = pc_batch_add_read(b, k, method("isVoter"), from, 0, NULL, err);
        r->ent = pc_batch_add_read(b, k, method("balanceENT"), from, 0, NULL, err);
        r->eeuro = pc_batch_add_read(b, k, method("balanceeEuro"), from, 0, NULL, err);
    }
    if (r->chain < 0 || r->block < 0 || r->banker < 0 || r->units < 0 ||
        (from && (r->voter < 0 || r->ent < 0 || r->eeuro < 0 || r->logs < 0)))
        return err && err->status ? err->status : pc_fail(err, PC_ENOMEM, "out of memory");
    return PC_OK;
}

static void print_balance(const char *label, const abi_value *v, pc_unit u)
{
    char avail[PC_UNIT_TEXT_MAX], locked[PC_UNIT_TEXT_MAX];
    pc_format_unit(&v->items[0].num, u, avail, sizeof avail);
    pc_format_unit(&v->items[1].num, u, locked, sizeof locked);
    printf("%-10s %s available, %s locked\n", label, avail, locked);
}

/* Whether `a` owns a registered, active unit. The contract cannot be asked
 * (see pc_parse_unit_registration), so the registration events tell, the
 * last one of each unit winning. A node that refuses the log query leaves
 * the role unknown (*scanned false, why says what the node answered) rather
 * than failing the whole status. */
static bool owns_a_unit(const rpc_batch *b, int logs_index, const pc_contract *k,
                        const abi_value *units, const eth_address *a, bool *scanned,
                        pc_error *why)
{
    const cJSON *logs = rpc_batch_result(b, (size_t)logs_index, why);
    *scanned = cJSON_IsArray(logs);
    if (logs && !*scanned)
        pc_fail(why, PC_ENODE, "eth_getLogs answered something other than a list");
    const abi_value *list = &units->items[0];
    bool owner = false;
    for (size_t i = 0; i < list->count; i++) {
        const abi_value *u = &list->items[i];
        if (!u->items[0].boolean)
            continue;
        bool owned = false;
        const cJSON *item;
        cJSON_ArrayForEach(item, logs)
        {
            node_log l;
            pc_event e;
            bool matched = false;
            eth_address unit, who;
            if (node_parse_log(item, &l, NULL) != PC_OK)
                continue;
            if (pc_decode_event(k, &l, &matched, &e, NULL) == PC_OK && matched && !e.is_error &&
                pc_parse_unit_registration(e.text, &unit, &who) &&
                eth_address_equal(&unit, &u->items[1].addr))
                owned = eth_address_equal(&who, a);
            if (matched)
                free(e.text);
            node_log_clear(&l);
        }
        owner |= owned;
    }
    return owner;
}

static void add_role(char *roles, size_t cap, const char *role)
{
    size_t n = strlen(roles);
    snprintf(roles + n, cap - n, "%s%s", n ? ", " : "", role);
}

/* A registered, active unit whose address is the account. */
static bool is_storage_unit(const abi_value *units, const eth_address *a)
{
    const abi_value *list = &units->items[0];
    for (size_t i = 0; i < list->count; i++) {
        const abi_value *u = &list->items[i];
        if (u->items[0].boolean && eth_address_equal(&u->items[1].addr, a))
            return true;
    }
    return false;
}

int cmd_status(const cli_ctx *ctx, int argc, char **argv)
{
    (void)argv;
    pc_error err = { 0 };
    if (argc > 1) {
        cli_error("usage: powerchain status");
        return 2;
    }
    pc_contract *k = NULL;
    rpc_client *c = NULL;
    rpc_batch *b = rpc_batch_new();
    eth_address from;
    bool has_from = false;
    status_reads r;
    abi_value banker = { 0 }, units = { 0 }, voter = { 0 }, ent = { 0 }, eeuro = { 0 };
    uint64_t chain = 0, block = 0;
    pc_status st = b ? PC_OK : pc_fail(&err, PC_ENOMEM, "out of memory");
    if (st == PC_OK)
        st = cli_open(ctx, &k, &from, &has_from, &c, &err);
    if (st == PC_OK)
        st = queue_reads(b, k, has_from ? &from : NULL, &r, &err);
    if (st == PC_OK)
        st = rpc_batch_send(c, b, true, &err);
    if (st == PC_OK)
        st = node_parse_u64(rpc_batch_result(b, (size_t)r.chain, &err), "chain id", &chain, &err);
    if (st == PC_OK)
        st = node_parse_u64(rpc_batch_result(b, (size_t)r.block, &err), "block number", &block,
                            &err);
    if (st == PC_OK)
        st = pc_batch_decode(b, r.banker, k, method("getBankerAddress"), &banker, &err);
    if (st == PC_OK)
        st = pc_batch_decode(b, r.units, k, method("getStorageUnitsInfo"), &units, &err);
    if (st == PC_OK && has_from)
        st = pc_batch_decode(b, r.voter, k, method("isVoter"), &voter, &err);
    if (st == PC_OK && has_from)
        st = pc_batch_decode(b, r.ent, k, method("balanceENT"), &ent, &err);
    if (st == PC_OK && has_from)
        st = pc_batch_decode(b, r.eeuro, k, method("balanceeEuro"), &eeuro, &err);
    if (st == PC_OK) {
        char addr[ETH_ADDRESS_TEXT_LEN];
        printf("%-10s %s\n%-10s %llu\n%-10s %llu\n", "node", rpc_client_url(c), "chain id",
               (unsigned long long)chain, "block", (unsigned long long)block);
        eth_address_to_checksum(pc_contract_address(k), addr);
        printf("%-10s %s (%s)\n", "contract", addr, pc_contract_name(k));
        const eth_address *bank = &banker.items[0].addr;
        eth_address_to_checksum(bank, addr);
        printf("%-10s %s\n", "banker", eth_address_is_zero(bank) ? "none" : addr);
        if (has_from) {
            eth_address_to_checksum(&from, addr);
            printf("%-10s %s\n", "account", addr);
            char roles[96] = "";
            bool scanned = false;
            pc_error why = { 0 };
            if (voter.items[0].boolean)
                add_role(roles, sizeof roles, "voter");
            if (!eth_address_is_zero(bank) && eth_address_equal(bank, &from))
                add_role(roles, sizeof roles, "banker");
            if (is_storage_unit(&units, &from))
                add_role(roles, sizeof roles, "storage unit");
            if (owns_a_unit(b, r.logs, k, &units, &from, &scanned, &why))
                add_role(roles, sizeof roles, "unit owner");
            printf("%-10s %s\n", "roles", roles[0] ? roles : "user");
            if (!scanned) {
                fputs("           whether it owns a unit is unknown: ", stdout);
                print_sanitized(stdout, why.msg);
                putchar('\n');
            }
            print_balance("ENT", &ent, PC_UNIT_ENT);
            print_balance("eEuro", &eeuro, PC_UNIT_EEURO);
        } else {
            printf("%-10s none selected (--account or --private-key-file)\n", "account");
        }
    }
    abi_value_free(&banker);
    abi_value_free(&units);
    abi_value_free(&voter);
    abi_value_free(&ent);
    abi_value_free(&eeuro);
    rpc_batch_free(b);
    rpc_client_free(c);
    pc_contract_free(k);
    return st == PC_OK ? 0 : cli_fail(&err);
}
