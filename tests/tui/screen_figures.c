#include "screen_figures.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "rpcclient/units.h"
#include "tui/table.h"

/* An open-addressing set of strings. */
struct figures {
    char **slots;
    size_t cap, n;
};

figures *figures_new(void)
{
    figures *f = calloc(1, sizeof *f);
    if (f && !(f->slots = calloc(f->cap = 1024, sizeof *f->slots))) {
        free(f);
        return NULL;
    }
    return f;
}

void figures_free(figures *f)
{
    if (!f)
        return;
    for (size_t i = 0; i < f->cap; i++)
        free(f->slots[i]);
    free(f->slots);
    free(f);
}

static uint64_t hash(const char *s)
{
    uint64_t h = 1469598103934665603ull;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return h;
}

static char **slot(char **slots, size_t cap, const char *text)
{
    size_t i = hash(text) & (cap - 1);
    while (slots[i] && strcmp(slots[i], text) != 0)
        i = (i + 1) & (cap - 1);
    return &slots[i];
}

static void grow(figures *f)
{
    size_t cap = f->cap * 2;
    char **slots = calloc(cap, sizeof *slots);
    if (!slots)
        abort();
    for (size_t i = 0; i < f->cap; i++)
        if (f->slots[i])
            *slot(slots, cap, f->slots[i]) = f->slots[i];
    free(f->slots);
    f->slots = slots;
    f->cap = cap;
}

void figures_add(figures *f, const char *text)
{
    if ((f->n + 1) * 2 > f->cap)
        grow(f);
    char **s = slot(f->slots, f->cap, text);
    if (*s)
        return;
    if (!(*s = strdup(text)))
        abort();
    f->n++;
}

bool figures_has(const figures *f, const char *text) { return *slot(f->slots, f->cap, text); }

void figures_amount(figures *f, const u256 *v, pc_unit u)
{
    char t[PC_UNIT_TEXT_MAX];
    pc_format_unit(v, u, t, sizeof t);
    figures_add(f, t);
    pc_format_unit_number(v, u, t, sizeof t);
    figures_add(f, t);
}

void figures_text(figures *f, const char *text)
{
    size_t pos = 0, len = strlen(text);
    figure fg;
    while (figure_next(text, len, &pos, &fg)) {
        if (fg.kind == FIGURE_HEX)
            continue;
        char *s = strndup(text + fg.at, fg.len);
        if (!s)
            abort();
        figures_add(f, s);
        /* The number alone too: a line may part it from its unit when
         * the two do not fit on one together. */
        size_t digits = strspn(s, "0123456789.");
        if (fg.unit && digits < fg.len) {
            s[digits] = '\0';
            figures_add(f, s);
        }
        free(s);
    }
}

/* ---- reading ---- */

static bool word_char(char c) { return isalnum((unsigned char)c) || c == '_'; }
static bool hex_char(char c) { return isxdigit((unsigned char)c); }

/* The length of the duration unit ("h", "min", "s") at p, else 0. */
static size_t duration_unit(const char *p, const char *end)
{
    size_t n = table_unit_at(p);
    if (!n || p + n > end)
        return 0;
    return (n == 1 && (p[0] == 'h' || p[0] == 's')) || (n == 3 && strncmp(p, "min", 3) == 0)
               ? n
               : 0;
}

/* Digits then maybe a point and digits, from p; returns the end. */
static const char *number_end(const char *p, const char *end, bool *integer)
{
    while (p < end && isdigit((unsigned char)*p))
        p++;
    *integer = true;
    if (p + 1 < end && *p == '.' && isdigit((unsigned char)p[1])) {
        *integer = false;
        p++;
        while (p < end && isdigit((unsigned char)*p))
            p++;
    }
    return p;
}

bool figure_next(const char *line, size_t len, size_t *pos, figure *out)
{
    const char *end = line + len;
    size_t i = *pos;
    while (i < len) {
        char c = line[i];
        bool after_word = i > 0 && (word_char(line[i - 1]) || line[i - 1] == '.');
        if (c == '0' && i + 1 < len && line[i + 1] == 'x' && !after_word) {
            size_t j = i + 2;
            while (j < len && hex_char(line[j]))
                j++;
            /* A short address: "0x90F7..b906". */
            if (j - i == 6 && j + 6 <= len && line[j] == '.' && line[j + 1] == '.' &&
                hex_char(line[j + 2]) && hex_char(line[j + 3]) && hex_char(line[j + 4]) &&
                hex_char(line[j + 5]))
                j += 6;
            *out = (figure){ FIGURE_HEX, i, j - i, false, false };
            *pos = j;
            return true;
        }
        if (hex_char(c) && !after_word) {
            /* A run of 24 or more hex digits with a letter among them: a
             * bare address or hash (a contract's text writes them so). */
            size_t j = i;
            bool letter = false;
            while (j < len && hex_char(line[j]))
                letter |= isalpha((unsigned char)line[j++]);
            if (j - i >= 24 && letter && (j == len || !word_char(line[j]))) {
                *out = (figure){ FIGURE_HEX, i, j - i, false, false };
                *pos = j;
                return true;
            }
        }
        if (!isdigit((unsigned char)c) || after_word) {
            /* Skip the rest of a word: digits inside one are not figures. */
            if (word_char(c))
                while (i < len && word_char(line[i]))
                    i++;
            else
                i++;
            continue;
        }
        bool integer;
        const char *p = number_end(line + i, end, &integer);
        if (!integer && p + 1 < end && *p == '.' && isdigit((unsigned char)p[1])) {
            /* "127.0.0.1", "1.2.3": a host or a version, no figure. */
            while (p < end && (isdigit((unsigned char)*p) || *p == '.'))
                p++;
            i = (size_t)(p - line);
            continue;
        }
        if (p < end && word_char(*p)) {
            const char *q = p;
            while (q < end && word_char(*q))
                q++;
            *out = (figure){ FIGURE_RUNS_ON, i, (size_t)(q - line) - i, false, integer };
            *pos = (size_t)(q - line);
            return true;
        }
        bool unit = false;
        if (p < end && *p == '%') {
            p++;
            unit = true;
        } else if (p + 1 < end && *p == ' ' && table_unit_at(p + 1) &&
                   p + 1 + table_unit_at(p + 1) <= end) {
            size_t n = table_unit_at(p + 1);
            bool duration = duration_unit(p + 1, end) > 0;
            p += 1 + n;
            unit = true;
            /* "1 h 30 min", "2 min 5 s": one duration. */
            while (duration && p + 2 < end && *p == ' ' && isdigit((unsigned char)p[1])) {
                bool whole;
                const char *q = number_end(p + 1, end, &whole);
                size_t m = q + 1 < end && *q == ' ' ? duration_unit(q + 1, end) : 0;
                if (!m)
                    break;
                p = q + 1 + m;
            }
        }
        *out = (figure){ FIGURE_NUMBER, i, (size_t)(p - line) - i, unit, integer && !unit };
        *pos = (size_t)(p - line);
        return true;
    }
    return false;
}

bool figure_hex_whole(const char *line, const figure *fg)
{
    const char *s = line + fg->at;
    if (fg->len >= 2 && s[0] == '0' && s[1] == 'x') {
        size_t digits = fg->len - 2;
        /* "0x" alone is the word ("must start with 0x"). */
        return digits == 0 || digits == 40 || digits == 64 || (fg->len == 12 && s[6] == '.');
    }
    return fg->len == 40 || fg->len == 64;
}
