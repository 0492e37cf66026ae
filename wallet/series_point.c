#include "wallet/series_point.h"

#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

/* The storage of a series' points, shared by reference count between the
 * series that hold it. */
struct series_block {
    atomic_size_t refs;
    size_t cap;
    series_point points[];
};

/* The block a series' points are in; NULL when it has none. */
static struct series_block *series_block_of(const series *s)
{
    return s->points ? (struct series_block *)((char *)s->points -
                                               offsetof(struct series_block, points))
                     : NULL;
}

static void block_unref(struct series_block *b)
{
    if (b && atomic_fetch_sub_explicit(&b->refs, 1, memory_order_acq_rel) == 1)
        free(b);
}

/* A larger block with the points so far. The old one stays with the series
 * that share it (a replay writes only where no other holder reads). */
static bool grow(series *s)
{
    struct series_block *old = series_block_of(s);
    size_t cap = old ? 2 * old->cap : 16;
    if (cap > (SIZE_MAX - sizeof(struct series_block)) / sizeof(series_point))
        return false;
    struct series_block *b = malloc(sizeof *b + cap * sizeof(series_point));
    if (!b)
        return false;
    atomic_init(&b->refs, 1);
    b->cap = cap;
    if (s->count)
        memcpy(b->points, s->points, s->count * sizeof *s->points);
    block_unref(old);
    s->points = b->points;
    return true;
}

void series_push(series_builder *b, uint64_t block, uint64_t time, const u256 *value)
{
    series *s = b->out;
    if (b->failed)
        return;
    struct series_block *in = series_block_of(s);
    if ((!in || s->count == in->cap) && !grow(s)) {
        b->failed = true;
        return;
    }
    s->points[s->count++] = (series_point){ block, time, *value };
}

/* Whether the series' points are its own to rewrite: another holder's
 * copy of them becomes the old block. */
static bool own(series *s)
{
    struct series_block *in = series_block_of(s);
    return !in || atomic_load_explicit(&in->refs, memory_order_acquire) == 1 || grow(s);
}

/* The most points kept of one time (series.h): first, lowest, highest, last. */
#define SAME_TIME_MAX 4

void series_push_change(series_builder *b, uint64_t block, uint64_t time, const u256 *value)
{
    series *s = b->out;
    if (s->count && u256_cmp(&s->points[s->count - 1].value, value) == 0)
        return;
    size_t k = 0;
    while (k < s->count && k < SAME_TIME_MAX && s->points[s->count - 1 - k].time == time)
        k++;
    if (k < SAME_TIME_MAX) {
        series_push(b, block, time, value);
        return;
    }
    /* The group of this time and the new point: the last lowest and the
     * last highest stay between the first and the last. */
    series_point g[SAME_TIME_MAX + 1];
    memcpy(g, &s->points[s->count - SAME_TIME_MAX], SAME_TIME_MAX * sizeof *g);
    g[SAME_TIME_MAX] = (series_point){ block, time, *value };
    size_t lo = 0, hi = 0;
    for (size_t i = 1; i <= SAME_TIME_MAX; i++) {
        if (u256_cmp(&g[i].value, &g[lo].value) <= 0)
            lo = i;
        if (u256_cmp(&g[i].value, &g[hi].value) >= 0)
            hi = i;
    }
    if (b->failed || !own(s)) {
        b->failed = true;
        return;
    }
    s->count -= SAME_TIME_MAX;
    for (size_t i = 0, prev = 0; i <= SAME_TIME_MAX; i++) {
        bool ends = i == 0 || i == SAME_TIME_MAX;
        bool extreme = i == lo || i == hi;
        /* A middle point at its kept neighbour's value draws nothing more. */
        if (ends || (extreme && u256_cmp(&g[i].value, &g[prev].value) != 0)) {
            s->points[s->count++] = g[i];
            prev = i;
        }
    }
}

series series_share(const series *s)
{
    struct series_block *b = series_block_of(s);
    if (b)
        atomic_fetch_add_explicit(&b->refs, 1, memory_order_relaxed);
    return *s;
}

void series_take(u256 *v, const u256 *amount)
{
    if (!u256_sub(v, v, amount))
        *v = u256_zero();
}

void series_give(u256 *v, const u256 *amount)
{
    if (!u256_add(v, v, amount))
        *v = u256_zero();
}

size_t series_since(const series *s, uint64_t time)
{
    size_t lo = 0, hi = s->count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (s->points[mid].time < time)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

void series_free(series *s)
{
    if (!s)
        return;
    block_unref(series_block_of(s));
    *s = (series){ 0 };
}
