/* Private to wallet/views*.c and wallet/series.c: typed access to a
 * history record's decoded arguments, and growth of the replays' arrays. */
#ifndef WALLET_VIEWS_ARGS_H
#define WALLET_VIEWS_ARGS_H

#include <stdbool.h>
#include <stddef.h>

#include "wallet/history_tx.h"

/* The record is an OK call of the function `method` with its full
 * argument tuple. */
bool views_is_call(const history_tx *t, pc_fn method);

/* Argument i of an OK call, when it has that kind; false otherwise. */
bool views_arg_address(const history_tx *t, size_t i, eth_address *out);
bool views_arg_uint(const history_tx *t, size_t i, u256 *out);
bool views_arg_bool(const history_tx *t, size_t i, bool *out);
/* A NUL-terminated string argument, owned by the record. */
const char *views_arg_string(const history_tx *t, size_t i);

/* Makes room for one more element of `size` bytes in *items (holding n,
 * capacity *cap). False when out of memory; *items is then unchanged. */
bool views_grow(void *items, size_t *cap, size_t n, size_t size);

#endif
