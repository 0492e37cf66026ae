#include "wallet/read.h"

#include <string.h>

#include "rpcclient/node.h"

pc_status wallet_read(rpc_client *c, const pc_contract *k, const pc_method *m,
                      const eth_address *from, const uint8_t *calldata, size_t len,
                      wallet_reading *out, pc_error *err)
{
    memset(out, 0, sizeof *out);
    bytebuf ret = BYTEBUF_INIT;
    pc_status st = node_call(c, from, pc_contract_address(k), calldata, len, "latest", &ret, err);
    if (st == PC_OK)
        st = pc_decode_result(m, ret.data, ret.len, &out->value, &out->type, err);
    bytebuf_free(&ret);
    return st;
}

void wallet_reading_free(wallet_reading *r)
{
    abi_value_free(&r->value);
}
