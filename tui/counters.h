/* The panel's own speed figures, read by bench/ scripts from the help
 * dialog: each page's last and largest draw time, and how long the last
 * refresh on a new block took, split into the snapshot read, the history
 * index step and the derivation of the past (measured on the worker thread
 * and handed over in its events). Times are in microseconds. */
#ifndef TUI_COUNTERS_H
#define TUI_COUNTERS_H

#include <stddef.h>

/* Pages past this many are not timed. */
#define TUI_COUNTERS_PAGES 16

typedef struct tui_counters {
    unsigned long draw_us[TUI_COUNTERS_PAGES];     /* the last draw of each page */
    unsigned long draw_max_us[TUI_COUNTERS_PAGES]; /* its largest */
    unsigned long snapshot_us; /* the last snapshot read */
    unsigned long index_us;    /* the index step after it */
    unsigned long past_us;     /* the past derived after that; 0 when it stood */
    unsigned long whole_reads; /* pasts read from the whole index (the first, and
                                  after a reorg or another chain), not only new blocks */
} tui_counters;

/* A monotonic clock in microseconds, for differences only. */
unsigned long tui_counters_clock_us(void);
/* Records that page `page` took `us` to draw. */
void tui_counters_drew(tui_counters *c, size_t page, unsigned long us);
/* "1 0.4/1.2  2 0.3/0.9 ...": last/largest draw in ms of pages first..first+n-1
 * (those that exist of npages), clipped to cap. */
void tui_counters_draws(const tui_counters *c, size_t first, size_t n, size_t npages, char *out,
                        size_t cap);
/* "snapshot 1.2 + index 0.8 + past 4.1 ms". */
void tui_counters_refresh(const tui_counters *c, char *out, size_t cap);

#endif
