#include "eth/secp.h"

#include <pthread.h>
#include <string.h>

#include <secp256k1.h>
#include <secp256k1_recovery.h>
#include <sodium.h>

#include "eth/keccak.h"

/* One context for the whole process, made on first use. After creation and
 * randomisation it is only read, which libsecp256k1 allows from any thread. */
static secp256k1_context *secp_ctx;
static pthread_once_t secp_once = PTHREAD_ONCE_INIT;

static void secp_ctx_create(void)
{
    secp256k1_context *ctx = secp256k1_context_create(SECP256K1_CONTEXT_NONE);
    if (!ctx)
        return;
    /* Randomisation blinds the signing computations against side channels;
     * a context we could not blind is not used. */
    uint8_t seed[32];
    if (sodium_init() < 0) {
        secp256k1_context_destroy(ctx);
        return;
    }
    randombytes_buf(seed, sizeof seed);
    int ok = secp256k1_context_randomize(ctx, seed);
    sodium_memzero(seed, sizeof seed);
    if (!ok) {
        secp256k1_context_destroy(ctx);
        return;
    }
    secp_ctx = ctx;
}

static const secp256k1_context *secp_context(pc_error *err)
{
    pthread_once(&secp_once, secp_ctx_create);
    if (!secp_ctx)
        pc_fail(err, PC_ENOMEM, "could not set up the secp256k1 signing context");
    return secp_ctx;
}

pc_status secp_privkey_check(const uint8_t key[SECP_PRIVKEY_LEN], pc_error *err)
{
    const secp256k1_context *ctx = secp_context(err);
    if (!ctx)
        return PC_ENOMEM;
    if (!secp256k1_ec_seckey_verify(ctx, key))
        return pc_fail(err, PC_EKEY,
                       "not a valid private key (zero or not below the secp256k1 order)");
    return PC_OK;
}

/* Address = last 20 bytes of keccak256 of the 64-byte uncompressed public
 * key (without the 0x04 tag). */
static void pubkey_to_address(const secp256k1_context *ctx, const secp256k1_pubkey *pub,
                              eth_address *out)
{
    uint8_t ser[65], hash[KECCAK256_LEN];
    size_t serlen = sizeof ser;
    secp256k1_ec_pubkey_serialize(ctx, ser, &serlen, pub, SECP256K1_EC_UNCOMPRESSED);
    keccak256(ser + 1, 64, hash);
    memcpy(out->b, hash + 12, 20);
}

pc_status secp_privkey_to_address(const uint8_t key[SECP_PRIVKEY_LEN], eth_address *out,
                                  pc_error *err)
{
    pc_status st = secp_privkey_check(key, err);
    if (st != PC_OK)
        return st;
    const secp256k1_context *ctx = secp_context(err);
    secp256k1_pubkey pub;
    if (!secp256k1_ec_pubkey_create(ctx, &pub, key))
        return pc_fail(err, PC_EKEY, "could not derive the public key of this private key");
    pubkey_to_address(ctx, &pub, out);
    return PC_OK;
}

pc_status secp_sign(const uint8_t key[SECP_PRIVKEY_LEN], const uint8_t hash32[32],
                    uint8_t r[32], uint8_t s[32], int *recid, pc_error *err)
{
    pc_status st = secp_privkey_check(key, err);
    if (st != PC_OK)
        return st;
    const secp256k1_context *ctx = secp_context(err);
    /* NULL nonce function = libsecp256k1's RFC 6979 default; its signatures
     * are always low-s, as Ethereum (EIP-2) requires. */
    secp256k1_ecdsa_recoverable_signature sig;
    if (!secp256k1_ecdsa_sign_recoverable(ctx, &sig, hash32, key, NULL, NULL))
        return pc_fail(err, PC_EKEY, "signing failed");
    uint8_t compact[64];
    secp256k1_ecdsa_recoverable_signature_serialize_compact(ctx, compact, recid, &sig);
    memcpy(r, compact, 32);
    memcpy(s, compact + 32, 32);
    return PC_OK;
}

pc_status secp_recover_address(const uint8_t hash32[32], const uint8_t r[32],
                               const uint8_t s[32], int recid, eth_address *out,
                               pc_error *err)
{
    const secp256k1_context *ctx = secp_context(err);
    if (!ctx)
        return PC_ENOMEM;
    if (recid < 0 || recid > 3)
        return pc_fail(err, PC_EDATA, "signature recovery id %d is not 0 to 3", recid);
    uint8_t compact[64];
    memcpy(compact, r, 32);
    memcpy(compact + 32, s, 32);
    secp256k1_ecdsa_recoverable_signature sig;
    if (!secp256k1_ecdsa_recoverable_signature_parse_compact(ctx, &sig, compact, recid))
        return pc_fail(err, PC_EDATA, "signature r or s is out of range");
    secp256k1_pubkey pub;
    if (!secp256k1_ecdsa_recover(ctx, &pub, &sig, hash32))
        return pc_fail(err, PC_EDATA, "no public key matches this signature");
    pubkey_to_address(ctx, &pub, out);
    return PC_OK;
}
