/* Command-line options in any position: "--name value", "--name=value",
 * flags "--name", and "--" ending the options. Arguments that look like
 * negative numbers ("-5") are ordinary arguments, so that their parser can
 * say what is wrong with them. */
#ifndef PC_OPTS_H
#define PC_OPTS_H

#include <stdbool.h>
#include <stddef.h>

#include "eth/error.h"

typedef struct cli_opt {
    const char *name;     /* long name without dashes */
    char short_name;      /* 0 for none */
    const char **value;   /* set for options that take a value (the last one given) */
    bool *flag;           /* set for flags */
    const char **list;    /* instead of value: every value given, in order */
    size_t *count;        /* with list: how many */
    size_t max;           /* with list: its room */
} cli_opt;

#define CLI_OPT_VALUE(name, short_name, value) { name, short_name, value, NULL, NULL, NULL, 0 }
#define CLI_OPT_FLAG(name, short_name, flag) { name, short_name, NULL, flag, NULL, NULL, 0 }
#define CLI_OPT_LIST(name, list, count, max) { name, 0, NULL, NULL, list, count, max }
#define CLI_OPT_END { NULL, 0, NULL, NULL, NULL, NULL, 0 }

/* Takes the options of `table` out of argv[0..argc) and copies everything
 * else, in order, into rest (room for argc entries); *nrest receives the
 * count. Options not in the table are kept in rest when pass_unknown is
 * true (a later parser takes them), else they are PC_EINPUT. */
pc_status cli_parse_opts(int argc, char **argv, const cli_opt *table, bool pass_unknown,
                         char **rest, int *nrest, pc_error *err);

/* Room for "--" and an option's name. */
#define CLI_OPT_NAME_MAX 40

/* The value options of table that were given, back as arguments: "--name"
 * (written into names, one row per option of table) and its value for each,
 * in table order, into out (room for two per option). Returns how many
 * strings it wrote. For a command that hands its options on to another. */
int cli_opts_forward(const cli_opt *table, char names[][CLI_OPT_NAME_MAX], char **out);

/* Parses a whole number option value (PC_EINPUT naming the option). */
pc_status cli_parse_u64(const char *option, const char *text, unsigned long long max,
                        unsigned long long *out, pc_error *err);

#endif
