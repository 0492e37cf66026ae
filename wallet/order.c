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

bool wallet_orders_locked_eeuro(const wallet_order *buys, size_t n, const eth_address *user,
                                u256 *out)
{
    const u256 one = u256_pow10(18);
    *out = u256_zero();
    for (size_t i = 0; i < n; i++) {
        u256 cost;
        if (!eth_address_equal(&buys[i].user, user))
            continue;
        if (!u256_mul(&cost, &buys[i].price, &buys[i].quantity) ||
            !u256_divmod(&cost, NULL, &cost, &one) || !u256_add(out, out, &cost))
            return false;
    }
    return true;
}
