/* What text from outside may reach a terminal (eth/text.h): control
 * characters of both sets, the bidi formatting characters (Unicode's list
 * in UAX #9), and malformed UTF-8 each become one '?'; letters of any script
 * pass whole. */
#include <stdlib.h>
#include <string.h>

#include "../check.h"
#include "eth/text.h"

static void check_sanitized(const char *in, const char *want)
{
    char *s = strdup(in);
    if (!s)
        abort();
    text_sanitize(s);
    CHECK_STR(s, want);
    free(s);
}

static void test_sanitize(void)
{
    check_sanitized("Info: 12 ENT", "Info: 12 ENT");
    check_sanitized("caf\xc3\xa9 \xe2\x82\xac \xe6\x97\xa5\xf0\x9f\x94\x8b", "caf\xc3\xa9 \xe2\x82\xac \xe6\x97\xa5\xf0\x9f\x94\x8b");
    /* C0: ESC [2J, CR, DEL. */
    check_sanitized("a\x1b[2Jb\rc\x7f", "a?[2Jb?c?");
    /* C1: CSI as one raw byte, and U+009B and U+0085 encoded. */
    check_sanitized("x\x9b" "2Jy", "x?2Jy");
    check_sanitized("x\xc2\x9b" "2Jy\xc2\x85z", "x?2Jy?z");
    /* Bidi: RLO U+202E, LRI U+2066, PDI U+2069, RLM U+200F, ALM U+061C. */
    check_sanitized("0x\xe2\x80\xae" "1234", "0x?1234");
    check_sanitized("\xe2\x81\xa6" "a\xe2\x81\xa9" "b\xe2\x80\x8f" "c\xd8\x9c", "?a?b?c?");
    /* Malformed: a lone lead byte, an overlong '/', a surrogate, a
     * sequence cut by the end, a 5-byte lead. */
    check_sanitized("a\xc3" "b", "a?b");
    check_sanitized("\xc0\xaf", "?");
    check_sanitized("\xed\xa0\x80" "z", "?z");
    check_sanitized("end\xe2\x82", "end?");
    check_sanitized("\xf8\x88\x80\x80\x80", "?");
}

static void test_char_len(void)
{
    CHECK(text_char_len("A", 1) == 1);
    CHECK(text_char_len("\xe2\x82\xac", 3) == 3);
    CHECK(text_char_len("\xe2\x82\xac", 2) == 0); /* cut by avail */
    CHECK(text_char_len("\xe2\x80\xad", 3) == 0); /* LRO */
    CHECK(text_char_len("", 0) == 0);
    CHECK(text_refused_len("\xe2\x80\xae" "A", 4) == 3);
    CHECK(text_refused_len("\x1b" "A", 2) == 1);
}

int main(void)
{
    test_sanitize();
    test_char_len();
    return check_summary();
}
