/* Working with the command table (cli/cli.h's cli_command, the table in
 * cli/commands.c): finding a command, parsing its arguments, and writing
 * its usage line and help. Nothing here knows a command: everything comes
 * from the entries it is given, so that a new command is one entry. */
#ifndef PC_COMMAND_H
#define PC_COMMAND_H

#include <stdio.h>

#include "cli/cli.h"
#include "eth/error.h"

/* The entry called `name` in `table`, or NULL. */
const cli_command *cli_command_find(const cli_command *table, const char *name);

/* The command argv names: argv[0] a command of `table`; when that is a
 * group, argv[1] one of its subcommands. *group is the group (NULL when
 * the command is not a subcommand), *command what runs. PC_EINPUT for an
 * unknown command, and for a group without a known subcommand (then
 * *group is set and *command is NULL), with a message that says what was
 * wrong; the caller prints the usage of what was found. */
pc_status cli_command_resolve(const cli_command *table, int argc, char **argv,
                              const cli_command **group, const cli_command **command,
                              pc_error *err);

/* The words that run a command, "account new" (group may be NULL). */
void cli_command_path(const cli_command *group, const cli_command *command, char *out,
                      size_t cap);

/* A command's positional arguments, once its options are taken out. */
typedef struct cli_args {
    char **word;              /* argv's strings, in order; freed by cli_args_free */
    int count;
} cli_args;

/* Takes the options of the running command (ctx->command) out of
 * argv[1..argc) into the struct at `options` (which the table's offsets
 * describe; NULL when the command has none) and checks that as many
 * positional arguments remain as its entry allows. PC_EINPUT, naming the
 * command, for an unknown or malformed option, a wrong count, and --csv
 * (an option of that name) with --json; PC_ENOMEM. On success free *args
 * with cli_args_free; args may be NULL for a command that takes no
 * positional arguments. */
pc_status cli_command_args(const cli_ctx *ctx, int argc, char **argv, void *options,
                           cli_args *args, pc_error *err);
void cli_args_free(cli_args *args);

/* "usage: powerchain account new [--name NAME]", wrapped at 79 columns:
 * the command's words, its positional arguments and its options. For a
 * group (command NULL), a line per subcommand; with neither, the
 * program's. */
void cli_usage_write(FILE *out, const cli_command *group, const cli_command *command);

/* `powerchain --help`: the usage line, the program's summary, every
 * command with its arguments and summary, the global options, and the
 * notes. */
void cli_help_write(FILE *out, const cli_program *program);

/* `powerchain help COMMAND`: its usage, summary, and options (a group: its
 * subcommands). */
void cli_command_help_write(FILE *out, const cli_command *group, const cli_command *command);

#endif
