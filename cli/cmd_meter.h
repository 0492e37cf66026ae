/* powerchain meter: what a storage unit's smart meter sends (see the top of
 * cli/cmd_meter.c): one reading (produce, consume, report), the energy left
 * in a session, and `meter run`, readings from standard input. */
#ifndef PC_CMD_METER_H
#define PC_CMD_METER_H

#include "cli/cli.h"
#include "cli/fees.h"

/* The options of the subcommands that send (the command table describes
 * them). */
typedef struct meter_options {
    const char *wait;
    cli_fee_opts fees;
    bool dry_run, force;       /* one reading's only */
} meter_options;

/* Handlers of the command table (cli/cli.h's cli_handler): each returns
 * the exit code, its errors printed. */
/* meter produce PRODUCER WH | consume CONSUMER WH | report WH: argv[0] is
 * the subcommand's word. */
int cmd_meter_reading(const cli_ctx *ctx, int argc, char **argv);
/* meter session ADDRESS */
int cmd_meter_session(const cli_ctx *ctx, int argc, char **argv);
/* meter run */
int cmd_meter_run(const cli_ctx *ctx, int argc, char **argv);

#endif
