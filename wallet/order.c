#include "wallet/order.h"

#include <stdlib.h>

bool wallet_orders_take(const abi_value *side, wallet_order **out, size_t *n)
{
    *n = 0;
    *out = calloc(side->count ? side->count : 1, sizeof **out);
    if (!*out)
        return false;
    for (size_t i = 0; i < side->count; i++) {
        const abi_value *t = side->items[i].items;
        if (t[4].boolean && !u256_is_zero(&t[3].num))
            (*out)[(*n)++] = (wallet_order){ t[0].num, t[1].addr, t[2].num, t[3].num };
    }
    return true;
}
