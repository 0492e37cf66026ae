#include "eth/text.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

static bool is_bidi_format(uint32_t cp)
{
    return cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
           (cp >= 0x2066 && cp <= 0x2069);
}

size_t text_char_len(const char *s, size_t avail)
{
    const unsigned char *u = (const unsigned char *)s;
    if (avail == 0)
        return 0;
    if (u[0] < 0x80)
        return u[0] >= 0x20 && u[0] != 0x7f ? 1 : 0;
    size_t n = u[0] >= 0xF8 ? 0 : u[0] >= 0xF0 ? 4 : u[0] >= 0xE0 ? 3 : u[0] >= 0xC0 ? 2 : 0;
    if (n == 0 || n > avail)
        return 0;
    uint32_t cp = u[0] & (0x7Fu >> n);
    for (size_t i = 1; i < n; i++) {
        if ((u[i] & 0xC0) != 0x80)
            return 0;
        cp = cp << 6 | (u[i] & 0x3Fu);
    }
    static const uint32_t least[5] = { 0, 0, 0x80, 0x800, 0x10000 };
    bool ok = cp >= least[n] && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF) &&
              !(cp >= 0x80 && cp <= 0x9F) && !is_bidi_format(cp);
    return ok ? n : 0;
}

size_t text_refused_len(const char *s, size_t avail)
{
    size_t n = 1;
    while (n < avail && ((unsigned char)s[n] & 0xC0) == 0x80)
        n++;
    return n;
}

void text_sanitize(char *s)
{
    size_t left = strlen(s), in = 0, out = 0;
    while (in < left) {
        size_t n = text_char_len(s + in, left - in);
        if (n) {
            memmove(s + out, s + in, n);
            out += n;
            in += n;
        } else {
            s[out++] = '?';
            in += text_refused_len(s + in, left - in);
        }
    }
    s[out] = '\0';
}

void text_print(FILE *out, const char *s)
{
    size_t left = strlen(s), in = 0;
    while (in < left) {
        size_t n = text_char_len(s + in, left - in);
        if (n) {
            fwrite(s + in, 1, n, out);
            in += n;
        } else {
            fputc('?', out);
            in += text_refused_len(s + in, left - in);
        }
    }
}
