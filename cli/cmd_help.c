#include "cli/cmd_help.h"

#include <stdio.h>

#include "cli/command.h"
#include "cli/fail.h"

int cmd_help(const cli_ctx *ctx, int argc, char **argv)
{
    pc_error err = { 0 };
    cli_args args;
    if (cli_command_args(ctx, argc, argv, NULL, &args, &err) != PC_OK)
        return cli_fail_usage(ctx, &err);
    const cli_command *group = NULL, *command = NULL;
    int code = 0;
    if (args.count == 0) {
        cli_help_write(stdout, ctx->program);
    } else if (cli_command_resolve(ctx->program->commands, args.count, args.word, &group,
                                   &command, &err) == PC_OK ||
               (group && args.count == 1)) {
        /* A group alone is asked about as a whole: its subcommands. */
        cli_command_help_write(stdout, group, command);
    } else {
        code = cli_fail_usage(ctx, &err);
    }
    cli_args_free(&args);
    return code;
}
