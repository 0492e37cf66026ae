/* One error type for every layer: a status that says what kind of failure
 * happened (and so which exit code the command line returns), a cause that
 * says precisely what happened, and a message written for the person at the
 * keyboard. Callers decide by status and cause, never by the message text.
 * Functions that can fail return a pc_status and fill a caller-owned
 * pc_error; passing NULL for the pc_error is allowed when the caller only
 * needs the status. */
#ifndef PC_ERROR_H
#define PC_ERROR_H

typedef enum pc_status {
    PC_OK = 0,
    PC_EINPUT,    /* the person's input is wrong (argument, field, option) */
    PC_EDATA,     /* outside data is malformed (node answer, file, ABI data) */
    PC_ENODE,     /* node unreachable, HTTP failure, JSON-RPC error */
    PC_ETX,       /* a transaction failed: Error event or revert */
    PC_EKEY,      /* keystore: wrong password, locked, MAC mismatch, ... */
    PC_EIO,       /* local file system */
    PC_ENOMEM,    /* allocation failed */
    PC_ETIMEOUT,  /* a deadline passed */
} pc_status;

/* What happened, finer than the status. */
typedef enum pc_cause {
    PC_CAUSE_NONE = 0,
    PC_CAUSE_INPUT,       /* bad input from the person */
    PC_CAUSE_UNREACHABLE, /* no connection to the node, or it broke */
    PC_CAUSE_TIMEOUT,     /* the node, a receipt or a lock did not come in time */
    PC_CAUSE_HTTP,        /* the node's HTTP server answered an error status */
    PC_CAUSE_REFUSED,     /* the node answered with a JSON-RPC error (rpc_code) */
    PC_CAUSE_MALFORMED,   /* an answer or file that is not what it must be */
    PC_CAUSE_WRONG_CHAIN, /* the node is on another chain than expected */
    PC_CAUSE_REVERTED,    /* a call or transaction reverted */
    PC_CAUSE_ERROR_EVENT, /* a mined transaction emitted the contract's Error */
    PC_CAUSE_LOST,        /* a signed transaction can never be mined */
    PC_CAUSE_CANCELLED,   /* the person said no */
    PC_CAUSE_KEY,         /* keystore failure */
    PC_CAUSE_IO,          /* local file system */
    PC_CAUSE_NOMEM,       /* allocation failed */
} pc_cause;

#define PC_ERROR_MSG_MAX 512

typedef struct pc_error {
    pc_status status;
    pc_cause cause;
    long rpc_code;        /* PC_CAUSE_REFUSED: the node's JSON-RPC error code, else 0 */
    char msg[PC_ERROR_MSG_MAX];
} pc_error;

/* Sets status, the status's usual cause (EINPUT input, EDATA and ENODE
 * malformed, ETX reverted, ETIMEOUT timeout, EKEY key, EIO io, ENOMEM
 * nomem), rpc_code 0 and a printf-formatted message; returns status so that
 * callers can write `return pc_fail(err, PC_EINPUT, "...")`. */
pc_status pc_fail(pc_error *err, pc_status status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* As pc_fail with a cause given by the caller. */
pc_status pc_fail_cause(pc_error *err, pc_status status, pc_cause cause, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* A JSON-RPC error object from the node: PC_ENODE, PC_CAUSE_REFUSED and
 * its code. */
pc_status pc_fail_refused(pc_error *err, long rpc_code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Puts `context: ` in front of the existing message, keeping status and cause. */
pc_status pc_error_prefix(pc_error *err, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

void pc_error_clear(pc_error *err);

/* Copies src into dst (when dst is not NULL) and returns src's status:
 * `return pc_error_copy(err, &sub);` passes on a failure kept aside. */
pc_status pc_error_copy(pc_error *dst, const pc_error *src);

/* The command line's exit code for a status: 0 ok, 1 transaction failed,
 * 2 bad input, 3 node or network failure, 4 anything else. */
int pc_exit_code(pc_status status);

#endif
