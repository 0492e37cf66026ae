/* Command-line options in any position: "--name value", "--name=value",
 * flags "--name" (or "-y"), and "--" ending the options. Arguments that
 * look like negative numbers ("-5") are ordinary arguments, so that their
 * parser can say what is wrong with them.
 *
 * An option table is data (the command table, cli/commands.c, holds every
 * one): each entry says what the option is called, what its value is and
 * how a shell completes it, one line for the help, and where in the
 * command's options struct the parser puts what was given. Help, usage
 * lines and the shell completions are written from the same entries. */
#ifndef PC_OPTS_H
#define PC_OPTS_H

#include <stdbool.h>
#include <stddef.h>

#include "eth/error.h"

/* What a shell offers for a value or an argument (cli/complete.h). */
typedef enum cli_complete {
    CLI_COMPLETE_NONE,        /* free text: nothing to offer */
    CLI_COMPLETE_FILE,
    CLI_COMPLETE_DIR,
    CLI_COMPLETE_NODE,        /* a node's URL, or its socket: a file from / or . */
    CLI_COMPLETE_NETWORK,     /* the configuration's networks (`networks`) */
    CLI_COMPLETE_CALL_METHOD, /* contract functions that read (`methods`) */
    CLI_COMPLETE_SEND_METHOD, /* contract functions sent as transactions or votes */
    CLI_COMPLETE_CONTACT,     /* contact names (`contacts list --csv`) */
    CLI_COMPLETE_ACCOUNT,     /* keystore account names (`account list --csv`) */
    CLI_COMPLETE_COMMAND,     /* the commands of the table */
    CLI_COMPLETE_CHOICES,     /* the words of the option's `choices` */
} cli_complete;

typedef enum cli_option_kind {
    CLI_OPTION_FLAG,          /* sets a bool */
    CLI_OPTION_VALUE,         /* sets a const char * (the last value given) */
    CLI_OPTION_LIST,          /* appends to a const char *[max] and counts in a size_t */
} cli_option_kind;

typedef struct cli_option {
    const char *name;         /* long name without dashes; NULL ends a table */
    char short_name;          /* 0 for none */
    cli_option_kind kind;
    const char *value_name;   /* the value as the help shows it ("FILE"); NULL for flags */
    cli_complete complete;    /* what completes the value */
    const char *choices;      /* CLI_COMPLETE_CHOICES: the words, space-separated */
    const char *summary;      /* one line for the help and the completions */
    size_t offset;            /* of the bool, pointer or array in the options struct */
    size_t count_offset;      /* CLI_OPTION_LIST: of its size_t count */
    size_t max;               /* CLI_OPTION_LIST: the array's room */
} cli_option;

/* Table entries for a field of the options struct `type`. */
#define CLI_FLAG(type, field, long_name, short_char, text)                                    \
    { .name = long_name, .short_name = short_char, .kind = CLI_OPTION_FLAG,                   \
      .summary = text, .offset = offsetof(type, field) }
#define CLI_VALUE(type, field, long_name, value, how, text)                                   \
    { .name = long_name, .kind = CLI_OPTION_VALUE, .value_name = value, .complete = how,      \
      .summary = text, .offset = offsetof(type, field) }
#define CLI_CHOICE(type, field, long_name, value, words, text)                                \
    { .name = long_name, .kind = CLI_OPTION_VALUE, .value_name = value,                       \
      .complete = CLI_COMPLETE_CHOICES, .choices = words, .summary = text,                    \
      .offset = offsetof(type, field) }
#define CLI_LIST(type, field, count, room, long_name, value, how, text)                       \
    { .name = long_name, .kind = CLI_OPTION_LIST, .value_name = value, .complete = how,       \
      .summary = text, .offset = offsetof(type, field), .count_offset = offsetof(type, count), \
      .max = room }
#define CLI_OPTIONS_END { .name = NULL }

/* Takes the options of `table` out of argv[0..argc), storing what was
 * given into the struct at `out`, and copies everything else, in order,
 * into rest (room for argc entries); *nrest receives the count. Options not
 * in the table are kept in rest when pass_unknown is true (a later parser
 * takes them; so is "--"), else they are PC_EINPUT. PC_EINPUT also for a
 * flag given a value, a value option without one, and a list option given
 * more than its room. */
pc_status cli_parse_options(const cli_option *table, int argc, char **argv, void *out,
                            bool pass_unknown, char **rest, int *nrest, pc_error *err);

/* Parses a whole number option value (PC_EINPUT naming the option). */
pc_status cli_parse_u64(const char *option, const char *text, unsigned long long max,
                        unsigned long long *out, pc_error *err);

#endif
