/* Shared helpers of the libFuzzer targets. A broken invariant aborts, which
 * libFuzzer reports as a crash together with the input that caused it. */
#ifndef PC_FUZZ_H
#define PC_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "eth/error.h"

#define FUZZ_CHECK(cond)                                                                  \
    do {                                                                                  \
        if (!(cond)) {                                                                    \
            fprintf(stderr, "invariant failed: %s (%s:%d)\n", #cond, __FILE__, __LINE__); \
            abort();                                                                      \
        }                                                                                 \
    } while (0)

/* Every failure must say what went wrong in words: a status other than OK
 * and a non-empty, NUL-terminated message. */
static inline void fuzz_check_error(pc_status st, const pc_error *err)
{
    FUZZ_CHECK(st != PC_OK);
    FUZZ_CHECK(err->status == st);
    FUZZ_CHECK(memchr(err->msg, '\0', sizeof err->msg) != NULL);
    FUZZ_CHECK(err->msg[0] != '\0');
}

/* The input as a NUL-terminated string (parsers of typed text take C
 * strings); caller frees. */
static inline char *fuzz_cstring(const uint8_t *data, size_t size)
{
    char *s = malloc(size + 1);
    if (!s)
        abort();
    memcpy(s, data, size);
    s[size] = '\0';
    return s;
}

#endif
