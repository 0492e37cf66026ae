#include "cli/cmd_status.h"

#include <stdio.h>
#include <string.h>

#include "cli/cmd_history.h"
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

static void add_role(char *roles, size_t cap, const char *role)
{
    size_t n = strlen(roles);
    snprintf(roles + n, cap - n, "%s%s", n ? ", " : "", role);
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
    unsigned r = wallet_roles(s, &s->account, past ? past->owners : NULL,
                              past ? past->nowners : 0);
    char roles[96] = "";
    if (r & WALLET_ROLE_VOTER)
        add_role(roles, sizeof roles, "voter");
    if (r & WALLET_ROLE_BANKER)
        add_role(roles, sizeof roles, "banker");
    if (r & WALLET_ROLE_UNIT)
        add_role(roles, sizeof roles, "storage unit");
    if (r & WALLET_ROLE_UNIT_OWNER)
        add_role(roles, sizeof roles, "unit owner");
    printf("%-10s %s\n", "roles", roles[0] ? roles : "user");
    if (!past) {
        fputs("           whether it owns a unit is unknown: ", stdout);
        text_print(stdout, why);
        putchar('\n');
    }
    print_balance("ENT", &s->ent_available, &s->ent_locked, PC_UNIT_ENT);
    print_balance("eEuro", &s->eeuro_available, &s->eeuro_locked, PC_UNIT_EEURO);
}

int cmd_status(const cli_ctx *ctx, int argc, char **argv)
{
    pc_error err = { 0 };
    if (cli_command_args(ctx, argc, argv, NULL, NULL, &err) != PC_OK)
        return cli_fail_usage(ctx, &err);
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
    unsigned needed = WALLET_SEC_BANKER | WALLET_SEC_UNITS |
                      (has_from ? WALLET_SEC_VOTER | WALLET_SEC_BALANCES : 0);
    if (st == PC_OK && (s->missing & needed))
        st = pc_fail(&err, PC_ENODE, "%s", s->first_problem);
    if (st == PC_OK) {
        char addr[ETH_ADDRESS_TEXT_LEN];
        printf("%-10s %s\n%-10s %llu\n%-10s %llu\n", "node", rpc_client_url(c), "chain id",
               (unsigned long long)s->chain_id, "block", (unsigned long long)s->block);
        eth_address_to_checksum(pc_contract_address(k), addr);
        printf("%-10s %s (%s)\n", "contract", addr, pc_contract_name(k));
        eth_address_to_checksum(&s->banker, addr);
        printf("%-10s %s\n", "banker", eth_address_is_zero(&s->banker) ? "none" : addr);
        if (has_from)
            print_account(s, has_past ? &past : NULL, why.msg);
        else
            printf("%-10s none selected (--account or --private-key-file)\n", "account");
    }
    if (has_past)
        wallet_past_free(&past);
    wallet_state_free(s);
    rpc_client_free(c);
    pc_contract_free(k);
    return st == PC_OK ? 0 : cli_fail(&err);
}
