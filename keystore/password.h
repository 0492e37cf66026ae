/* Passwords (and other typed secrets) into guarded memory: from the
 * terminal without echo, or from a file named explicitly. Nothing read
 * passes through stdio buffers or ordinary heap memory. */
#ifndef PC_PASSWORD_H
#define PC_PASSWORD_H

#include <stdbool.h>

#include "eth/error.h"
#include "keystore/secret.h"

/* Longest password accepted, in bytes. */
#define PASSWORD_MAX 1024

/* Reads the first line of the file at `path` (the line end, "\n" or
 * "\r\n", is not part of it) into a new secret of exactly its length.
 * PC_EIO when the file cannot be read, PC_EINPUT when the line is longer
 * than PASSWORD_MAX. */
pc_status password_from_file(const char *path, secret **out, pc_error *err);

/* Prompts and questions reach the terminal through the sanitizer
 * (eth/text.h): they may quote a key file's name. */

/* Shows `prompt` on the controlling terminal (/dev/tty), reads one line
 * with echo off and returns it in a new secret. With `confirm_prompt` set,
 * asks a second time and fails with PC_EINPUT when the two differ. Echo is
 * restored on every path, including SIGINT, SIGTERM, SIGHUP and SIGQUIT
 * arriving while it is off (the signal then takes its default action).
 * PC_EINPUT when there is no terminal. */
pc_status password_from_tty(const char *prompt, const char *confirm_prompt, secret **out,
                            pc_error *err);

/* The password for a new key file: from `path` when not NULL, else asked
 * twice on the terminal. An empty password is refused (PC_EINPUT). */
pc_status password_new(const char *path, const char *prompt, secret **out, pc_error *err);

/* Asks a yes/no question on the terminal; *yes is true only for an answer
 * starting with y or Y. PC_EINPUT when there is no terminal. */
pc_status password_confirm_tty(const char *question, bool *yes, pc_error *err);

#endif
