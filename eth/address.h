/* 20-byte Ethereum addresses and their EIP-55 checksummed text. */
#ifndef PC_ADDRESS_H
#define PC_ADDRESS_H

#include <stdbool.h>
#include <stdint.h>

#include "eth/error.h"

typedef struct eth_address {
    uint8_t b[20];
} eth_address;

/* "0x" + 40 digits + NUL */
#define ETH_ADDRESS_TEXT_LEN 43

/* Parses "0x" + 40 hex digits (the prefix is required). All-lowercase and
 * all-uppercase text is accepted as is; mixed case must carry a valid EIP-55
 * checksum, else PC_EINPUT with a hint showing the correctly checksummed
 * form. Wrong length and non-hex characters are PC_EINPUT too. */
pc_status eth_address_parse(const char *text, eth_address *out, pc_error *err);

/* Writes the EIP-55 checksummed form, "0x" included, NUL-terminated. */
void eth_address_to_checksum(const eth_address *a, char out[ETH_ADDRESS_TEXT_LEN]);

/* "0x" + 4 digits + ".." + 4 digits + NUL */
#define ETH_ADDRESS_SHORT_LEN 13

/* The short form people read on screens and in lists, from the checksummed
 * text's first and last four digits: "0x3C44..93BC". */
void eth_address_short(const eth_address *a, char out[ETH_ADDRESS_SHORT_LEN]);

/* 40 lowercase hex digits without prefix, as PowerChain vote strings use. */
void eth_address_to_lower_nopfx(const eth_address *a, char out[41]);

bool eth_address_is_zero(const eth_address *a);
bool eth_address_equal(const eth_address *a, const eth_address *b);

#endif
