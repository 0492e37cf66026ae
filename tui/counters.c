#include "tui/counters.h"

#include <stdio.h>
#include <time.h>

unsigned long tui_counters_clock_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (unsigned long)ts.tv_sec * 1000000ul + (unsigned long)ts.tv_nsec / 1000ul;
}

void tui_counters_drew(tui_counters *c, size_t page, unsigned long us)
{
    if (page >= TUI_COUNTERS_PAGES)
        return;
    c->draw_us[page] = us;
    if (us > c->draw_max_us[page])
        c->draw_max_us[page] = us;
}

/* Milliseconds with one decimal, from integer microseconds. */
static int ms(char *out, size_t cap, unsigned long us)
{
    return snprintf(out, cap, "%lu.%lu", us / 1000ul, us % 1000ul / 100ul);
}

void tui_counters_draws(const tui_counters *c, size_t first, size_t n, size_t npages, char *out,
                        size_t cap)
{
    size_t len = 0;
    out[0] = '\0';
    for (size_t i = first; i < first + n && i < npages && i < TUI_COUNTERS_PAGES; i++) {
        char last[24], max[24];
        ms(last, sizeof last, c->draw_us[i]);
        ms(max, sizeof max, c->draw_max_us[i]);
        int k = snprintf(out + len, cap - len, "%s%zu %s/%s", len ? "  " : "", i + 1, last, max);
        if (k < 0 || (size_t)k >= cap - len)
            return;
        len += (size_t)k;
    }
}

void tui_counters_refresh(const tui_counters *c, char *out, size_t cap)
{
    char s[24], i[24], p[24];
    ms(s, sizeof s, c->snapshot_us);
    ms(i, sizeof i, c->index_us);
    ms(p, sizeof p, c->past_us);
    snprintf(out, cap, "snapshot %s + index %s + past %s ms", s, i, p);
}
