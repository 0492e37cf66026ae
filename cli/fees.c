#include "cli/fees.h"

#include <string.h>

pc_status cli_parse_wei(const char *option, const char *text, u256 *out, pc_error *err)
{
    pc_status st = u256_parse_dec(text, strlen(text), out, err);
    if (st != PC_OK)
        pc_error_prefix(err, "--%s (whole wei)", option);
    return st;
}

pc_status cli_fee_parse(const cli_fee_opts *o, sender_fees *f, pc_error *err)
{
    memset(f, 0, sizeof *f);
    if (o->gas_price && (o->max_fee || o->priority_fee))
        return pc_fail(err, PC_EINPUT, "give either --gas-price (type 0, chains before London) "
                                       "or --max-fee and --priority-fee (type 2), not both");
    pc_status st = PC_OK;
    if (o->gas_limit) {
        unsigned long long n = 0;
        st = cli_parse_u64("gas-limit", o->gas_limit, UINT64_MAX, &n, err);
        if (st == PC_OK && n < CLI_GAS_LIMIT_MIN)
            st = pc_fail(err, PC_EINPUT, "--gas-limit must be at least %d, what any "
                                         "transaction costs", CLI_GAS_LIMIT_MIN);
        f->has_gas_limit = true;
        f->gas_limit = n;
    }
    if (st == PC_OK && (f->has_gas_price = o->gas_price != NULL))
        st = cli_parse_wei("gas-price", o->gas_price, &f->gas_price, err);
    if (st == PC_OK && (f->has_max_fee = o->max_fee != NULL))
        st = cli_parse_wei("max-fee", o->max_fee, &f->max_fee, err);
    if (st == PC_OK && (f->has_priority_fee = o->priority_fee != NULL))
        st = cli_parse_wei("priority-fee", o->priority_fee, &f->priority_fee, err);
    if (st == PC_OK && f->has_max_fee && f->has_priority_fee &&
        u256_cmp(&f->priority_fee, &f->max_fee) > 0)
        st = pc_fail(err, PC_EINPUT, "--priority-fee cannot exceed --max-fee");
    return st;
}
