#include "cli/opts.h"

#include <stdio.h>
#include <string.h>

#include "eth/u256.h"

static const cli_option *find_long(const cli_option *table, const char *name, size_t len)
{
    for (const cli_option *o = table; o->name; o++)
        if (strlen(o->name) == len && strncmp(o->name, name, len) == 0)
            return o;
    return NULL;
}

static const cli_option *find_short(const cli_option *table, char c)
{
    for (const cli_option *o = table; o->name; o++)
        if (o->short_name && o->short_name == c)
            return o;
    return NULL;
}

static bool looks_like_option(const char *a)
{
    return a[0] == '-' && a[1] != '\0' && !(a[1] >= '0' && a[1] <= '9') && a[1] != '.';
}

/* Where option o keeps what it was given in the struct at out. */
static void *field(void *out, size_t offset)
{
    return (char *)out + offset;
}

static pc_status store(const cli_option *o, void *out, const char *value, pc_error *err)
{
    switch (o->kind) {
    case CLI_OPTION_FLAG:
        *(bool *)field(out, o->offset) = true;
        return PC_OK;
    case CLI_OPTION_VALUE:
        *(const char **)field(out, o->offset) = value;
        return PC_OK;
    case CLI_OPTION_LIST: {
        size_t *count = field(out, o->count_offset);
        if (*count >= o->max)
            return pc_fail(err, PC_EINPUT, "option --%s can be given at most %zu times",
                           o->name, o->max);
        ((const char **)field(out, o->offset))[(*count)++] = value;
        return PC_OK;
    }
    }
    return PC_OK;
}

pc_status cli_parse_options(const cli_option *table, int argc, char **argv, void *out,
                            bool pass_unknown, char **rest, int *nrest, pc_error *err)
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
        const cli_option *o;
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
                return pc_fail(err, PC_EINPUT, "unknown option %.60s", a);
            rest[(*nrest)++] = a;
            continue;
        }
        if (o->kind == CLI_OPTION_FLAG && inline_value)
            return pc_fail(err, PC_EINPUT, "option --%s takes no value", o->name);
        const char *v = inline_value;
        if (o->kind != CLI_OPTION_FLAG && !v) {
            if (i + 1 >= argc)
                return pc_fail(err, PC_EINPUT, "option --%s needs a value (%s)", o->name,
                               o->value_name);
            v = argv[++i];
        }
        pc_status st = store(o, out, v, err);
        if (st != PC_OK)
            return st;
    }
    return PC_OK;
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
