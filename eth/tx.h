/* Ethereum transactions: legacy type 0 signed per EIP-155 and type 2 per
 * EIP-1559 (empty access list). Serialising and signing only: no I/O. */
#ifndef PC_TX_H
#define PC_TX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "eth/address.h"
#include "eth/bytes.h"
#include "eth/error.h"
#include "eth/u256.h"

typedef enum eth_tx_type {
    ETH_TX_LEGACY = 0,
    ETH_TX_EIP1559 = 2,
} eth_tx_type;

typedef struct eth_tx {
    eth_tx_type type;
    uint64_t chain_id;
    uint64_t nonce;
    u256 gas_price;              /* type 0 */
    u256 max_priority_fee;       /* type 2 */
    u256 max_fee;                /* type 2 */
    uint64_t gas_limit;
    bool has_to;                 /* false: contract creation */
    eth_address to;
    u256 value;
    const uint8_t *data;         /* not owned */
    size_t data_len;
} eth_tx;

/* Signs tx with key and appends the raw transaction (what
 * eth_sendRawTransaction takes) to raw; hash receives its transaction hash.
 * Either hash may be NULL. */
pc_status eth_tx_sign(const eth_tx *tx, const uint8_t key[32], bytebuf *raw, uint8_t hash[32],
                      pc_error *err);

/* The address a contract creation by `from` with `nonce` makes (the
 * CREATE rule: the last 20 bytes of keccak256(rlp([from, nonce]))). */
pc_status eth_tx_create_address(const eth_address *from, uint64_t nonce, eth_address *out,
                                pc_error *err);

#endif
