/* Key files from disk or from `account import`: the V3 JSON parser up to,
 * not including, the KDF (keyfile_parse checks every field so that no
 * expensive work starts on a hostile file), the address rewrite used on
 * import, and the hex private key files of --private-key-file. */
#include "fuzz/fuzz.h"
#include "keystore/keyfile.h"
#include "keystore/secret.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    if (secret_init(NULL) != PC_OK)
        abort();
    return 0;
}

static void check_parsed(const keyfile *kf)
{
    FUZZ_CHECK(kf->salt_len >= KEYFILE_SALT_MIN && kf->salt_len <= KEYFILE_SALT_MAX);
    FUZZ_CHECK(memchr(kf->id, '\0', sizeof kf->id) != NULL);
    if (kf->kdf == KEYFILE_KDF_SCRYPT)
        FUZZ_CHECK(keyfile_scrypt_check(&kf->scrypt, NULL) == PC_OK);
    else
        FUZZ_CHECK(kf->kdf == KEYFILE_KDF_PBKDF2 && kf->pbkdf2_c >= 1 &&
                   kf->pbkdf2_c <= KEYFILE_PBKDF2_C_MAX);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *json = (const char *)data;
    keyfile kf;
    pc_error err = { 0 };
    pc_status st = keyfile_parse(json, size, "fuzz.json", &kf, &err);
    if (st == PC_OK)
        check_parsed(&kf);
    else
        fuzz_check_error(st, &err);

    /* An import writes the address it found back into the file's text; the
     * result must parse again with that address. */
    eth_address addr = { { 0x5f, 0xbd, 0xb2, 0x31, 0x56, 0x78, 0xaf, 0xec, 0xb3, 0x67,
                           0xf0, 0x32, 0xd9, 0x3f, 0x64, 0x21, 0x80, 0xa3, 0x00, 0x01 } };
    char *out = NULL;
    st = keyfile_set_address(json, size, "fuzz.json", &addr, &out, &err);
    if (st == PC_OK) {
        keyfile again;
        if (keyfile_parse(out, strlen(out), "fuzz.json", &again, &err) == PC_OK)
            FUZZ_CHECK(again.has_address && eth_address_equal(&again.address, &addr));
        free(out);
    } else {
        fuzz_check_error(st, &err);
    }

    secret *key = NULL;
    st = secret_parse_hex_key(data, size, "key file", &key, &err);
    if (st == PC_OK)
        FUZZ_CHECK(key != NULL && secret_len(key) == 32);
    else
        fuzz_check_error(st, &err);
    secret_free(key);
    return 0;
}
