/* The Web3 Secret Storage v3 key file format, as geth writes it: parsing
 * (with every field checked, so a hostile file is refused before any work is
 * done on it), decryption to a private key, and encryption of a private key
 * into a new file's JSON text. No file system access here: callers pass the
 * file's text and a name used only in messages.
 *
 * Ciphers and KDFs come from libraries: scrypt from libsodium, PBKDF2 and
 * AES-128-CTR from nettle, keccak256 from eth/. Private keys, derived keys
 * and passwords only ever live in guarded memory (keystore/secret.h). */
#ifndef PC_KEYFILE_H
#define PC_KEYFILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "eth/address.h"
#include "eth/error.h"
#include "keystore/secret.h"

#define KEYFILE_IV_LEN 16
#define KEYFILE_CIPHERTEXT_LEN 32
#define KEYFILE_MAC_LEN 32
#define KEYFILE_DKLEN 32
#define KEYFILE_SALT_MIN 8
#define KEYFILE_SALT_MAX 128
#define KEYFILE_SALT_LEN 32  /* what keyfile_encrypt writes */
#define KEYFILE_ID_MAX 64

/* Limits that keep a hostile file from demanding absurd memory or time.
 * geth's standard scrypt (n 2^18, r 8, p 1) uses 256 MiB and 2^21 units of
 * work; these allow four times that memory and eight times that work. */
#define KEYFILE_SCRYPT_N_MAX (1u << 20)
#define KEYFILE_SCRYPT_R_MAX 32u
#define KEYFILE_SCRYPT_P_MAX 16u
#define KEYFILE_SCRYPT_MEM_MAX (1ull << 30)  /* 128 * n * r bytes */
#define KEYFILE_SCRYPT_WORK_MAX (1ull << 24) /* n * r * p */
#define KEYFILE_PBKDF2_C_MAX (1u << 24)

typedef struct keyfile_scrypt {
    uint32_t n; /* a power of two, 2 .. KEYFILE_SCRYPT_N_MAX */
    uint32_t r;
    uint32_t p;
} keyfile_scrypt;

/* geth's StandardScryptN / StandardScryptP, what new key files get. */
#define KEYFILE_SCRYPT_STANDARD ((keyfile_scrypt){ 262144u, 8u, 1u })

typedef enum keyfile_kdf {
    KEYFILE_KDF_SCRYPT,
    KEYFILE_KDF_PBKDF2, /* prf hmac-sha256; read only, never written */
} keyfile_kdf;

/* A parsed key file: everything needed to decrypt it, nothing secret. */
typedef struct keyfile {
    bool has_address; /* the "address" field is optional (Foundry omits it) */
    eth_address address;
    char id[KEYFILE_ID_MAX + 1]; /* "" when absent */
    keyfile_kdf kdf;
    keyfile_scrypt scrypt; /* when kdf is scrypt */
    uint32_t pbkdf2_c;     /* when kdf is pbkdf2 */
    uint8_t salt[KEYFILE_SALT_MAX];
    size_t salt_len;
    uint8_t iv[KEYFILE_IV_LEN];
    uint8_t ciphertext[KEYFILE_CIPHERTEXT_LEN];
    uint8_t mac[KEYFILE_MAC_LEN];
} keyfile;

/* PC_OK when the parameters are within the limits above (n a power of two). */
pc_status keyfile_scrypt_check(const keyfile_scrypt *params, pc_error *err);

/* Parses and checks the JSON text of a key file. `what` names the file in
 * messages. Accepts "crypto" or "Crypto", kdf "scrypt" or "pbkdf2", an
 * address with or without 0x in any case, or none. Every problem is PC_EDATA
 * with a message naming the file and the field (an unknown cipher or KDF is
 * named too). The address is parsed first: when parsing fails later,
 * out->has_address still tells whether the file's address is known. */
pc_status keyfile_parse(const char *json, size_t len, const char *what, keyfile *out,
                        pc_error *err);

/* Derives the key from `password`, checks the MAC and decrypts the private
 * key into a new 32-byte secret (*key, caller frees). A MAC mismatch is
 * PC_EKEY "wrong password for 0x... (MAC mismatch)"; a decrypted key whose
 * address differs from the file's address field is PC_EDATA. *address (may
 * be NULL) receives the key's address. */
pc_status keyfile_decrypt(const keyfile *kf, const char *what, secret *password, secret **key,
                          eth_address *address, pc_error *err);

/* Encrypts the 32-byte private key with `password` (scrypt with `params`,
 * fresh random salt and IV) into the JSON text of a key file, laid out as
 * geth writes it. `id` is the file's UUID to keep (NULL or "": a new random
 * v4 UUID). *json is malloc'd, caller frees; *address (may be NULL)
 * receives the key's address. */
pc_status keyfile_encrypt(secret *key, secret *password, const keyfile_scrypt *params,
                          const char *id, char **json, eth_address *address, pc_error *err);

/* The same key file text with its "address" field set to `address` (40
 * lowercase hex digits, as geth writes it) and ethers' "Crypto" spelled
 * "crypto", every other field kept. Used when importing a file, whose
 * address is only known for sure after decrypting it.
 * *out is malloc'd, caller frees. */
pc_status keyfile_set_address(const char *json, size_t len, const char *what,
                              const eth_address *address, char **out, pc_error *err);

/* The scrypt settings for new key files: geth's standard, or a lighter n
 * from the environment variable POWERCHAIN_SCRYPT_N (a power of two), for
 * tests and the demo keystore, which must run fast. Keys people keep are
 * never made weaker: for the default keystore (own_keys) an n below the
 * standard is refused with PC_EINPUT. */
pc_status keyfile_scrypt_from_env(bool own_keys, keyfile_scrypt *out, pc_error *err);

#endif
