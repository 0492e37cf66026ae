#include "cli/opts.h"

#include <stdio.h>
#include <string.h>

#include "eth/u256.h"

static const cli_opt *find_long(const cli_opt *table, const char *name, size_t len)
{
    for (const cli_opt *o = table; o->name; o++)
        if (strlen(o->name) == len && strncmp(o->name, name, len) == 0)
            return o;
    return NULL;
}

static const cli_opt *find_short(const cli_opt *table, char c)
{
    for (const cli_opt *o = table; o->name; o++)
        if (o->short_name && o->short_name == c)
            return o;
    return NULL;
}

static bool looks_like_option(const char *a)
{
    return a[0] == '-' && a[1] != '\0' && !(a[1] >= '0' && a[1] <= '9') && a[1] != '.';
}

pc_status cli_parse_opts(int argc, char **argv, const cli_opt *table, bool pass_unknown,
                         char **rest, int *nrest, pc_error *err)
{
    *nrest = 0;
    bool options_done = false;
    for (int i = 0; i < argc; i++) {
        char *a = argv[i];
        if (options_done || !looks_like_option(a)) {
            rest[(*nrest)++] = a;
            continue;
        }
        if (strcmp(a, "--") == 0) {
            if (pass_unknown)
                rest[(*nrest)++] = a;
            options_done = true;
            continue;
        }
        const cli_opt *o;
        const char *inline_value = NULL;
        if (a[1] == '-') {
            const char *name = a + 2;
            const char *eq = strchr(name, '=');
            o = find_long(table, name, eq ? (size_t)(eq - name) : strlen(name));
            inline_value = eq ? eq + 1 : NULL;
        } else {
            o = a[2] == '\0' ? find_short(table, a[1]) : NULL;
        }
        if (!o) {
            if (!pass_unknown)
                return pc_fail(err, PC_EINPUT, "unknown option %s (see --help)", a);
            rest[(*nrest)++] = a;
            continue;
        }
        if (o->flag) {
            if (inline_value)
                return pc_fail(err, PC_EINPUT, "option --%s takes no value", o->name);
            *o->flag = true;
            continue;
        }
        const char *v = inline_value;
        if (!v) {
            if (i + 1 >= argc)
                return pc_fail(err, PC_EINPUT, "option --%s needs a value", o->name);
            v = argv[++i];
        }
        if (!o->list) {
            *o->value = v;
        } else if (*o->count < o->max) {
            o->list[(*o->count)++] = v;
        } else {
            return pc_fail(err, PC_EINPUT, "option --%s can be given at most %zu times", o->name,
                           o->max);
        }
    }
    return PC_OK;
}

int cli_opts_forward(const cli_opt *table, char names[][CLI_OPT_NAME_MAX], char **out)
{
    int n = 0;
    for (const cli_opt *o = table; o->name; o++, names++) {
        if (!o->value || !*o->value)
            continue;
        snprintf(*names, CLI_OPT_NAME_MAX, "--%s", o->name);
        out[n++] = *names;
        out[n++] = (char *)*o->value;
    }
    return n;
}

pc_status cli_parse_u64(const char *option, const char *text, unsigned long long max,
                        unsigned long long *out, pc_error *err)
{
    u256 v;
    uint64_t x;
    if (u256_parse_dec(text, strlen(text), &v, NULL) != PC_OK || !u256_to_u64(&v, &x) || x > max)
        return pc_fail(err, PC_EINPUT, "--%s must be a whole number up to %llu, not \"%.40s\"",
                       option, max, text);
    *out = x;
    return PC_OK;
}
