#include "cli/fail.h"

#include <stdarg.h>
#include <stdio.h>

#include "cli/command.h"
#include "eth/text.h"

void cli_error(const char *fmt, ...)
{
    char msg[2 * PC_ERROR_MSG_MAX];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    fputs("powerchain: ", stderr);
    text_print(stderr, msg);
    fputc('\n', stderr);
}

int cli_fail(const pc_error *err)
{
    cli_error("%s", err->msg);
    return pc_exit_code(err->status);
}

int cli_fail_usage(const cli_ctx *ctx, const pc_error *err)
{
    int code = cli_fail(err);
    if (err->status == PC_EINPUT)
        cli_usage_write(stderr, ctx->group, ctx->command);
    return code;
}
