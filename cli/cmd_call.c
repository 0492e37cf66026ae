#include "cli/cmd_call.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/command.h"
#include "cli/fail.h"
#include "cli/print.h"
#include "cli/readcall.h"

static const pc_method *find_method(const char *name, pc_error *err)
{
    const pc_method *m = pc_method_find(name);
    if (!m)
        pc_fail(err, PC_EINPUT, "unknown method \"%s\" (see powerchain methods)", name);
    return m;
}

/* call's work once its words are parsed: words[0] the method, the rest its
 * arguments as typed. */
static int cli_call(const cli_ctx *ctx, int nwords, char **words)
{
    pc_error err = { 0 };
    const pc_method *m = find_method(words[0], &err);
    if (!m)
        return cli_fail(&err);
    if (m->kind != PC_READ) {
        cli_error("%s changes the chain: use powerchain send %s", m->name, m->name);
        return 2;
    }
    return cli_read_method(ctx, m, nwords - 1, words + 1);
}

int cmd_call(const cli_ctx *ctx, int argc, char **argv)
{
    pc_error err = { 0 };
    cli_args args;
    if (cli_command_args(ctx, argc, argv, NULL, &args, &err) != PC_OK)
        return cli_fail_usage(ctx, &err);
    int code = cli_call(ctx, args.count, args.word);
    cli_args_free(&args);
    return code;
}

static const char *kind_word(pc_method_kind k)
{
    switch (k) {
    case PC_READ: return "call";
    case PC_TX: return "send";
    case PC_VOTE: return "vote";
    }
    return "";
}

int cmd_methods(const cli_ctx *ctx, int argc, char **argv)
{
    pc_error err = { 0 };
    if (cli_command_args(ctx, argc, argv, NULL, NULL, &err) != PC_OK)
        return cli_fail_usage(ctx, &err);
    size_t n;
    const pc_method *all = pc_methods(&n);
    if (ctx->json) {
        cJSON *arr = cJSON_CreateArray();
        for (size_t i = 0; arr && i < n; i++) {
            cJSON *o = cJSON_CreateObject();
            cJSON_AddStringToObject(o, "name", all[i].name);
            cJSON_AddStringToObject(o, "kind", kind_word(all[i].kind));
            cJSON_AddStringToObject(o, "arguments", all[i].usage);
            cJSON_AddStringToObject(o, "summary", all[i].summary);
            cJSON_AddItemToArray(arr, o);
        }
        return print_json_records(arr, 4, &err) == PC_OK ? 0 : cli_fail(&err);
    }
    for (size_t i = 0; i < n; i++) {
        char head[80];
        snprintf(head, sizeof head, "%s %s %s", kind_word(all[i].kind), all[i].name,
                 all[i].usage);
        printf("%-52s %s\n", head, all[i].summary);
    }
    puts("\n(\"vote\" methods are sent with powerchain send; they act once more than half "
         "of the voters agree)");
    return 0;
}
