/* Reads JSON text without building anything: where one top-level object or
 * array ends in a stream of bytes (a node's IPC socket writes answers back
 * to back, with or without a newline between them), and an upper bound on
 * how many values it holds (the number of nodes cJSON would allocate).
 *
 * Both let a client refuse an answer before parsing it: the scan keeps a
 * few counters whatever it is fed. It checks only the structure that
 * framing needs (strings, escapes, brackets); the parser that follows
 * checks the rest. */
#ifndef PC_JSONSCAN_H
#define PC_JSONSCAN_H

#include <stdbool.h>
#include <stddef.h>

typedef struct json_scan {
    size_t depth;   /* open brackets and braces */
    size_t values;  /* at least the values seen so far (root, and one per '[', '{', ',') */
    bool started;   /* the root's first bracket has been seen */
    bool in_string;
    bool escaped;   /* the previous byte in a string was a backslash */
    bool done;      /* the root value has ended */
    bool bad;       /* the text does not begin with an object or an array, or closes
                       more than it opened */
} json_scan;

void json_scan_init(json_scan *s);

/* Feeds n more bytes. Returns how many were taken: all of them, or fewer
 * when the root value ended inside them (s->done: the rest is what follows
 * it) or when they cannot be JSON-RPC (s->bad). Whitespace before the root
 * is skipped. */
size_t json_scan_feed(json_scan *s, const char *p, size_t n);

#endif
