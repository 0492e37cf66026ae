/* For the series' tests: whether two replays' series are the same, point
 * for point (block, time and exact value). */
#ifndef TESTS_WALLET_SERIES_SAME_H
#define TESTS_WALLET_SERIES_SAME_H

#include <stdbool.h>

#include "wallet/series.h"

static inline bool same_series(const series *a, const series *b)
{
    if (a->count != b->count)
        return false;
    for (size_t i = 0; i < a->count; i++)
        if (a->points[i].block != b->points[i].block || a->points[i].time != b->points[i].time ||
            u256_cmp(&a->points[i].value, &b->points[i].value) != 0)
            return false;
    return true;
}

static inline bool same_set(const series_set *a, const series_set *b)
{
    const series_energy *x = &a->energy, *y = &b->energy;
    bool same = same_series(&a->prices, &b->prices) && same_series(&a->volumes, &b->volumes) &&
                same_series(&a->eeuro, &b->eeuro) && same_series(&a->my_eeuro, &b->my_eeuro) &&
                a->has_account == b->has_account &&
                (!a->has_account || eth_address_equal(&a->account, &b->account)) &&
                same_series(&x->ent, &y->ent) && same_series(&x->wh, &y->wh) &&
                same_series(&x->mint_cost, &y->mint_cost) &&
                same_series(&x->burn_cost, &y->burn_cost) &&
                same_series(&x->account_ent, &y->account_ent) && x->nunits == y->nunits;
    for (size_t i = 0; same && i < x->nunits; i++)
        same = eth_address_equal(&x->units[i].unit, &y->units[i].unit) &&
               same_series(&x->units[i].wh, &y->units[i].wh);
    return same;
}

#endif
