/* The gas and fee options that send, deploy and meter take, online and
 * (send) offline: --gas-limit N, --gas-price WEI (type 0), --max-fee WEI and
 * --priority-fee WEI (type 2), and the fee cap's amount (--fee-cap WEI,
 * `fee-cap = WEI`). Amounts are whole wei, exact 256-bit integers. */
#ifndef PC_CLI_FEES_H
#define PC_CLI_FEES_H

#include "cli/opts.h"
#include "eth/error.h"
#include "eth/u256.h"
#include "rpcclient/sender.h"

/* The smallest gas limit any transaction can have. */
#define CLI_GAS_LIMIT_MIN 21000

/* The options' texts as given (NULL: not given). */
typedef struct cli_fee_opts {
    const char *gas_limit, *gas_price, *max_fee, *priority_fee;
} cli_fee_opts;

/* The four entries of an option table (cli/opts.h) that fill the
 * cli_fee_opts `field` of the options struct `type`. */
#define CLI_FEE_OPTIONS(type, field)                                                          \
    CLI_VALUE(type, field.gas_limit, "gas-limit", "N", CLI_COMPLETE_NONE,                     \
              "the gas limit (no eth_estimateGas)"),                                          \
        CLI_VALUE(type, field.gas_price, "gas-price", "WEI", CLI_COMPLETE_NONE,               \
                  "gas price, type 0 (chains before London)"),                                \
        CLI_VALUE(type, field.max_fee, "max-fee", "WEI", CLI_COMPLETE_NONE,                   \
                  "max fee per gas, type 2 (London on)"),                                     \
        CLI_VALUE(type, field.priority_fee, "priority-fee", "WEI", CLI_COMPLETE_NONE,         \
                  "priority fee per gas, type 2 (London on)")

/* Whole wei: decimal digits only, below 2^256 (PC_EINPUT naming the option). */
pc_status cli_parse_wei(const char *option, const char *text, u256 *out, pc_error *err);

/* Parses what was given into *f (what was not given stays the node's).
 * PC_EINPUT for a value that does not parse, a gas limit below
 * CLI_GAS_LIMIT_MIN, --gas-price with --max-fee or --priority-fee, and a
 * priority fee above the max fee. */
pc_status cli_fee_parse(const cli_fee_opts *o, sender_fees *f, pc_error *err);

#endif
