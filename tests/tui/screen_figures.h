/* The screen checker's reading of figures: a set of the texts a state's
 * figures may be shown as ("1.5 ENT", "1.5", "7.857 kWh", "2 h 5 min"),
 * and a reader that finds the figures in a line of text the way a person
 * would: a number from its first digit to its last, with the unit word
 * after it, and the addresses and hashes written in hex. */
#ifndef SCREEN_FIGURES_H
#define SCREEN_FIGURES_H

#include <stdbool.h>
#include <stddef.h>

#include "eth/u256.h"
#include "rpcclient/powerchain.h"

typedef struct figures figures;

figures *figures_new(void);
void figures_free(figures *f);
/* Adds one text as it may appear. */
void figures_add(figures *f, const char *text);
/* v in unit u, with and without the unit word. */
void figures_amount(figures *f, const u256 *v, pc_unit u);
/* Every figure the reader finds in text (a texts the state holds, shown
 * as it is: an Info text, a proposal's description). */
void figures_text(figures *f, const char *text);
bool figures_has(const figures *f, const char *text);

/* A figure found in a line. */
typedef enum figure_kind {
    FIGURE_NUMBER,     /* digits, maybe a point and more digits, maybe a unit */
    FIGURE_HEX,        /* "0x" and hex digits, or a long run of hex digits */
    FIGURE_RUNS_ON,    /* a number with a letter or digit right after it */
} figure_kind;

typedef struct figure {
    figure_kind kind;
    size_t at, len;    /* in the line */
    bool unit;         /* a unit word follows (and is in at..len) */
    bool integer;      /* digits only */
} figure;

/* The next figure at or after *pos in line (len bytes); false when none.
 * *pos moves past it. */
bool figure_next(const char *line, size_t len, size_t *pos, figure *out);

/* Whether a hex figure is whole: "0x" and 40 or 64 digits, or a short
 * address "0x90F7..b906"; a run without "0x" of 40 or 64 digits. */
bool figure_hex_whole(const char *line, const figure *fg);

#endif
