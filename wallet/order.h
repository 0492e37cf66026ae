/* An open order of the contract's book: what getOrders lists at the head
 * (wallet/state.h) and what the history's replay keeps (wallet/views.h),
 * one type so that the two books compare and print alike. */
#ifndef WALLET_ORDER_H
#define WALLET_ORDER_H

#include <stdbool.h>
#include <stddef.h>

#include "eth/abi.h"
#include "eth/address.h"
#include "eth/u256.h"

typedef struct wallet_order {
    u256 id;               /* counts from 0 on each side separately */
    eth_address user;
    u256 price;            /* eEuro per ENT, 18 decimals */
    u256 quantity;         /* ENT left, 18 decimals */
} wallet_order;

/* The open orders of one getOrders side, decoded as
 * (uint256 id, address user, uint256 price, uint256 quantity, bool valid)[]:
 * entries that are valid and have ENT left, in the node's order (closed
 * orders stay in the contract's array). *out is allocated (free() it) even
 * when no order is open; false only when out of memory. */
bool wallet_orders_take(const abi_value *side, wallet_order **out, size_t *n);

/* The eEuro the contract keeps locked for user's open buys among buys[0..n):
 * price x quantity left / 1e18 for each, rounded down as the contract locks
 * it. False when the sum leaves the range of u256. */
bool wallet_orders_locked_eeuro(const wallet_order *buys, size_t n, const eth_address *user,
                                u256 *out);

#endif
