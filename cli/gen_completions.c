/* powerchain-completions bash|zsh|fish|commands|options: writes to
 * standard output powerchain's bash, zsh or fish completion, its commands
 * (one "COMMAND" or "GROUP SUBCOMMAND" a line) or its options (one
 * "--OPTION" a line for the global ones, "COMMAND --OPTION" for a
 * command's), all from the command table (cli/commands.c). The build runs
 * it for the completions it installs; the man page's test, for the rest. */
#include <stdio.h>
#include <string.h>

#include "cli/commands.h"
#include "cli/complete.h"

static void options_of(const char *path, const cli_option *options)
{
    for (const cli_option *o = options; o && o->name; o++)
        printf("%s%s--%s\n", path, *path ? " " : "", o->name);
}

static bool list(bool options)
{
    const cli_program *p = &cli_powerchain;
    if (options)
        options_of("", p->globals);
    for (const cli_command *c = p->commands; c->name; c++) {
        if (!c->subcommands && !options)
            printf("%s\n", c->name);
        else if (!c->subcommands)
            options_of(c->name, c->options);
        for (const cli_command *s = c->subcommands; s && s->name; s++) {
            char path[96];
            snprintf(path, sizeof path, "%s %s", c->name, s->name);
            if (options)
                options_of(path, s->options);
            else
                printf("%s\n", path);
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
    else if (strcmp(what, "commands") == 0 || strcmp(what, "options") == 0)
        ok = list(strcmp(what, "options") == 0);
    else {
        fprintf(stderr, "powerchain-completions: \"%s\" is none of bash, zsh, fish, commands, "
                        "options\n", what);
        return 2;
    }
    return ok && fflush(stdout) == 0 ? 0 : 1;
}
