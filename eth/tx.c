#include "eth/tx.h"

#include <string.h>

#include "eth/keccak.h"
#include "eth/rlp.h"
#include "eth/secp.h"

/* A signature as it goes into the transaction. */
typedef struct tx_sig {
    uint8_t r[32], s[32];
    int recid;
} tx_sig;

static pc_status encode_to(bytebuf *out, const eth_tx *tx)
{
    /* Contract creation has the empty string as recipient. */
    return rlp_encode_bytes(out, tx->to.b, tx->has_to ? sizeof tx->to.b : 0);
}

/* Legacy fields shared by the signing payload and the signed form:
 * nonce, gasPrice, gas, to, value, data. */
static pc_status encode_legacy_body(bytebuf *out, const eth_tx *tx)
{
    pc_status st;
    if ((st = rlp_encode_u64(out, tx->nonce)) != PC_OK ||
        (st = rlp_encode_u256(out, &tx->gas_price)) != PC_OK ||
        (st = rlp_encode_u64(out, tx->gas_limit)) != PC_OK || (st = encode_to(out, tx)) != PC_OK ||
        (st = rlp_encode_u256(out, &tx->value)) != PC_OK ||
        (st = rlp_encode_bytes(out, tx->data, tx->data_len)) != PC_OK)
        return st;
    return PC_OK;
}

/* EIP-1559 fields before the signature: chainId, nonce, maxPriorityFeePerGas,
 * maxFeePerGas, gas, to, value, data, accessList (always empty here). */
static pc_status encode_1559_body(bytebuf *out, const eth_tx *tx)
{
    pc_status st;
    if ((st = rlp_encode_u64(out, tx->chain_id)) != PC_OK ||
        (st = rlp_encode_u64(out, tx->nonce)) != PC_OK ||
        (st = rlp_encode_u256(out, &tx->max_priority_fee)) != PC_OK ||
        (st = rlp_encode_u256(out, &tx->max_fee)) != PC_OK ||
        (st = rlp_encode_u64(out, tx->gas_limit)) != PC_OK || (st = encode_to(out, tx)) != PC_OK ||
        (st = rlp_encode_u256(out, &tx->value)) != PC_OK ||
        (st = rlp_encode_bytes(out, tx->data, tx->data_len)) != PC_OK)
        return st;
    size_t access = rlp_list_begin(out);
    return rlp_list_end(out, access);
}

/* r and s are integers in RLP: minimal big-endian, no leading zeros. */
static pc_status encode_rs(bytebuf *out, const tx_sig *sig)
{
    u256 r = u256_from_be32(sig->r), s = u256_from_be32(sig->s);
    pc_status st = rlp_encode_u256(out, &r);
    return st != PC_OK ? st : rlp_encode_u256(out, &s);
}

/* The payload whose keccak256 is signed: EIP-155 appends chainId, 0, 0 to
 * the legacy fields; EIP-1559 is 0x02 || rlp(the first nine fields). */
static pc_status encode_unsigned(bytebuf *out, const eth_tx *tx)
{
    pc_status st;
    if (tx->type == ETH_TX_EIP1559) {
        if ((st = bytebuf_append_byte(out, ETH_TX_EIP1559)) != PC_OK)
            return st;
        size_t list = rlp_list_begin(out);
        if ((st = encode_1559_body(out, tx)) != PC_OK)
            return st;
        return rlp_list_end(out, list);
    }
    size_t list = rlp_list_begin(out);
    if ((st = encode_legacy_body(out, tx)) != PC_OK ||
        (st = rlp_encode_u64(out, tx->chain_id)) != PC_OK ||
        (st = rlp_encode_u64(out, 0)) != PC_OK || (st = rlp_encode_u64(out, 0)) != PC_OK)
        return st;
    return rlp_list_end(out, list);
}

static pc_status encode_signed(bytebuf *out, const eth_tx *tx, const tx_sig *sig)
{
    pc_status st;
    if (tx->type == ETH_TX_EIP1559) {
        if ((st = bytebuf_append_byte(out, ETH_TX_EIP1559)) != PC_OK)
            return st;
        size_t list = rlp_list_begin(out);
        if ((st = encode_1559_body(out, tx)) != PC_OK ||
            (st = rlp_encode_u64(out, (uint64_t)sig->recid)) != PC_OK ||
            (st = encode_rs(out, sig)) != PC_OK)
            return st;
        return rlp_list_end(out, list);
    }
    /* EIP-155: v = recid + chainId * 2 + 35, computed in 256 bits because
     * chainId may use all 64 bits. */
    u256 v = u256_from_u64(tx->chain_id), two = u256_from_u64(2),
         add = u256_from_u64(35 + (uint64_t)sig->recid);
    u256_mul(&v, &v, &two);
    u256_add(&v, &v, &add);
    size_t list = rlp_list_begin(out);
    if ((st = encode_legacy_body(out, tx)) != PC_OK || (st = rlp_encode_u256(out, &v)) != PC_OK ||
        (st = encode_rs(out, sig)) != PC_OK)
        return st;
    return rlp_list_end(out, list);
}

static pc_status tx_check(const eth_tx *tx, pc_error *err)
{
    if (tx->type != ETH_TX_LEGACY && tx->type != ETH_TX_EIP1559)
        return pc_fail(err, PC_EINPUT, "unsupported transaction type %d", (int)tx->type);
    if (tx->data_len && !tx->data)
        return pc_fail(err, PC_EINPUT, "transaction data is missing");
    return PC_OK;
}

pc_status eth_tx_sign(const eth_tx *tx, const uint8_t key[32], bytebuf *raw, uint8_t hash[32],
                      pc_error *err)
{
    pc_status st = tx_check(tx, err);
    if (st != PC_OK)
        return st;
    bytebuf payload = BYTEBUF_INIT, signed_tx = BYTEBUF_INIT;
    uint8_t digest[KECCAK256_LEN];
    tx_sig sig;
    if (encode_unsigned(&payload, tx) != PC_OK) {
        st = pc_fail(err, PC_ENOMEM, "out of memory encoding the transaction");
        goto out;
    }
    keccak256(payload.data, payload.len, digest);
    if ((st = secp_sign(key, digest, sig.r, sig.s, &sig.recid, err)) != PC_OK)
        goto out;
    if (encode_signed(&signed_tx, tx, &sig) != PC_OK ||
        bytebuf_append(raw, signed_tx.data, signed_tx.len) != PC_OK) {
        st = pc_fail(err, PC_ENOMEM, "out of memory encoding the transaction");
        goto out;
    }
    if (hash)
        keccak256(signed_tx.data, signed_tx.len, hash);
out:
    bytebuf_free(&payload);
    bytebuf_free(&signed_tx);
    return st;
}

pc_status eth_tx_create_address(const eth_address *from, uint64_t nonce, eth_address *out,
                                pc_error *err)
{
    bytebuf rlp = BYTEBUF_INIT;
    size_t list = rlp_list_begin(&rlp);
    pc_status st = rlp_encode_bytes(&rlp, from->b, sizeof from->b);
    if (st == PC_OK)
        st = rlp_encode_u64(&rlp, nonce);
    if (st == PC_OK)
        st = rlp_list_end(&rlp, list);
    if (st == PC_OK) {
        uint8_t h[KECCAK256_LEN];
        keccak256(rlp.data, rlp.len, h);
        memcpy(out->b, h + KECCAK256_LEN - sizeof out->b, sizeof out->b);
    } else {
        pc_fail(err, PC_ENOMEM, "out of memory");
    }
    bytebuf_free(&rlp);
    return st;
}
