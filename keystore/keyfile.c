#include "keystore/keyfile.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>
#include <nettle/aes.h>
#include <nettle/ctr.h>
#include <nettle/pbkdf2.h>
#include <sodium.h>

#include "eth/hex.h"
#include "eth/keccak.h"
#include "eth/secp.h"

/* Everything derived from the password sits in one guarded block: the
 * derived key, the expanded AES key and the MAC input (which holds half the
 * derived key). sizeof keeps it a multiple of its alignment, so the pointer
 * sodium_malloc returns (end of a page minus the size) is aligned. */
typedef struct keyfile_work {
    struct aes128_ctx aes;
    uint8_t derived[KEYFILE_DKLEN];
    uint8_t ctr[KEYFILE_IV_LEN];
    uint8_t mac_input[KEYFILE_DKLEN / 2 + KEYFILE_CIPHERTEXT_LEN];
} keyfile_work;

pc_status keyfile_scrypt_check(const keyfile_scrypt *p, pc_error *err)
{
    if (p->n < 2 || p->n > KEYFILE_SCRYPT_N_MAX || (p->n & (p->n - 1)) != 0)
        return pc_fail(err, PC_EDATA, "scrypt n %u must be a power of two from 2 to %u", p->n,
                       KEYFILE_SCRYPT_N_MAX);
    if (p->r < 1 || p->r > KEYFILE_SCRYPT_R_MAX)
        return pc_fail(err, PC_EDATA, "scrypt r %u must be from 1 to %u", p->r,
                       KEYFILE_SCRYPT_R_MAX);
    if (p->p < 1 || p->p > KEYFILE_SCRYPT_P_MAX)
        return pc_fail(err, PC_EDATA, "scrypt p %u must be from 1 to %u", p->p,
                       KEYFILE_SCRYPT_P_MAX);
    uint64_t mem = 128ull * p->n * p->r;
    if (mem > KEYFILE_SCRYPT_MEM_MAX)
        return pc_fail(err, PC_EDATA, "scrypt n %u and r %u would need %llu MiB (limit %llu MiB)",
                       p->n, p->r, (unsigned long long)(mem >> 20),
                       (unsigned long long)(KEYFILE_SCRYPT_MEM_MAX >> 20));
    if ((uint64_t)p->n * p->r * p->p > KEYFILE_SCRYPT_WORK_MAX)
        return pc_fail(err, PC_EDATA, "scrypt n %u, r %u, p %u ask for too much work", p->n, p->r,
                       p->p);
    return PC_OK;
}

/* ---- parsing ---- */

static pc_status get_string(const cJSON *obj, const char *field, const char *what,
                            const char **out, pc_error *err)
{
    const cJSON *item = cJSON_GetObjectItemCaseSensitive(obj, field);
    if (!item)
        return pc_fail(err, PC_EDATA, "key file %s: field \"%s\" is missing", what, field);
    if (!cJSON_IsString(item) || !item->valuestring)
        return pc_fail(err, PC_EDATA, "key file %s: field \"%s\" must be a string", what, field);
    *out = item->valuestring;
    return PC_OK;
}

static pc_status get_object(const cJSON *obj, const char *field, const char *what,
                            const cJSON **out, pc_error *err)
{
    const cJSON *item = cJSON_GetObjectItemCaseSensitive(obj, field);
    if (!item)
        return pc_fail(err, PC_EDATA, "key file %s: field \"%s\" is missing", what, field);
    if (!cJSON_IsObject(item))
        return pc_fail(err, PC_EDATA, "key file %s: field \"%s\" must be an object", what, field);
    *out = item;
    return PC_OK;
}

/* An integer field within [min, max]. JSON numbers arrive as doubles; the
 * range check comes before the conversion so the cast is always defined. */
static pc_status get_uint(const cJSON *obj, const char *field, const char *what, uint32_t min,
                          uint32_t max, uint32_t *out, pc_error *err)
{
    const cJSON *item = cJSON_GetObjectItemCaseSensitive(obj, field);
    if (!item)
        return pc_fail(err, PC_EDATA, "key file %s: field \"%s\" is missing", what, field);
    if (!cJSON_IsNumber(item))
        return pc_fail(err, PC_EDATA, "key file %s: field \"%s\" must be a number", what, field);
    double v = item->valuedouble;
    if (!(v >= (double)min && v <= (double)max) || (double)(uint32_t)v != v)
        return pc_fail(err, PC_EDATA, "key file %s: field \"%s\" must be a whole number from %u to %u",
                       what, field, min, max);
    *out = (uint32_t)v;
    return PC_OK;
}

/* A hex string field of exactly `len` bytes, or of min..cap bytes when
 * len is 0. */
static pc_status get_hex(const cJSON *obj, const char *field, const char *what, uint8_t *out,
                         size_t len, size_t min, size_t cap, size_t *got, pc_error *err)
{
    const char *text;
    pc_status st = get_string(obj, field, what, &text, err);
    if (st != PC_OK)
        return st;
    size_t n = 0;
    size_t want_cap = len ? len : cap;
    if (hex_decode(text, strlen(text), out, want_cap, &n, NULL) != PC_OK ||
        (len && n != len) || (!len && n < min)) {
        if (len)
            return pc_fail(err, PC_EDATA, "key file %s: field \"%s\" must be %zu bytes of hex",
                           what, field, len);
        return pc_fail(err, PC_EDATA, "key file %s: field \"%s\" must be %zu to %zu bytes of hex",
                       what, field, min, cap);
    }
    if (got)
        *got = n;
    return PC_OK;
}

static pc_status parse_address(const cJSON *root, const char *what, keyfile *out, pc_error *err)
{
    const cJSON *item = cJSON_GetObjectItemCaseSensitive(root, "address");
    if (!item)
        return PC_OK;
    size_t n = 0;
    if (!cJSON_IsString(item) || !item->valuestring ||
        hex_decode(item->valuestring, strlen(item->valuestring), out->address.b,
                   sizeof out->address.b, &n, NULL) != PC_OK ||
        n != sizeof out->address.b)
        return pc_fail(err, PC_EDATA, "key file %s: field \"address\" must be 20 bytes of hex",
                       what);
    out->has_address = true;
    return PC_OK;
}

static pc_status parse_kdf(const cJSON *crypto, const char *what, keyfile *out, pc_error *err)
{
    const char *kdf;
    const cJSON *params;
    pc_status st;
    if ((st = get_string(crypto, "kdf", what, &kdf, err)) != PC_OK ||
        (st = get_object(crypto, "kdfparams", what, &params, err)) != PC_OK)
        return st;
    uint32_t dklen;
    if ((st = get_uint(params, "dklen", what, 1, 1024, &dklen, err)) != PC_OK)
        return st;
    if (dklen != KEYFILE_DKLEN)
        return pc_fail(err, PC_EDATA, "key file %s: dklen %u is not supported (only %d)", what,
                       dklen, KEYFILE_DKLEN);
    if ((st = get_hex(params, "salt", what, out->salt, 0, KEYFILE_SALT_MIN, KEYFILE_SALT_MAX,
                      &out->salt_len, err)) != PC_OK)
        return st;

    if (strcmp(kdf, "scrypt") == 0) {
        out->kdf = KEYFILE_KDF_SCRYPT;
        if ((st = get_uint(params, "n", what, 2, KEYFILE_SCRYPT_N_MAX, &out->scrypt.n, err)) ||
            (st = get_uint(params, "r", what, 1, KEYFILE_SCRYPT_R_MAX, &out->scrypt.r, err)) ||
            (st = get_uint(params, "p", what, 1, KEYFILE_SCRYPT_P_MAX, &out->scrypt.p, err)))
            return st;
        if (keyfile_scrypt_check(&out->scrypt, err) != PC_OK)
            return pc_error_prefix(err, "key file %s", what);
        return PC_OK;
    }
    if (strcmp(kdf, "pbkdf2") == 0) {
        out->kdf = KEYFILE_KDF_PBKDF2;
        const char *prf;
        if ((st = get_string(params, "prf", what, &prf, err)) != PC_OK)
            return st;
        if (strcmp(prf, "hmac-sha256") != 0)
            return pc_fail(err, PC_EDATA, "key file %s: unknown pbkdf2 prf \"%.40s\"", what, prf);
        return get_uint(params, "c", what, 1, KEYFILE_PBKDF2_C_MAX, &out->pbkdf2_c, err);
    }
    return pc_fail(err, PC_EDATA, "key file %s: unknown KDF \"%.40s\" (known: scrypt, pbkdf2)",
                   what, kdf);
}

static pc_status parse_root(const cJSON *root, const char *what, keyfile *out, pc_error *err)
{
    if (!cJSON_IsObject(root))
        return pc_fail(err, PC_EDATA, "key file %s is not a JSON object", what);
    pc_status st = parse_address(root, what, out, err);
    if (st != PC_OK)
        return st;

    uint32_t version;
    if ((st = get_uint(root, "version", what, 0, 1000, &version, err)) != PC_OK)
        return st;
    if (version != 3)
        return pc_fail(err, PC_EDATA, "key file %s has version %u; only version 3 is supported",
                       what, version);

    const cJSON *id = cJSON_GetObjectItemCaseSensitive(root, "id");
    if (id) {
        if (!cJSON_IsString(id) || !id->valuestring || strlen(id->valuestring) > KEYFILE_ID_MAX)
            return pc_fail(err, PC_EDATA, "key file %s: field \"id\" must be a short string",
                           what);
        strcpy(out->id, id->valuestring);
    }

    /* geth writes "crypto"; some older tools wrote "Crypto". */
    const cJSON *crypto = cJSON_GetObjectItemCaseSensitive(root, "crypto");
    if (!crypto)
        crypto = cJSON_GetObjectItemCaseSensitive(root, "Crypto");
    if (!crypto)
        return pc_fail(err, PC_EDATA, "key file %s: field \"crypto\" is missing", what);
    if (!cJSON_IsObject(crypto))
        return pc_fail(err, PC_EDATA, "key file %s: field \"crypto\" must be an object", what);

    const char *cipher;
    if ((st = get_string(crypto, "cipher", what, &cipher, err)) != PC_OK)
        return st;
    if (strcmp(cipher, "aes-128-ctr") != 0)
        return pc_fail(err, PC_EDATA, "key file %s: unknown cipher \"%.40s\" (known: aes-128-ctr)",
                       what, cipher);
    const cJSON *cparams;
    if ((st = get_object(crypto, "cipherparams", what, &cparams, err)) != PC_OK ||
        (st = get_hex(cparams, "iv", what, out->iv, KEYFILE_IV_LEN, 0, 0, NULL, err)) != PC_OK ||
        (st = get_hex(crypto, "ciphertext", what, out->ciphertext, KEYFILE_CIPHERTEXT_LEN, 0, 0,
                      NULL, err)) != PC_OK ||
        (st = get_hex(crypto, "mac", what, out->mac, KEYFILE_MAC_LEN, 0, 0, NULL, err)) != PC_OK)
        return st;
    return parse_kdf(crypto, what, out, err);
}

/* Parses JSON text that must be one value with nothing but white space
 * after it; a truncated or corrupt file is PC_EDATA naming it. */
static pc_status parse_json(const char *json, size_t len, const char *what, cJSON **out,
                            pc_error *err)
{
    const char *end = NULL;
    cJSON *root = cJSON_ParseWithLengthOpts(json, len, &end, false);
    if (!root)
        return pc_fail(err, PC_EDATA, "key file %s is corrupt or truncated (not valid JSON)",
                       what);
    while (end && end < json + len && (*end == ' ' || *end == '\n' || *end == '\r' ||
                                       *end == '\t'))
        end++;
    if (end != json + len) {
        cJSON_Delete(root);
        return pc_fail(err, PC_EDATA, "key file %s is corrupt (data after the JSON object)", what);
    }
    *out = root;
    return PC_OK;
}

pc_status keyfile_parse(const char *json, size_t len, const char *what, keyfile *out,
                        pc_error *err)
{
    memset(out, 0, sizeof *out);
    cJSON *root;
    pc_status st = parse_json(json, len, what, &root, err);
    if (st != PC_OK)
        return st;
    st = parse_root(root, what, out, err);
    cJSON_Delete(root);
    return st;
}

/* ---- the cryptography ---- */

static pc_status derive(const keyfile_scrypt *scrypt, uint32_t pbkdf2_c, keyfile_kdf kdf,
                        const uint8_t *salt, size_t salt_len, secret *password,
                        uint8_t out[KEYFILE_DKLEN], pc_error *err)
{
    const uint8_t *pw = secret_open(password);
    size_t pw_len = secret_len(password);
    int rc = 0;
    if (kdf == KEYFILE_KDF_SCRYPT)
        rc = crypto_pwhash_scryptsalsa208sha256_ll(pw, pw_len, salt, salt_len, scrypt->n,
                                                   scrypt->r, scrypt->p, out, KEYFILE_DKLEN);
    else
        pbkdf2_hmac_sha256(pw_len, pw, pbkdf2_c, salt_len, salt, KEYFILE_DKLEN, out);
    int saved = errno;
    secret_close(password);
    if (rc != 0)
        return pc_fail(err, saved == ENOMEM ? PC_ENOMEM : PC_EKEY, "scrypt failed: %s",
                       strerror(saved));
    return PC_OK;
}

/* MAC = keccak256(derived[16..32] || ciphertext), computed in the work block. */
static void compute_mac(keyfile_work *w, const uint8_t ciphertext[KEYFILE_CIPHERTEXT_LEN],
                        uint8_t mac[KEYFILE_MAC_LEN])
{
    memcpy(w->mac_input, w->derived + KEYFILE_DKLEN / 2, KEYFILE_DKLEN / 2);
    memcpy(w->mac_input + KEYFILE_DKLEN / 2, ciphertext, KEYFILE_CIPHERTEXT_LEN);
    keccak256(w->mac_input, sizeof w->mac_input, mac);
}

/* AES-128-CTR with the first half of the derived key; the same call
 * encrypts and decrypts. */
static void aes_ctr(keyfile_work *w, const uint8_t iv[KEYFILE_IV_LEN], const uint8_t *src,
                    uint8_t *dst, size_t len)
{
    aes128_set_encrypt_key(&w->aes, w->derived);
    memcpy(w->ctr, iv, KEYFILE_IV_LEN);
    ctr_crypt(&w->aes, (nettle_cipher_func *)aes128_encrypt, AES_BLOCK_SIZE, w->ctr, len, dst,
              src);
}

pc_status keyfile_decrypt(const keyfile *kf, const char *what, secret *password, secret **key,
                          eth_address *address, pc_error *err)
{
    *key = NULL;
    secret *work_s, *key_s;
    pc_status st = secret_new(sizeof(keyfile_work), &work_s, err);
    if (st != PC_OK)
        return st;
    if ((st = secret_new(32, &key_s, err)) != PC_OK) {
        secret_free(work_s);
        return st;
    }
    keyfile_work *w = (keyfile_work *)secret_open(work_s);
    uint8_t mac[KEYFILE_MAC_LEN];
    st = derive(&kf->scrypt, kf->pbkdf2_c, kf->kdf, kf->salt, kf->salt_len, password, w->derived,
                err);
    if (st == PC_OK) {
        compute_mac(w, kf->ciphertext, mac);
        /* Constant time, so a wrong guess learns nothing from timing. */
        if (sodium_memcmp(mac, kf->mac, sizeof mac) != 0) {
            char a[ETH_ADDRESS_TEXT_LEN];
            if (kf->has_address) {
                eth_address_to_checksum(&kf->address, a);
                st = pc_fail(err, PC_EKEY, "wrong password for %s (MAC mismatch)", a);
            } else {
                st = pc_fail(err, PC_EKEY, "wrong password for key file %s (MAC mismatch)",
                             what);
            }
        } else {
            aes_ctr(w, kf->iv, kf->ciphertext, secret_open(key_s), KEYFILE_CIPHERTEXT_LEN);
        }
    }
    secret_close(work_s);
    secret_free(work_s);

    eth_address derived_addr;
    if (st == PC_OK) {
        const uint8_t *k = secret_open(key_s);
        st = secp_privkey_check(k, err);
        if (st == PC_OK)
            st = secp_privkey_to_address(k, &derived_addr, err);
        if (st != PC_OK)
            pc_error_prefix(err, "key file %s", what);
    }
    secret_close(key_s);
    if (st == PC_OK && kf->has_address && !eth_address_equal(&derived_addr, &kf->address)) {
        char said[ETH_ADDRESS_TEXT_LEN], real[ETH_ADDRESS_TEXT_LEN];
        eth_address_to_checksum(&kf->address, said);
        eth_address_to_checksum(&derived_addr, real);
        st = pc_fail(err, PC_EDATA,
                     "key file %s claims address %s but its key belongs to %s; refusing it", what,
                     said, real);
    }
    if (st != PC_OK) {
        secret_free(key_s);
        return st;
    }
    if (address)
        *address = derived_addr;
    *key = key_s;
    return PC_OK;
}

static void new_uuid(char out[37])
{
    uint8_t b[16];
    randombytes_buf(b, sizeof b);
    b[6] = (uint8_t)((b[6] & 0x0f) | 0x40); /* version 4 */
    b[8] = (uint8_t)((b[8] & 0x3f) | 0x80); /* RFC 4122 variant */
    char hex[33];
    hex_encode(b, sizeof b, hex);
    snprintf(out, 37, "%.8s-%.4s-%.4s-%.4s-%.12s", hex, hex + 8, hex + 12, hex + 16, hex + 20);
}

static bool add_hex(cJSON *obj, const char *field, const uint8_t *data, size_t len)
{
    char text[2 * KEYFILE_SALT_MAX + 1];
    hex_encode(data, len, text);
    return cJSON_AddStringToObject(obj, field, text) != NULL;
}

/* Builds the JSON in geth's field order. */
static char *render(const eth_address *address, const uint8_t *ciphertext, const uint8_t *iv,
                    const keyfile_scrypt *params, const uint8_t *salt, const uint8_t *mac,
                    const char *id)
{
    char addr[41];
    eth_address_to_lower_nopfx(address, addr);
    char *text = NULL;
    cJSON *root = cJSON_CreateObject();
    cJSON *crypto;
    if (!root || !cJSON_AddStringToObject(root, "address", addr) ||
        !(crypto = cJSON_AddObjectToObject(root, "crypto")))
        goto out;
    cJSON *cparams, *kparams;
    if (!cJSON_AddStringToObject(crypto, "cipher", "aes-128-ctr") ||
        !add_hex(crypto, "ciphertext", ciphertext, KEYFILE_CIPHERTEXT_LEN) ||
        !(cparams = cJSON_AddObjectToObject(crypto, "cipherparams")) ||
        !add_hex(cparams, "iv", iv, KEYFILE_IV_LEN) ||
        !cJSON_AddStringToObject(crypto, "kdf", "scrypt") ||
        !(kparams = cJSON_AddObjectToObject(crypto, "kdfparams")) ||
        !cJSON_AddNumberToObject(kparams, "dklen", KEYFILE_DKLEN) ||
        !cJSON_AddNumberToObject(kparams, "n", params->n) ||
        !cJSON_AddNumberToObject(kparams, "p", params->p) ||
        !cJSON_AddNumberToObject(kparams, "r", params->r) ||
        !add_hex(kparams, "salt", salt, KEYFILE_SALT_LEN) ||
        !add_hex(crypto, "mac", mac, KEYFILE_MAC_LEN) ||
        !cJSON_AddStringToObject(root, "id", id) ||
        !cJSON_AddNumberToObject(root, "version", 3))
        goto out;
    text = cJSON_PrintUnformatted(root);
out:
    cJSON_Delete(root);
    return text;
}

pc_status keyfile_encrypt(secret *key, secret *password, const keyfile_scrypt *params,
                          const char *id, char **json, eth_address *address, pc_error *err)
{
    *json = NULL;
    pc_status st = keyfile_scrypt_check(params, err);
    if (st != PC_OK)
        return st;
    if (id && strlen(id) > KEYFILE_ID_MAX)
        return pc_fail(err, PC_EINPUT, "key file id is too long");

    eth_address addr;
    const uint8_t *k = secret_open(key);
    st = secret_len(key) == 32 ? secp_privkey_check(k, err)
                               : pc_fail(err, PC_EKEY, "a private key must be 32 bytes");
    if (st == PC_OK)
        st = secp_privkey_to_address(k, &addr, err);
    secret_close(key);
    if (st != PC_OK)
        return st;

    uint8_t salt[KEYFILE_SALT_LEN], iv[KEYFILE_IV_LEN];
    uint8_t ciphertext[KEYFILE_CIPHERTEXT_LEN], mac[KEYFILE_MAC_LEN];
    randombytes_buf(salt, sizeof salt);
    randombytes_buf(iv, sizeof iv);

    secret *work_s;
    if ((st = secret_new(sizeof(keyfile_work), &work_s, err)) != PC_OK)
        return st;
    keyfile_work *w = (keyfile_work *)secret_open(work_s);
    st = derive(params, 0, KEYFILE_KDF_SCRYPT, salt, sizeof salt, password, w->derived, err);
    if (st == PC_OK) {
        aes_ctr(w, iv, secret_open(key), ciphertext, sizeof ciphertext);
        secret_close(key);
        compute_mac(w, ciphertext, mac);
    }
    secret_close(work_s);
    secret_free(work_s);
    if (st != PC_OK)
        return st;

    char uuid[37];
    if (!id || !*id) {
        new_uuid(uuid);
        id = uuid;
    }
    *json = render(&addr, ciphertext, iv, params, salt, mac, id);
    if (!*json)
        return pc_fail(err, PC_ENOMEM, "out of memory writing a key file");
    if (address)
        *address = addr;
    return PC_OK;
}

pc_status keyfile_set_address(const char *json, size_t len, const char *what,
                              const eth_address *address, char **out, pc_error *err)
{
    *out = NULL;
    cJSON *root;
    pc_status st = parse_json(json, len, what, &root, err);
    if (st != PC_OK)
        return st;
    char addr[41];
    eth_address_to_lower_nopfx(address, addr);
    if (!cJSON_IsObject(root)) {
        cJSON_Delete(root);
        return pc_fail(err, PC_EDATA, "key file %s is not a JSON object", what);
    }
    /* ethers wrote "Crypto": the copy gets the standard spelling, which
     * cast and geth read. */
    cJSON *crypto = cJSON_GetObjectItemCaseSensitive(root, "crypto") ? NULL
                    : cJSON_DetachItemFromObjectCaseSensitive(root, "Crypto");
    if (crypto && !cJSON_AddItemToObject(root, "crypto", crypto)) {
        cJSON_Delete(crypto);
        cJSON_Delete(root);
        return pc_fail(err, PC_ENOMEM, "out of memory rewriting key file %s", what);
    }
    /* Replace any old address and put the new one first, as geth does. */
    cJSON_DeleteItemFromObjectCaseSensitive(root, "address");
    cJSON *item = cJSON_AddStringToObject(root, "address", addr);
    if (item) {
        cJSON_DetachItemViaPointer(root, item);
        cJSON_InsertItemInArray(root, 0, item);
    }
    *out = item ? cJSON_PrintUnformatted(root) : NULL;
    cJSON_Delete(root);
    if (!*out)
        return pc_fail(err, PC_ENOMEM, "out of memory rewriting key file %s", what);
    return PC_OK;
}

pc_status keyfile_scrypt_from_env(bool own_keys, keyfile_scrypt *out, pc_error *err)
{
    *out = KEYFILE_SCRYPT_STANDARD;
    const char *env = getenv("POWERCHAIN_SCRYPT_N");
    if (!env || !*env)
        return PC_OK;
    char *end;
    errno = 0;
    unsigned long n = strtoul(env, &end, 10);
    if (errno || *end || n > KEYFILE_SCRYPT_N_MAX || env[0] == '-')
        return pc_fail(err, PC_EINPUT,
                       "POWERCHAIN_SCRYPT_N \"%.20s\" is not a power of two up to %u", env,
                       KEYFILE_SCRYPT_N_MAX);
    if (own_keys && n < KEYFILE_SCRYPT_STANDARD.n)
        return pc_fail(err, PC_EINPUT,
                       "POWERCHAIN_SCRYPT_N=%lu would make key files %lu times faster to "
                       "crack: it is for tests and demos with --keystore DIR; the default "
                       "keystore keeps the standard n %u",
                       n, n ? KEYFILE_SCRYPT_STANDARD.n / n : 0, KEYFILE_SCRYPT_STANDARD.n);
    out->n = (uint32_t)n;
    if (keyfile_scrypt_check(out, err) != PC_OK)
        return pc_error_prefix(err, "POWERCHAIN_SCRYPT_N");
    return PC_OK;
}
