/* One read of a contract function for both front ends (`powerchain call`
 * and the panel's read jobs): eth_call of calldata the caller encoded from
 * what the person typed (pc_encode_call), at the latest block, decoded by
 * the binding. Batched reads of every figure are wallet/state.h's. */
#ifndef WALLET_READ_H
#define WALLET_READ_H

#include <stddef.h>
#include <stdint.h>

#include "eth/abi.h"
#include "eth/address.h"
#include "eth/error.h"
#include "rpcclient/powerchain.h"
#include "rpcclient/rpc.h"

typedef struct wallet_reading {
    abi_value value;        /* owned: wallet_reading_free */
    const abi_type *type;   /* the result type with PROTOCOL.md's field names, which
                               pc_method_unit knows (owned by the binding) */
} wallet_reading;

/* Reads m (a PC_READ method) as `from` (NULL: no caller; m->uses_sender
 * reads then answer for the zero address). A revert is PC_ETX, cause
 * PC_CAUSE_REVERTED; return data that does not decode is PC_ENODE, cause
 * PC_CAUSE_MALFORMED. On failure *out is left empty. */
pc_status wallet_read(rpc_client *c, const pc_contract *k, const pc_method *m,
                      const eth_address *from, const uint8_t *calldata, size_t len,
                      wallet_reading *out, pc_error *err);
void wallet_reading_free(wallet_reading *r);

#endif
