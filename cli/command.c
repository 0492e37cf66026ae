#include "cli/command.h"

#include <stdlib.h>
#include <string.h>

/* Help is laid out for 80 columns: summaries start at HELP_COLUMN. */
#define HELP_WIDTH 79
#define HELP_COLUMN 28
/* In texts handed to wrap(): a space that never breaks a line. */
#define NBSP '\x01'
#define HELP_TEXT_MAX 1024

static const char PROGRAM[] = "powerchain";

const cli_command *cli_command_find(const cli_command *table, const char *name)
{
    for (const cli_command *c = table; c && c->name; c++)
        if (strcmp(c->name, name) == 0)
            return c;
    return NULL;
}

/* "a, b, c": the names of a group's subcommands. */
static void subcommand_names(const cli_command *group, const char *sep, char *out, size_t cap)
{
    size_t n = 0;
    out[0] = '\0';
    for (const cli_command *s = group->subcommands; s->name && n < cap; s++)
        n += (size_t)snprintf(out + n, cap - n, "%s%s", s == group->subcommands ? "" : sep,
                              s->name);
}

pc_status cli_command_resolve(const cli_command *table, int argc, char **argv,
                              const cli_command **group, const cli_command **command,
                              pc_error *err)
{
    *group = NULL;
    if (argc == 0)
        return pc_fail(err, PC_EINPUT, "no command given (the panel needs a terminal)");
    /* The global options are taken out before: one left in front of the
     * command is none of them. */
    if (argv[0][0] == '-')
        return pc_fail(err, PC_EINPUT, "unknown option %.40s", argv[0]);
    *command = cli_command_find(table, argv[0]);
    if (!*command)
        return pc_fail(err, PC_EINPUT, "unknown command \"%.40s\"", argv[0]);
    if (!(*command)->subcommands)
        return PC_OK;
    *group = *command;
    *command = argc > 1 ? cli_command_find((*group)->subcommands, argv[1]) : NULL;
    if (*command)
        return PC_OK;
    char names[256];
    subcommand_names(*group, ", ", names, sizeof names);
    if (argc < 2)
        return pc_fail(err, PC_EINPUT, "%s needs a subcommand: %s", (*group)->name, names);
    return pc_fail(err, PC_EINPUT, "%s has no subcommand \"%.40s\"; it has %s", (*group)->name,
                   argv[1], names);
}

void cli_command_path(const cli_command *group, const cli_command *command, char *out,
                      size_t cap)
{
    snprintf(out, cap, "%s%s%s", group ? group->name : "", group && command ? " " : "",
             command ? command->name : "");
}

/* Whether the command's --csv, if it has one, was given. */
static bool csv_given(const cli_option *options, const void *given)
{
    for (const cli_option *o = options; o && o->name; o++)
        if (o->kind == CLI_OPTION_FLAG && strcmp(o->name, "csv") == 0)
            return *(const bool *)((const char *)given + o->offset);
    return false;
}

pc_status cli_command_args(const cli_ctx *ctx, int argc, char **argv, void *options,
                           cli_args *args, pc_error *err)
{
    static const cli_option none[] = { CLI_OPTIONS_END };
    const cli_command *c = ctx->command;
    cli_args unused;
    if (!args)
        args = &unused;
    char path[64];
    cli_command_path(ctx->group, c, path, sizeof path);
    args->count = 0;
    args->word = calloc(argc > 0 ? (size_t)argc : 1, sizeof *args->word);
    if (!args->word)
        return pc_fail(err, PC_ENOMEM, "out of memory");
    int min = c->min_args, max = c->max_args;
    pc_status st = cli_parse_options(c->options ? c->options : none, argc - 1, argv + 1, options,
                                     false, args->word, &args->count, err);
    if (st == PC_OK && ctx->json && csv_given(c->options, options))
        st = pc_fail(err, PC_EINPUT, "%s: --csv and --json exclude each other", path);
    else if (st == PC_OK && args->count < min)
        st = pc_fail(err, PC_EINPUT, "%s needs %s", path, c->synopsis);
    else if (st == PC_OK && max == 0 && args->count > 0)
        st = pc_fail(err, PC_EINPUT, "%s takes no arguments, got \"%.40s\"", path,
                     args->word[0]);
    else if (st == PC_OK && max > 0 && args->count > max)
        st = pc_fail(err, PC_EINPUT, "%s takes at most %d argument%s (%s); \"%.40s\" is one too "
                     "many", path, max, max == 1 ? "" : "s", c->synopsis, args->word[max]);
    else if (st != PC_OK && err && err->status == PC_EINPUT)
        pc_error_prefix(err, "%s", path);
    if (st != PC_OK || args == &unused)
        cli_args_free(args);
    return st;
}

void cli_args_free(cli_args *args)
{
    free(args->word);
    args->word = NULL;
    args->count = 0;
}

/* ---- writing help ------------------------------------------------------ */

/* Writes text (the cursor at column `col`), breaking lines at spaces before
 * HELP_WIDTH; continuation lines start at column `indent`. NBSP never
 * breaks and is written as a space. Ends with a newline. */
static void wrap(FILE *out, const char *text, size_t col, size_t indent)
{
    const char *p = text;
    bool first = true;
    while (*p) {
        size_t word = strcspn(p, " ");
        if (!first && col + 1 + word > HELP_WIDTH && col > indent) {
            fprintf(out, "\n%*s", (int)indent, "");
            col = indent;
        } else if (!first) {
            fputc(' ', out);
            col++;
        }
        for (size_t i = 0; i < word; i++)
            fputc(p[i] == NBSP ? ' ' : p[i], out);
        col += word;
        first = false;
        p += word;
        p += strspn(p, " ");
    }
    fputc('\n', out);
}

/* "  LEFT   summary", the summary at HELP_COLUMN (on the next line when
 * LEFT reaches it). */
static void row(FILE *out, const char *left, const char *summary)
{
    int n = fprintf(out, "  %s", left);
    if (n + 2 > HELP_COLUMN) {
        fprintf(out, "\n%*s", HELP_COLUMN, "");
    } else {
        fprintf(out, "%*s", HELP_COLUMN - n, "");
    }
    wrap(out, summary, HELP_COLUMN, HELP_COLUMN);
}

/* "--name VALUE" (with "-y, " before a short form): an option for help. */
static void option_left(const cli_option *o, char *out, size_t cap)
{
    char shortform[8] = "";
    if (o->short_name)
        snprintf(shortform, sizeof shortform, "-%c, ", o->short_name);
    snprintf(out, cap, "%s--%s%s%s", shortform, o->name, o->value_name ? " " : "",
             o->value_name ? o->value_name : "");
}

static void options_write(FILE *out, const cli_option *options)
{
    for (const cli_option *o = options; o && o->name; o++) {
        char left[64];
        option_left(o, left, sizeof left);
        row(out, left, o->summary);
    }
}

/* Appends to a usage text: " WORD" where WORD's spaces never break. */
static size_t append_unit(char *out, size_t n, size_t cap, const char *fmt, const char *a,
                          const char *b)
{
    if (n >= cap)
        return n;
    size_t start = n;
    n += (size_t)snprintf(out + n, cap - n, fmt, a, b);
    if (n >= cap)
        n = cap - 1;
    for (size_t i = start + 1; i < n; i++)
        if (out[i] == ' ')
            out[i] = NBSP;
    return n;
}

/* "powerchain account new NAME [--opt VALUE]": a command's whole line. */
static void usage_text(const cli_command *group, const cli_command *c, char *out, size_t cap)
{
    size_t n = (size_t)snprintf(out, cap, "%s", PROGRAM);
    if (group)
        n = append_unit(out, n, cap, " %s%s", group->name, "");
    n = append_unit(out, n, cap, " %s%s", c->name, "");
    if (n < cap && c->synopsis && *c->synopsis)
        n += (size_t)snprintf(out + n, cap - n, " %s", c->synopsis);
    for (const cli_option *o = c->options; o && o->name && n < cap; o++) {
        if (o->value_name)
            n = append_unit(out, n, cap, " [--%s %s]", o->name, o->value_name);
        else
            n = append_unit(out, n, cap, " [--%s]%s", o->name, "");
    }
}

void cli_usage_write(FILE *out, const cli_command *group, const cli_command *command)
{
    char text[HELP_TEXT_MAX];
    if (!group && !command) {
        fprintf(out, "usage: %s [OPTIONS] COMMAND [ARGS...] (see %s --help)\n", PROGRAM,
                PROGRAM);
        return;
    }
    if (command) {
        usage_text(group, command, text, sizeof text);
        fputs("usage: ", out);
        wrap(out, text, 7, 11);
        return;
    }
    for (const cli_command *s = group->subcommands; s->name; s++) {
        usage_text(group, s, text, sizeof text);
        fputs(s == group->subcommands ? "usage: " : "       ", out);
        wrap(out, text, 7, 11);
    }
}

void cli_help_write(FILE *out, const cli_program *program)
{
    fprintf(out, "usage: %s [OPTIONS] COMMAND [ARGS...]\n\n", PROGRAM);
    wrap(out, program->summary, 0, 0);
    fputs("\nCommands:\n", out);
    for (const cli_command *c = program->commands; c->name; c++) {
        char left[HELP_TEXT_MAX];
        if (c->subcommands) {
            char names[256];
            subcommand_names(c, "|", names, sizeof names);
            snprintf(left, sizeof left, "%s %s", c->name, names);
        } else {
            snprintf(left, sizeof left, "%s%s%s", c->name, *c->synopsis ? " " : "",
                     c->synopsis);
        }
        row(out, left, c->summary);
    }
    fputs("\nOptions (anywhere on the line):\n", out);
    options_write(out, program->globals);
    fprintf(out, "\nA command's own options: %s help COMMAND (or %s COMMAND --help).\n\n",
            PROGRAM, PROGRAM);
    for (const char *p = program->notes; *p;) {
        size_t len = strcspn(p, "\n");
        char paragraph[HELP_TEXT_MAX];
        snprintf(paragraph, sizeof paragraph, "%.*s", (int)len, p);
        wrap(out, paragraph, 0, 0);
        p += len;
        if (*p == '\n') {
            fputc('\n', out);
            p++;
        }
    }
}

void cli_command_help_write(FILE *out, const cli_command *group, const cli_command *command)
{
    const cli_command *about = command ? command : group;
    cli_usage_write(out, group, command);
    fputc('\n', out);
    wrap(out, about->summary, 0, 0);
    if (!command) {
        fputs("\nSubcommands:\n", out);
        for (const cli_command *s = group->subcommands; s->name; s++) {
            char left[HELP_TEXT_MAX];
            snprintf(left, sizeof left, "%s%s%s", s->name, *s->synopsis ? " " : "", s->synopsis);
            row(out, left, s->summary);
        }
        fprintf(out, "\nA subcommand's options: %s help %s SUBCOMMAND.\n", PROGRAM, group->name);
        return;
    }
    if (command->options && command->options->name) {
        fputs("\nOptions:\n", out);
        options_write(out, command->options);
    }
    fprintf(out, "\nThe global options too: %s --help.\n", PROGRAM);
}
