/* A minimal test harness: CHECK records a failure with its location and
 * keeps going; check_summary prints "N passed, N failed" and gives the exit
 * status for meson. */
#ifndef PC_TEST_CHECK_H
#define PC_TEST_CHECK_H

#include <stdio.h>
#include <string.h>

static int check_passed, check_failed;

#define CHECK(cond)                                                                  \
    do {                                                                             \
        if (cond) {                                                                  \
            check_passed++;                                                          \
        } else {                                                                     \
            check_failed++;                                                          \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
        }                                                                            \
    } while (0)

#define CHECK_STR(got, want)                                                           \
    do {                                                                               \
        const char *check_g_ = (got), *check_w_ = (want);                              \
        if (check_g_ && strcmp(check_g_, check_w_) == 0) {                             \
            check_passed++;                                                            \
        } else {                                                                       \
            check_failed++;                                                            \
            fprintf(stderr, "%s:%d: got \"%s\", want \"%s\"\n", __FILE__, __LINE__,    \
                    check_g_ ? check_g_ : "(null)", check_w_);                         \
        }                                                                              \
    } while (0)

static inline int check_summary(void)
{
    printf("%d passed, %d failed\n", check_passed, check_failed);
    return check_failed ? 1 : 0;
}

#endif
