/* A time series of exact values, and growing one point by point: the
 * storage under every series of wallet/series.h and wallet/series_energy.h.
 *
 * A series is a list of points, oldest first: each is the value after a
 * transaction that changed it (a step series holds that value until the
 * next point). Its points live in a storage block that several series may
 * share by reference count (series_share): points are only ever appended
 * past every holder's count, and a full block is replaced by a larger copy,
 * never moved, so a holder on another thread reads its points while the
 * replay appends. Pure functions: no I/O; the only failure is running out
 * of memory, which a builder remembers. */
#ifndef WALLET_SERIES_POINT_H
#define WALLET_SERIES_POINT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "eth/u256.h"

typedef struct series_point {
    uint64_t block, time;   /* of the transaction that set the value */
    u256 value;
} series_point;

typedef struct series {
    series_point *points;   /* oldest first, NULL when count is 0; the points
                               of a storage block the series holds one
                               reference to */
    size_t count;
} series;

/* The position of the first point at or after `time` (count when none). */
size_t series_since(const series *s, uint64_t time);

/* Another reference to s's points: the result stays as it is while s grows
 * (also on another thread), and needs its own series_free. */
series series_share(const series *s);

/* Drops s's reference to its points (the block goes with the last one) and
 * empties it. */
void series_free(series *s);

/* Appends to `out`; after a failed allocation, `failed` is set and later
 * pushes do nothing. */
typedef struct series_builder {
    series *out;
    bool failed;
} series_builder;

/* Appends a point. */
void series_push(series_builder *b, uint64_t block, uint64_t time, const u256 *value);
/* Appends a point unless the value equals the last one. Of the points one
 * time holds (a block's transactions), at most four are kept: the first,
 * the last lowest, the last highest and the last, every one an exact value:
 * all a chart can draw of one instant, and a bound by blocks rather than
 * transactions (a meter's thousands of readings in one block). */
void series_push_change(series_builder *b, uint64_t block, uint64_t time, const u256 *value);

/* *v += amount and *v -= amount. The contract never lets its figures wrap
 * or go below 0; a history that would is not one it wrote, and the figure
 * becomes 0 rather than wrapping. */
void series_give(u256 *v, const u256 *amount);
void series_take(u256 *v, const u256 *amount);

#endif
