/* Private to wallet/series*.c: growing a series point by point. */
#ifndef WALLET_SERIES_BUILD_H
#define WALLET_SERIES_BUILD_H

#include <stdbool.h>
#include <stddef.h>

#include "wallet/series.h"

typedef struct series_builder {
    series *out;
    size_t cap;
    bool failed;   /* an allocation failed: later pushes do nothing */
} series_builder;

/* Appends a point. */
void series_push(series_builder *b, uint64_t block, uint64_t time, const u256 *value);
/* Appends a point unless the value equals the last one. */
void series_push_change(series_builder *b, uint64_t block, uint64_t time, const u256 *value);

/* *v += amount and *v -= amount. The contract never lets its figures wrap
 * or go below 0; a history that would is not one it wrote, and the figure
 * becomes 0 rather than wrapping. */
void series_give(u256 *v, const u256 *amount);
void series_take(u256 *v, const u256 *amount);

#endif
