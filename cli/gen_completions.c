/* powerchain-completions bash|zsh|fish|commands|arity|options: writes to
 * standard output powerchain's bash, zsh or fish completion, its commands
 * (one "COMMAND" or "GROUP SUBCOMMAND" a line; with arity, "MIN MAX " in
 * front, MAX -1 for no limit) or its options (one "--OPTION" a line for the
 * global ones, "COMMAND --OPTION" for a command's), all from the command
 * table (cli/commands.c). The build runs it for the completions it
 * installs; tests, for the rest. */
#include <stdio.h>
#include <string.h>

#include "cli/commands.h"
#include "cli/complete.h"

static void options_of(const char *path, const cli_option *options)
{
    for (const cli_option *o = options; o && o->name; o++)
        printf("%s%s--%s\n", path, *path ? " " : "", o->name);
}

typedef enum listing { COMMANDS, ARITY, OPTIONS } listing;

static void list_one(listing what, const char *path, const cli_command *c)
{
    if (what == OPTIONS)
        options_of(path, c->options);
    else if (what == ARITY)
        printf("%d %d %s\n", c->min_args, c->max_args, path);
    else
        printf("%s\n", path);
}

static bool list(listing what)
{
    const cli_program *p = &cli_powerchain;
    if (what == OPTIONS)
        options_of("", p->globals);
    for (const cli_command *c = p->commands; c->name; c++) {
        if (!c->subcommands)
            list_one(what, c->name, c);
        for (const cli_command *s = c->subcommands; s && s->name; s++) {
            char path[96];
            snprintf(path, sizeof path, "%s %s", c->name, s->name);
            list_one(what, path, s);
        }
    }
    return !ferror(stdout);
}

int main(int argc, char **argv)
{
    const char *what = argc == 2 ? argv[1] : "";
    bool ok;
    if (strcmp(what, "bash") == 0)
        ok = complete_bash(stdout, &cli_powerchain);
    else if (strcmp(what, "zsh") == 0)
        ok = complete_zsh(stdout, &cli_powerchain);
    else if (strcmp(what, "fish") == 0)
        ok = complete_fish(stdout, &cli_powerchain);
    else if (strcmp(what, "commands") == 0)
        ok = list(COMMANDS);
    else if (strcmp(what, "arity") == 0)
        ok = list(ARITY);
    else if (strcmp(what, "options") == 0)
        ok = list(OPTIONS);
    else {
        fprintf(stderr, "powerchain-completions: \"%s\" is none of bash, zsh, fish, commands, "
                        "arity, options\n", what);
        return 2;
    }
    return ok && fflush(stdout) == 0 ? 0 : 1;
}
