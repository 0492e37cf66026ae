/* Text from outside (node answers, events, vote strings, revert reasons,
 * key file names) on its way to a terminal: what may pass, and the one
 * rule that replaces the rest.
 *
 * A character passes when it is printable ASCII, or a well-formed UTF-8
 * sequence (shortest form, no surrogate) that is neither a C1 control
 * (U+0080 to U+009F, which terminals obey as escapes) nor a bidirectional
 * formatting character (U+061C, U+200E, U+200F, U+202A to U+202E, U+2066 to
 * U+2069, which reorder what is shown around them: an address can read
 * backwards). Everything else, C0 controls, DEL and stray bytes included,
 * becomes one '?'. */
#ifndef PC_TEXT_H
#define PC_TEXT_H

#include <stddef.h>
#include <stdio.h>

/* The length in bytes (1 to 4) of the passing character s starts with,
 * reading at most `avail` bytes; 0 when it does not pass. */
size_t text_char_len(const char *s, size_t avail);
/* The length of what does not pass at s (at least 1 byte, a refused
 * character with its continuation bytes), for the caller that replaces it
 * with one '?'. `avail` > 0. */
size_t text_refused_len(const char *s, size_t avail);
/* Replaces in place, in a NUL-terminated string, every character that does
 * not pass with '?'. The text never grows. */
void text_sanitize(char *s);
/* Writes s to out with the same replacements. */
void text_print(FILE *out, const char *s);

#endif
