#include "cli/complete.h"

#include <string.h>

static const char PROG[] = "powerchain";

/* ---- walking the table --------------------------------------------------- */

/* Calls fn for every command that runs: top-level commands, and each
 * group's subcommands (group set). */
typedef void (*command_fn)(FILE *out, const cli_command *group, const cli_command *c,
                           void *user);

static void each_command(FILE *out, const cli_program *p, command_fn fn, void *user)
{
    for (const cli_command *c = p->commands; c->name; c++) {
        if (!c->subcommands) {
            fn(out, NULL, c, user);
            continue;
        }
        for (const cli_command *s = c->subcommands; s->name; s++)
            fn(out, c, s, user);
    }
}

/* Whether an option called name that takes a value appears in options
 * before `upto` (so that a list of names says each once). */
static bool seen_before(const cli_option *options, const cli_option *upto, const char *name)
{
    for (const cli_option *o = options; o && o != upto && o->name; o++)
        if (o->kind != CLI_OPTION_FLAG && strcmp(o->name, name) == 0)
            return true;
    return false;
}

/* The i-th option table of the program (the global options first), or NULL
 * past the last. */
static const cli_option *option_table(const cli_program *p, size_t i)
{
    if (i == 0)
        return p->globals;
    size_t k = 0;
    for (const cli_command *c = p->commands; c->name; c++) {
        if (c->options && ++k == i)
            return c->options;
        for (const cli_command *s = c->subcommands; s && s->name; s++)
            if (s->options && ++k == i)
                return s->options;
    }
    return NULL;
}

/* Every value option of the program, each name once, each written by fn. */
static void each_value_option(FILE *out, const cli_program *p,
                              void (*fn)(FILE *out, const cli_option *o, bool first))
{
    bool first = true;
    const cli_option *table;
    for (size_t t = 0; (table = option_table(p, t)); t++) {
        for (const cli_option *o = table; o->name; o++) {
            bool earlier = o->kind == CLI_OPTION_FLAG || seen_before(table, o, o->name);
            for (size_t u = 0; u < t && !earlier; u++)
                earlier = seen_before(option_table(p, u), NULL, o->name);
            if (earlier)
                continue;
            fn(out, o, first);
            first = false;
        }
    }
}

/* The i-th word (0-based) of a synopsis without its brackets and dots:
 * "[COMMAND [SUBCOMMAND]]" gives COMMAND and SUBCOMMAND. */
static void synopsis_word(const char *synopsis, int i, char *out, size_t cap)
{
    const char *p = synopsis;
    for (int k = 0; k < i && *p; k++) {
        p += strcspn(p, " ");
        p += strspn(p, " ");
    }
    size_t n = 0;
    for (; *p && *p != ' ' && n + 1 < cap; p++)
        if (*p != '[' && *p != ']' && *p != '.')
            out[n++] = *p;
    out[n] = '\0';
    if (n == 0)
        snprintf(out, cap, "argument");
}

/* Writes s with each character of `special` preceded by a backslash and
 * each single quote closed, escaped and opened again ('\''), for a text
 * inside single quotes. */
static void quoted(FILE *out, const char *s, const char *special)
{
    for (; *s; s++) {
        if (*s == '\'')
            fputs("'\\''", out);
        else if (strchr(special, *s))
            fprintf(out, "\\%c", *s);
        else
            fputc(*s, out);
    }
}

/* ---- bash -------------------------------------------------------------- */

static const char *bash_kind(cli_complete k)
{
    switch (k) {
    case CLI_COMPLETE_NONE: return NULL;
    case CLI_COMPLETE_FILE: return "file";
    case CLI_COMPLETE_DIR: return "dir";
    case CLI_COMPLETE_NODE: return "node";
    case CLI_COMPLETE_NETWORK: return "network";
    case CLI_COMPLETE_CALL_METHOD: return "call-method";
    case CLI_COMPLETE_SEND_METHOD: return "send-method";
    case CLI_COMPLETE_CONTACT: return "contact";
    case CLI_COMPLETE_ACCOUNT: return "account";
    case CLI_COMPLETE_COMMAND: return "command";
    case CLI_COMPLETE_CHOICES: return "words";
    }
    return NULL;
}

static void bash_skip(FILE *out, const cli_option *o, bool first)
{
    fprintf(out, "%s--%s", first ? "" : "|", o->name);
}

/* "send/ANY" (a bash pattern: send/ and a star) for a command's arguments,
 * "account/new" for a subcommand's. */
static void bash_at(const cli_command *group, const cli_command *c, char *out, size_t cap)
{
    if (group)
        snprintf(out, cap, "%s/%s", group->name, c->name);
    else
        snprintf(out, cap, "%s/*", c->name);
}

/* The value of an option that something completes (the others: see
 * bash_any_value). */
static void bash_value(FILE *out, const cli_option *o, const char *at)
{
    const char *kind = bash_kind(o->complete);
    if (!kind)
        return;
    fprintf(out, "        %s/--%s) ", at, o->name);
    if (o->complete == CLI_COMPLETE_CHOICES)
        fprintf(out, "_powerchain_value words '%s'; ", o->choices);
    else
        fprintf(out, "_powerchain_value %s; ", kind);
    fputs("return ;;\n", out);
}

static void bash_any_value(FILE *out, const cli_option *o, bool first)
{
    fprintf(out, "%s*/*/--%s", first ? "        " : "|", o->name);
}

static void bash_values_of(FILE *out, const cli_command *group, const cli_command *c, void *user)
{
    (void)user;
    char at[96];
    bash_at(group, c, at, sizeof at);
    for (const cli_option *o = c->options; o && o->name; o++)
        if (o->kind != CLI_OPTION_FLAG)
            bash_value(out, o, at);
}

static void bash_options_of(FILE *out, const cli_command *group, const cli_command *c,
                            void *user)
{
    (void)user;
    if (!c->options || !c->options->name)
        return;
    char at[96];
    bash_at(group, c, at, sizeof at);
    fprintf(out, "            %s) opts+='", at);
    for (const cli_option *o = c->options; o->name; o++)
        fprintf(out, " --%s", o->name);
    fputs("' ;;\n", out);
}

static void bash_first_argument(FILE *out, const cli_command *group, const cli_command *c,
                                void *user)
{
    const cli_program *p = user;
    const char *kind = bash_kind(c->complete);
    if (!kind)
        return;
    fprintf(out, "        %d/%s/%s) _powerchain_value %s", group ? 2 : 1,
            group ? group->name : c->name, group ? c->name : "", kind);
    if (c->complete == CLI_COMPLETE_COMMAND) {
        fputs(" '", out);
        for (const cli_command *k = p->commands; k->name; k++)
            fprintf(out, "%s%s", k == p->commands ? "" : " ", k->name);
        fputc('\'', out);
    }
    fputs(" ;;\n", out);
}

bool complete_bash(FILE *out, const cli_program *p)
{
    fprintf(out,
            "# bash completion for %s, written from its command table (cli/commands.c)\n"
            "# by cli/gen_completions.c when it is built: change the table, not this file.\n"
            "\n"
            "# KINDS...: the contract functions of these kinds (`methods`' first column).\n"
            "_powerchain_methods() {\n"
            "    \"${words[0]}\" methods 2>/dev/null |\n"
            "        awk -v kinds=\" $* \" 'index(kinds, \" \" $1 \" \") { print $2 }'\n"
            "}\n"
            "\n"
            "# KIND [WORDS]: COMPREPLY for a value or an argument of that kind.\n"
            "_powerchain_value() {\n"
            "    local list=\n"
            "    case $1 in\n"
            "        file) _filedir; return ;;\n"
            "        dir) _filedir -d; return ;;\n"
            "        node) [[ $cur == /* || $cur == .* ]] && _filedir; return ;;\n"
            "        network) list=$(\"${words[0]}\" networks 2>/dev/null |\n"
            "            awk 'NR > 1 { print ($1 == \"*\" ? $2 : $1) }') ;;\n"
            "        call-method) list=$(_powerchain_methods call) ;;\n"
            "        send-method) list=$(_powerchain_methods send vote) ;;\n"
            "        contact) list=$(\"${words[0]}\" contacts list --csv 2>/dev/null |\n"
            "            awk -F, 'NR > 1 { print $1 }') ;;\n"
            "        account) list=$(\"${words[0]}\" account list --csv 2>/dev/null |\n"
            "            awk -F, 'NR > 1 && $2 != \"\" { print $2 }') ;;\n"
            "        words|command) list=$2 ;;\n"
            "    esac\n"
            "    COMPREPLY=($(compgen -W \"$list\" -- \"$cur\"))\n"
            "}\n"
            "\n"
            "_powerchain() {\n"
            "    local cur prev words cword\n"
            "    _init_completion || return\n"
            "\n"
            "    # The words so far that are neither options nor an option's value.\n"
            "    local i pos=()\n"
            "    for ((i = 1; i < cword; i++)); do\n"
            "        case ${words[i]} in\n"
            "            ",
            PROG);
    each_value_option(out, p, bash_skip);
    fputs(") ((i++)) ;;\n"
          "            -*) ;;\n"
          "            *) pos+=(\"${words[i]}\") ;;\n"
          "        esac\n"
          "    done\n"
          "    local at=${pos[0]-}/${pos[1]-}\n"
          "\n"
          "    # An option's value.\n"
          "    case $at/$prev in\n",
          out);
    for (const cli_option *o = p->globals; o->name; o++)
        if (o->kind != CLI_OPTION_FLAG)
            bash_value(out, o, "*/*");
    each_command(out, p, bash_values_of, NULL);
    each_value_option(out, p, bash_any_value);
    fputs(") return ;;\n"
          "    esac\n"
          "\n"
          "    if [[ $cur == -* ]]; then\n"
          "        local opts='",
          out);
    for (const cli_option *o = p->globals; o->name; o++)
        fprintf(out, "%s--%s", o == p->globals ? "" : " ", o->name);
    fputs("'\n"
          "        case $at in\n",
          out);
    each_command(out, p, bash_options_of, NULL);
    fputs("        esac\n"
          "        COMPREPLY=($(compgen -W \"$opts\" -- \"$cur\"))\n"
          "        return\n"
          "    fi\n"
          "\n"
          "    # A command, a subcommand, or a command's first argument.\n"
          "    case ${#pos[@]}/$at in\n"
          "        0//) _powerchain_value words '",
          out);
    for (const cli_command *c = p->commands; c->name; c++)
        fprintf(out, "%s%s", c == p->commands ? "" : " ", c->name);
    fputs("' ;;\n", out);
    for (const cli_command *c = p->commands; c->name; c++) {
        if (!c->subcommands)
            continue;
        fprintf(out, "        1/%s/) _powerchain_value words '", c->name);
        for (const cli_command *s = c->subcommands; s->name; s++)
            fprintf(out, "%s%s", s == c->subcommands ? "" : " ", s->name);
        fputs("' ;;\n", out);
    }
    each_command(out, p, bash_first_argument, (void *)p);
    fprintf(out, "    esac\n"
                 "}\n"
                 "complete -F _powerchain %s\n",
            PROG);
    return !ferror(out);
}

/* ---- zsh --------------------------------------------------------------- */

static const char *zsh_action(cli_complete k)
{
    switch (k) {
    case CLI_COMPLETE_NONE: return " ";
    case CLI_COMPLETE_FILE: return "_files";
    case CLI_COMPLETE_DIR: return "_files -/";
    case CLI_COMPLETE_NODE: return "_powerchain_node";
    case CLI_COMPLETE_NETWORK: return "_powerchain_networks";
    case CLI_COMPLETE_CALL_METHOD: return "_powerchain_methods call";
    case CLI_COMPLETE_SEND_METHOD: return "_powerchain_methods send vote";
    case CLI_COMPLETE_CONTACT: return "_powerchain_contacts";
    case CLI_COMPLETE_ACCOUNT: return "_powerchain_accounts";
    case CLI_COMPLETE_COMMAND: return "_powerchain_commands";
    case CLI_COMPLETE_CHOICES: return NULL; /* the choices themselves */
    }
    return " ";
}

/* One option as _arguments takes it, on a line of its own. */
static void zsh_option(FILE *out, const cli_option *o, const char *indent)
{
    fputs(indent, out);
    if (o->short_name)
        fprintf(out, "'(-%c --%s)'{-%c,--%s}'[", o->short_name, o->name, o->short_name,
                o->name);
    else
        fprintf(out, "'%s--%s%s[", o->kind == CLI_OPTION_LIST ? "*" : "", o->name,
                o->kind == CLI_OPTION_FLAG ? "" : "=");
    quoted(out, o->summary, "[]");
    fputc(']', out);
    if (o->kind != CLI_OPTION_FLAG) {
        fputc(':', out);
        quoted(out, o->value_name, ":");
        fputc(':', out);
        const char *action = zsh_action(o->complete);
        if (action)
            fputs(action, out);
        else
            fprintf(out, "(%s)", o->choices);
    }
    fputs("'\n", out);
}

/* The positional arguments of c, numbered from `first`. */
static void zsh_positionals(FILE *out, const cli_command *c, int first, const char *indent)
{
    int n = c->max_args < 0 ? 1 : c->max_args;
    for (int i = 0; i < n; i++) {
        char word[64];
        synopsis_word(c->synopsis, i, word, sizeof word);
        fprintf(out, "%s'%d:", indent, first + i);
        quoted(out, word, ":");
        fprintf(out, ":%s'\n", i == 0 ? zsh_action(c->complete) : " ");
    }
    if (c->max_args < 0)
        fprintf(out, "%s'*:argument: '\n", indent);
}

/* A list of `name:summary` items for _describe, or, with in_action, the
 * `((name\:"summary" ...))` of an _arguments action. */
static void zsh_items(FILE *out, const cli_command *list, bool in_action, const char *indent)
{
    for (const cli_command *c = list; c->name; c++) {
        if (in_action) {
            fprintf(out, "%s%s\\:\"", c == list ? "" : indent, c->name);
            quoted(out, c->summary, "\"\\");
            fputs(c[1].name ? "\"\n" : "\"", out);
        } else {
            fprintf(out, "%s'%s:", indent, c->name);
            quoted(out, c->summary, "");
            fputs("'\n", out);
        }
    }
}

static void zsh_own_options(FILE *out, const cli_command *c, const char *indent)
{
    for (const cli_option *o = c->options; o && o->name; o++)
        zsh_option(out, o, indent);
}

bool complete_zsh(FILE *out, const cli_program *p)
{
    fprintf(out,
            "#compdef %s\n"
            "# zsh completion for %s, written from its command table (cli/commands.c)\n"
            "# by cli/gen_completions.c when it is built: change the table, not this file.\n"
            "\n"
            "# Contract methods of the kinds named in $@ (call, send, vote: the first\n"
            "# column of `methods`), with their summaries.\n"
            "_powerchain_methods() {\n"
            "    local -a methods\n"
            "    methods=(${(f)\"$(_call_program methods $_powerchain_prog methods 2>/dev/null |\n"
            "        awk -F '  +' -v kinds=\" $* \" 'index(kinds, \" \" substr($1, 1, index($1, \" \") - 1) \" \") {\n"
            "            split($1, head, \" \"); gsub(/:/, \"\\\\:\", head[2]); print head[2] \":\" $2 }')\"})\n"
            "    _describe -t methods 'contract method' methods\n"
            "}\n"
            "\n"
            "_powerchain_networks() {\n"
            "    local -a networks\n"
            "    networks=(${(f)\"$(_call_program networks $_powerchain_prog networks 2>/dev/null |\n"
            "        awk 'NR > 1 { print ($1 == \"*\" ? $2 : $1) }')\"})\n"
            "    _wanted networks expl 'network' compadd -a networks\n"
            "}\n"
            "\n"
            "_powerchain_contacts() {\n"
            "    local -a contacts\n"
            "    contacts=(${(f)\"$(_call_program contacts $_powerchain_prog contacts list --csv 2>/dev/null |\n"
            "        awk -F, 'NR > 1 { print $1 }')\"})\n"
            "    _wanted contacts expl 'contact' compadd -a contacts\n"
            "}\n"
            "\n"
            "_powerchain_accounts() {\n"
            "    local -a accounts\n"
            "    accounts=(${(f)\"$(_call_program accounts $_powerchain_prog account list --csv 2>/dev/null |\n"
            "        awk -F, 'NR > 1 && $2 != \"\" { print $2 }')\"})\n"
            "    _wanted accounts expl 'account' compadd -a accounts\n"
            "}\n"
            "\n"
            "_powerchain_commands() {\n"
            "    _describe -t commands 'powerchain command' commands\n"
            "}\n"
            "\n"
            "# A node's socket is a file; a URL is anything.\n"
            "_powerchain_node() {\n"
            "    [[ $PREFIX == [/.]* ]] && _files\n"
            "}\n"
            "\n"
            "_powerchain() {\n"
            "    local curcontext=$curcontext state state_descr line ret=1\n"
            "    local _powerchain_prog=$words[1]\n"
            "    typeset -A opt_args\n"
            "    local -a globals commands own\n"
            "    globals=(\n",
            PROG, PROG);
    for (const cli_option *o = p->globals; o->name; o++)
        zsh_option(out, o, "        ");
    fputs("    )\n"
          "    commands=(\n",
          out);
    zsh_items(out, p->commands, false, "        ");
    fputs("    )\n"
          "\n"
          "    _arguments -C -S $globals '1:command:->command' '*::argument:->argument' && ret=0\n"
          "    case $state in\n"
          "    command)\n"
          "        _describe -t commands 'powerchain command' commands && ret=0 ;;\n"
          "    argument)\n"
          "        # Global options may follow the command as well: each command's own\n"
          "        # specifications are added to them.\n"
          "        local cmd=$words[1]\n"
          "        curcontext=${curcontext%:*:*}:powerchain-$cmd:\n"
          "        case $cmd in\n",
          out);
    for (const cli_command *c = p->commands; c->name; c++) {
        fprintf(out, "        %s)\n            own=(\n", c->name);
        if (c->subcommands) {
            fputs("                '1:subcommand:((", out);
            zsh_items(out, c->subcommands, true, "                    ");
            fputs("))'\n            )\n            case $words[2] in\n", out);
            for (const cli_command *s = c->subcommands; s->name; s++) {
                fprintf(out, "            %s)\n                own+=(\n", s->name);
                zsh_positionals(out, s, 2, "                    ");
                zsh_own_options(out, s, "                    ");
                fputs("                ) ;;\n", out);
            }
            fputs("            esac ;;\n", out);
        } else {
            zsh_positionals(out, c, 1, "                ");
            zsh_own_options(out, c, "                ");
            fputs("            ) ;;\n", out);
        }
    }
    fprintf(out, "        esac\n"
                 "        _arguments -S $globals $own && ret=0 ;;\n"
                 "    esac\n"
                 "    return ret\n"
                 "}\n"
                 "\n"
                 "_%s \"$@\"\n",
            PROG);
    return !ferror(out);
}

/* ---- fish -------------------------------------------------------------- */

static void fish_skip(FILE *out, const cli_option *o, bool first)
{
    (void)first;
    fprintf(out, " --%s", o->name);
}

/* -a and the like for a value or an argument of kind k. */
static const char *fish_kind(cli_complete k)
{
    switch (k) {
    case CLI_COMPLETE_NONE: return "";
    case CLI_COMPLETE_FILE: return " -F";
    case CLI_COMPLETE_DIR: return " -a '(__fish_complete_directories)'";
    case CLI_COMPLETE_NODE: return "";
    case CLI_COMPLETE_NETWORK: return " -a '(__powerchain_networks)'";
    case CLI_COMPLETE_CALL_METHOD: return " -a '(__powerchain_methods call)'";
    case CLI_COMPLETE_SEND_METHOD: return " -a '(__powerchain_methods send vote)'";
    case CLI_COMPLETE_CONTACT: return " -a '(__powerchain_contacts)'";
    case CLI_COMPLETE_ACCOUNT: return " -a '(__powerchain_accounts)'";
    case CLI_COMPLETE_COMMAND: return " -a '(__powerchain_commands)'";
    case CLI_COMPLETE_CHOICES: return NULL;
    }
    return "";
}

static void fish_description(FILE *out, const char *summary)
{
    fputs(" -d '", out);
    for (const char *s = summary; *s; s++) {
        if (*s == '\'' || *s == '\\')
            fputc('\\', out);
        fputc(*s, out);
    }
    fputs("'\n", out);
}

/* condition: NULL for none. */
static void fish_option(FILE *out, const cli_option *o, const char *condition)
{
    fprintf(out, "complete -c %s", PROG);
    if (condition)
        fprintf(out, " -n '%s'", condition);
    if (o->short_name)
        fprintf(out, " -s %c", o->short_name);
    fprintf(out, " -l %s", o->name);
    if (o->kind != CLI_OPTION_FLAG) {
        const char *kind = fish_kind(o->complete);
        if (o->complete == CLI_COMPLETE_FILE)
            fputs(" -r -F", out);
        else if (kind)
            fprintf(out, " -x%s", kind);
        else
            fprintf(out, " -x -a '%s'", o->choices);
    }
    fish_description(out, o->summary);
}

static void fish_command(FILE *out, const cli_command *group, const cli_command *c, void *user)
{
    (void)user;
    char words[96], in[128], at[128];
    snprintf(words, sizeof words, "%s%s%s", group ? group->name : c->name, group ? " " : "",
             group ? c->name : "");
    snprintf(in, sizeof in, "__powerchain_in %s", words);
    snprintf(at, sizeof at, "__powerchain_at %s", words);
    const char *kind = fish_kind(c->complete);
    if (c->complete != CLI_COMPLETE_NONE && kind)
        fprintf(out, "complete -c %s -n '%s'%s\n", PROG, at, kind);
    for (const cli_option *o = c->options; o && o->name; o++)
        fish_option(out, o, in);
}

bool complete_fish(FILE *out, const cli_program *p)
{
    fprintf(out,
            "# fish completion for %s, written from its command table (cli/commands.c)\n"
            "# by cli/gen_completions.c when it is built: change the table, not this file.\n"
            "\n"
            "# The words typed so far that are neither options nor an option's value:\n"
            "# the command, then its arguments.\n"
            "function __powerchain_words\n"
            "    set -l skip 0\n"
            "    for w in (commandline -opc)[2..-1]\n"
            "        if test $skip = 1\n"
            "            set skip 0\n"
            "            continue\n"
            "        end\n"
            "        switch $w\n"
            "            case",
            PROG);
    each_value_option(out, p, fish_skip);
    fputs("\n"
          "                set skip 1\n"
          "            case '-*'\n"
          "            case '*'\n"
          "                echo $w\n"
          "        end\n"
          "    end\n"
          "end\n"
          "\n"
          "# __powerchain_at WORDS...: the words so far are exactly WORDS; with no\n"
          "# WORDS, none has been typed yet.\n"
          "function __powerchain_at\n"
          "    set -l typed (__powerchain_words)\n"
          "    test (count $typed) = (count $argv); or return 1\n"
          "    for i in (seq (count $argv))\n"
          "        test \"$argv[$i]\" = \"$typed[$i]\"; or return 1\n"
          "    end\n"
          "end\n"
          "\n"
          "# __powerchain_in COMMAND [SUBCOMMAND]: the first word is COMMAND (and the\n"
          "# second SUBCOMMAND).\n"
          "function __powerchain_in\n"
          "    set -l typed (__powerchain_words)\n"
          "    test \"$typed[1]\" = $argv[1]; or return 1\n"
          "    test (count $argv) = 1; or test \"$typed[2]\" = $argv[2]\n"
          "end\n"
          "\n"
          "# Contract methods of the kinds in $argv (call, send, vote: the first column\n"
          "# of `methods`), each with its summary.\n"
          "function __powerchain_methods\n"
          "    set -l prog (commandline -opc)[1]\n"
          "    $prog methods 2>/dev/null | awk -F '  +' -v kinds=\" $argv \" '\n"
          "        index(kinds, \" \" substr($1, 1, index($1, \" \") - 1) \" \") {\n"
          "            split($1, head, \" \"); print head[2] \"\\t\" $2 }'\n"
          "end\n"
          "\n"
          "function __powerchain_networks\n"
          "    set -l prog (commandline -opc)[1]\n"
          "    $prog networks 2>/dev/null | awk 'NR > 1 { print ($1 == \"*\" ? $2 : $1) }'\n"
          "end\n"
          "\n"
          "function __powerchain_contacts\n"
          "    set -l prog (commandline -opc)[1]\n"
          "    $prog contacts list --csv 2>/dev/null | awk -F, 'NR > 1 { print $1 }'\n"
          "end\n"
          "\n"
          "function __powerchain_accounts\n"
          "    set -l prog (commandline -opc)[1]\n"
          "    $prog account list --csv 2>/dev/null | awk -F, 'NR > 1 && $2 != \"\" { print $2 }'\n"
          "end\n"
          "\n"
          "function __powerchain_commands\n"
          "    printf '%s\\n'",
          out);
    for (const cli_command *c = p->commands; c->name; c++)
        fprintf(out, " %s", c->name);
    fprintf(out, "\n"
                 "end\n"
                 "\n"
                 "complete -c %s -f\n"
                 "\n"
                 "# Global options.\n",
            PROG);
    for (const cli_option *o = p->globals; o->name; o++)
        fish_option(out, o, NULL);
    fputs("\n# Commands and subcommands.\n", out);
    for (const cli_command *c = p->commands; c->name; c++) {
        fprintf(out, "complete -c %s -n __powerchain_at -a %s", PROG, c->name);
        fish_description(out, c->summary);
        for (const cli_command *s = c->subcommands; s && s->name; s++) {
            fprintf(out, "complete -c %s -n '__powerchain_at %s' -a %s", PROG, c->name, s->name);
            fish_description(out, s->summary);
        }
    }
    fputs("\n# Each command's first argument and its own options.\n", out);
    each_command(out, p, fish_command, NULL);
    return !ferror(out);
}
