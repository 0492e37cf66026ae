#include "eth/error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

pc_status pc_fail(pc_error *err, pc_status status, const char *fmt, ...)
{
    if (err) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err->msg, sizeof err->msg, fmt, ap);
        va_end(ap);
        err->status = status;
    }
    return status;
}

pc_status pc_error_prefix(pc_error *err, const char *fmt, ...)
{
    if (!err)
        return PC_OK;
    char head[PC_ERROR_MSG_MAX], old[PC_ERROR_MSG_MAX];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(head, sizeof head, fmt, ap);
    va_end(ap);
    memcpy(old, err->msg, sizeof old);
    /* Joined by hand: snprintf("%s: %s") into the same size trips
     * -Wformat-truncation, and cutting the end off is what we want. */
    size_t at = 0;
    const char *parts[3] = {head, ": ", old};
    for (int i = 0; i < 3; i++) {
        size_t n = strnlen(parts[i], sizeof err->msg - 1 - at);
        memcpy(err->msg + at, parts[i], n);
        at += n;
    }
    err->msg[at] = '\0';
    return err->status;
}

void pc_error_clear(pc_error *err)
{
    if (err) {
        err->status = PC_OK;
        err->msg[0] = '\0';
    }
}

int pc_exit_code(pc_status status)
{
    switch (status) {
    case PC_OK: return 0;
    case PC_ETX: return 1;
    case PC_EINPUT: return 2;
    case PC_ENODE:
    case PC_ETIMEOUT: return 3;
    default: return 4;
    }
}
