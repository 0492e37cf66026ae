/* powerchain: the command line. Global options may stand anywhere; the
 * first other word is the command, looked up in the command table. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "cli/command.h"
#include "cli/commands.h"
#include "cli/context.h"
#include "cli/fail.h"
#include "keystore/secret.h"
#include "rpcclient/powerchain.h"
#include "rpcclient/rpc.h"

#ifndef PC_VERSION
#define PC_VERSION "unknown"
#endif

/* --version, or --help: the program's, a group's or a command's. */
static int about(const cli_global_options *o, const cli_ctx *ctx)
{
    if (o->version)
        return printf("powerchain %s\n", PC_VERSION) < 0 ? 4 : 0;
    if (ctx->group || ctx->command)
        cli_command_help_write(stdout, ctx->group, ctx->command);
    else
        cli_help_write(stdout, ctx->program);
    return 0;
}

/* The command, in the context the options, environment and configuration
 * make, with the libraries it needs ready. */
static int run(cli_ctx *ctx, const cli_global_options *o, cli_config *config, int argc,
               char **argv)
{
    pc_error err = { 0 };
    if (cli_context_setup(o, config, ctx, &err) != PC_OK || secret_init(&err) != PC_OK ||
        rpc_global_init(&err) != PC_OK)
        return cli_fail(&err);
    int code = ctx->command->run(ctx, argc, argv);
    rpc_global_cleanup();
    return code;
}

int main(int argc, char **argv)
{
    static char tui[] = "tui";
    cli_global_options o = { 0 };
    cli_config config = { 0 };
    cli_ctx ctx = { .program = &cli_powerchain };
    pc_error err = { 0 };
    char **rest = calloc((size_t)argc + 1, sizeof *rest);
    int nrest = 0, code;
    pc_status st = rest ? cli_parse_options(cli_powerchain.globals, argc - 1, argv + 1, &o, true,
                                            rest, &nrest, &err)
                        : pc_fail(&err, PC_ENOMEM, "out of memory");
    bool asks_about = o.help || o.version;
    /* No command opens the panel, when there is a terminal for it. */
    if (st == PC_OK && nrest == 0 && !asks_about && isatty(STDIN_FILENO) &&
        isatty(STDOUT_FILENO))
        rest[nrest++] = tui;
    if (st == PC_OK && (nrest > 0 || !asks_about))
        st = cli_command_resolve(cli_powerchain.commands, nrest, rest, &ctx.group, &ctx.command,
                                 &err);
    if (st != PC_OK && !(o.help && ctx.group))
        code = cli_fail_usage(&ctx, &err);
    else if (asks_about)
        code = about(&o, &ctx);
    else /* a subcommand's words start at its own */
        code = run(&ctx, &o, &config, nrest - (ctx.group != NULL), rest + (ctx.group != NULL));
    pc_contract_free(ctx.deployment);
    config_free(&config);
    free(rest);
    return code;
}
