/* Command-line options in any position: "--name value", "--name=value",
 * flags "--name", and "--" ending the options. Arguments that look like
 * negative numbers ("-5") are ordinary arguments, so that their parser can
 * say what is wrong with them. */
#ifndef PC_OPTS_H
#define PC_OPTS_H

#include <stdbool.h>

#include "eth/error.h"

typedef struct cli_opt {
    const char *name;     /* long name without dashes */
    char short_name;      /* 0 for none */
    const char **value;   /* set for options that take a value */
    bool *flag;           /* set for flags */
} cli_opt;

/* Takes the options of `table` out of argv[0..argc) and copies everything
 * else, in order, into rest (room for argc entries); *nrest receives the
 * count. Options not in the table are kept in rest when pass_unknown is
 * true (a later parser takes them), else they are PC_EINPUT. */
pc_status cli_parse_opts(int argc, char **argv, const cli_opt *table, bool pass_unknown,
                         char **rest, int *nrest, pc_error *err);

/* Parses a whole number option value (PC_EINPUT naming the option). */
pc_status cli_parse_u64(const char *option, const char *text, unsigned long long max,
                        unsigned long long *out, pc_error *err);

#endif
