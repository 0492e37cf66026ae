/* One error type for every layer: a status that says what kind of failure
 * happened (and so which exit code the command line returns) and a message
 * written for the person at the keyboard. Functions that can fail return a
 * pc_status and fill a caller-owned pc_error; passing NULL for the pc_error is
 * allowed when the caller only needs the status. */
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

#define PC_ERROR_MSG_MAX 512

typedef struct pc_error {
    pc_status status;
    char msg[PC_ERROR_MSG_MAX];
} pc_error;

/* Sets status and a printf-formatted message; returns status so that
 * callers can write `return pc_fail(err, PC_EINPUT, "...")`. */
pc_status pc_fail(pc_error *err, pc_status status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Puts `context: ` in front of the existing message, keeping the status. */
pc_status pc_error_prefix(pc_error *err, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

void pc_error_clear(pc_error *err);

/* The command line's exit code for a status: 0 ok, 1 transaction failed,
 * 2 bad input, 3 node or network failure, 4 anything else. */
int pc_exit_code(pc_status status);

#endif
