#include "eth/error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static pc_cause usual_cause(pc_status status)
{
    switch (status) {
    case PC_OK: return PC_CAUSE_NONE;
    case PC_EINPUT: return PC_CAUSE_INPUT;
    case PC_EDATA:
    case PC_ENODE: return PC_CAUSE_MALFORMED;
    case PC_ETX: return PC_CAUSE_REVERTED;
    case PC_EKEY: return PC_CAUSE_KEY;
    case PC_EIO: return PC_CAUSE_IO;
    case PC_ENOMEM: return PC_CAUSE_NOMEM;
    case PC_ETIMEOUT: return PC_CAUSE_TIMEOUT;
    }
    return PC_CAUSE_NONE;
}

static pc_status vfail(pc_error *err, pc_status status, pc_cause cause, long rpc_code,
                       const char *fmt, va_list ap)
{
    if (err) {
        vsnprintf(err->msg, sizeof err->msg, fmt, ap);
        err->status = status;
        err->cause = cause;
        err->rpc_code = rpc_code;
    }
    return status;
}

pc_status pc_fail(pc_error *err, pc_status status, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vfail(err, status, usual_cause(status), 0, fmt, ap);
    va_end(ap);
    return status;
}

pc_status pc_fail_cause(pc_error *err, pc_status status, pc_cause cause, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vfail(err, status, cause, 0, fmt, ap);
    va_end(ap);
    return status;
}

pc_status pc_fail_refused(pc_error *err, long rpc_code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vfail(err, PC_ENODE, PC_CAUSE_REFUSED, rpc_code, fmt, ap);
    va_end(ap);
    return PC_ENODE;
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
        err->cause = PC_CAUSE_NONE;
        err->rpc_code = 0;
        err->msg[0] = '\0';
    }
}

pc_status pc_error_copy(pc_error *dst, const pc_error *src)
{
    if (dst)
        *dst = *src;
    return src->status;
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
