/* keystore/keyfile: the Web3 Secret Storage vectors, a check for every
 * field a hostile or broken file can get wrong, and encrypt/decrypt round
 * trips. Usage: test_keyfile VECTORS_DIR */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "eth/hex.h"
#include "keystore/keyfile.h"
#include "keystore/secret.h"
#include "tests/check.h"

#define VECTOR_KEY "7a28b5ba57c53603b0b07b56bba752f7784bf506fa95edc395f5cf6c7514fe9d"
#define VECTOR_ADDRESS "0x008AeEda4D805471dF9b2A5B0f38A0C3bCBA786b"

static const keyfile_scrypt light = { 4096, 8, 1 };

static char *read_text(const char *dir, const char *name, size_t *len)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = calloc(1, 65536);
    *len = fread(buf, 1, 65535, f);
    fclose(f);
    return buf;
}

static secret *text_secret(const char *text)
{
    secret *s;
    if (secret_new(strlen(text), &s, NULL) != PC_OK)
        abort();
    memcpy(secret_open(s), text, strlen(text));
    secret_close(s);
    return s;
}

static void key_hex(secret *key, char out[65])
{
    hex_encode(secret_open(key), 32, out);
    secret_close(key);
}

/* `base` with the first `from` replaced by `to` (malloc'd). */
static char *replace(const char *base, const char *from, const char *to)
{
    const char *at = strstr(base, from);
    if (!at) {
        fprintf(stderr, "test bug: \"%s\" not in the template\n", from);
        abort();
    }
    size_t head = (size_t)(at - base);
    char *out = malloc(strlen(base) - strlen(from) + strlen(to) + 1);
    memcpy(out, base, head);
    strcpy(out + head, to);
    strcat(out, at + strlen(from));
    return out;
}

static void vector(const char *dir, const char *name)
{
    size_t len = 0;
    char *text = read_text(dir, name, &len);
    CHECK(text != NULL);
    if (!text)
        return;
    keyfile kf;
    pc_error err = { 0 };
    CHECK(keyfile_parse(text, len, name, &kf, &err) == PC_OK);
    CHECK(!kf.has_address);
    CHECK_STR(kf.id, "3198bc9c-6672-5ab3-d995-4942343ae5b6");
    secret *pw = text_secret("testpassword"), *key = NULL;
    eth_address addr;
    CHECK(keyfile_decrypt(&kf, name, pw, &key, &addr, &err) == PC_OK);
    if (key) {
        char hex[65], text_addr[ETH_ADDRESS_TEXT_LEN];
        key_hex(key, hex);
        CHECK_STR(hex, VECTOR_KEY);
        eth_address_to_checksum(&addr, text_addr);
        CHECK_STR(text_addr, VECTOR_ADDRESS);
    }
    secret_free(key);
    secret_free(pw);

    /* A wrong password is a MAC mismatch; without an address field the
     * message names the file. */
    pw = text_secret("testpasswore");
    CHECK(keyfile_decrypt(&kf, name, pw, &key, NULL, &err) == PC_EKEY);
    CHECK(key == NULL);
    CHECK(strstr(err.msg, "wrong password for key file") && strstr(err.msg, name) &&
          strstr(err.msg, "(MAC mismatch)"));
    secret_free(pw);

    /* Giving it an address keeps the rest and puts the address first. */
    char *with = NULL;
    CHECK(keyfile_set_address(text, len, name, &addr, &with, &err) == PC_OK);
    CHECK(with && strncmp(with, "{\"address\":\"008aeeda4d805471df9b2a5b0f38a0c3bcba786b\"", 53) == 0);
    keyfile kf2;
    CHECK(with && keyfile_parse(with, strlen(with), name, &kf2, &err) == PC_OK && kf2.has_address &&
          eth_address_equal(&kf2.address, &addr) && kf2.kdf == kf.kdf &&
          memcmp(kf2.mac, kf.mac, sizeof kf.mac) == 0);
    free(with);
    free(text);
}

/* A light scrypt file in the vectors' layout, for the parse checks (no
 * KDF work happens while parsing). */
static const char *tmpl =
    "{\"address\":\"008aeeda4d805471df9b2a5b0f38a0c3bcba786b\",\"crypto\":{\"cipher\":\"aes-128-ctr\","
    "\"cipherparams\":{\"iv\":\"83dbcc02d8ccb40e466191a123791e0e\"},"
    "\"ciphertext\":\"d172bf743a674da9cdad04534d56926ef8358534d458fffccd4e6ad2fbde479c\","
    "\"kdf\":\"scrypt\",\"kdfparams\":{\"dklen\":32,\"n\":4096,\"p\":1,\"r\":8,"
    "\"salt\":\"ab0c7876052600dd703518d6fc3fe8984592145b591fc8fb5c6d43190334ba19\"},"
    "\"mac\":\"2103ac29920d71da29f15d75b4a16dbe95cfd7ff8faea1056c33131d846e3097\"},"
    "\"id\":\"3198bc9c-6672-5ab3-d995-4942343ae5b6\",\"version\":3}";

static const char *pbkdf2_params =
    "\"kdf\":\"pbkdf2\",\"kdfparams\":{\"c\":1000,\"dklen\":32,\"prf\":\"hmac-sha256\","
    "\"salt\":\"ab0c7876052600dd703518d6fc3fe8984592145b591fc8fb5c6d43190334ba19\"}";

static void expect_bad(const char *from, const char *to, const char *want_in_msg)
{
    char *json = replace(tmpl, from, to);
    keyfile kf;
    pc_error err = { 0 };
    pc_status st = keyfile_parse(json, strlen(json), "bad.json", &kf, &err);
    CHECK(st == PC_EDATA);
    if (st != PC_EDATA || !strstr(err.msg, want_in_msg) || !strstr(err.msg, "bad.json"))
        fprintf(stderr, "  replacing %s by %s: got \"%s\", want \"%s\"\n", from, to, err.msg,
                want_in_msg);
    else
        check_passed++;
    free(json);
}

static void parsing(void)
{
    keyfile kf;
    pc_error err = { 0 };
    CHECK(keyfile_parse(tmpl, strlen(tmpl), "good", &kf, &err) == PC_OK);
    CHECK(kf.has_address && kf.kdf == KEYFILE_KDF_SCRYPT && kf.scrypt.n == 4096 &&
          kf.scrypt.r == 8 && kf.scrypt.p == 1 && kf.salt_len == 32);

    /* Truncated: every proper prefix is refused as corrupt JSON. */
    size_t len = strlen(tmpl);
    int refused = 0;
    for (size_t cut = 0; cut < len; cut++) {
        pc_status st = keyfile_parse(tmpl, cut, "cut.json", &kf, &err);
        refused += st == PC_EDATA;
    }
    CHECK(refused == (int)len);
    CHECK(keyfile_parse(tmpl, len / 2, "cut.json", &kf, &err) == PC_EDATA &&
          strstr(err.msg, "cut.json is corrupt or truncated"));

    expect_bad("\"aes-128-ctr\"", "\"aes-256-cbc\"", "unknown cipher \"aes-256-cbc\"");
    expect_bad("\"kdf\":\"scrypt\"", "\"kdf\":\"argon2id\"", "unknown KDF \"argon2id\"");
    expect_bad("\"iv\":\"83dbcc02d8ccb40e466191a123791e0e\"", "\"iv\":\"83dbcc02d8ccb40e466191a123791e\"",
               "\"iv\" must be 16 bytes");
    expect_bad("\"ciphertext\":\"d1", "\"ciphertext\":\"d1d1", "\"ciphertext\" must be 32 bytes");
    expect_bad("\"mac\":\"21", "\"mac\":\"zz", "\"mac\" must be 32 bytes");
    expect_bad("\"mac\":\"2103ac29920d71da29f15d75b4a16dbe95cfd7ff8faea1056c33131d846e3097\"",
               "\"mac\":17", "\"mac\" must be a string");
    expect_bad("\"n\":4096", "\"n\":4095", "power of two");
    expect_bad("\"n\":4096", "\"n\":2097152", "\"n\" must be a whole number from 2 to 1048576");
    expect_bad("\"n\":4096", "\"n\":4096.5", "whole number");
    expect_bad("\"n\":4096", "\"n\":\"4096\"", "\"n\" must be a number");
    expect_bad("\"n\":4096", "\"n\":-4096", "whole number");
    expect_bad("\"n\":4096", "\"n\":1e300", "whole number");
    expect_bad("\"n\":4096,\"p\":1,\"r\":8", "\"n\":1048576,\"p\":1,\"r\":16", "MiB");
    expect_bad("\"n\":4096,\"p\":1,\"r\":8", "\"n\":262144,\"p\":16,\"r\":8", "too much work");
    expect_bad("\"r\":8", "\"r\":33", "\"r\" must be");
    expect_bad("\"p\":1", "\"p\":0", "\"p\" must be");
    expect_bad("\"dklen\":32", "\"dklen\":16", "dklen 16 is not supported");
    expect_bad("\"salt\":\"ab0c7876052600dd703518d6fc3fe8984592145b591fc8fb5c6d43190334ba19\"",
               "\"salt\":\"ab0c7876\"", "\"salt\" must be 8 to 128 bytes");
    expect_bad("\"version\":3", "\"version\":2", "version 2");
    expect_bad("\"version\":3", "\"version\":\"3\"", "\"version\" must be a number");
    expect_bad(",\"version\":3", "", "\"version\" is missing");
    expect_bad("\"crypto\"", "\"cryptography\"", "\"crypto\" is missing");
    expect_bad("\"address\":\"008aeeda4d805471df9b2a5b0f38a0c3bcba786b\"",
               "\"address\":\"008aeeda4d805471df9b2a5b0f38a0c3bcba78\"", "\"address\" must be 20 bytes");
    expect_bad("\"id\":\"3198bc9c-6672-5ab3-d995-4942343ae5b6\"", "\"id\":[]", "\"id\"");
    expect_bad("\"version\":3}", "\"version\":3} x", "data after the JSON");
    expect_bad("\"cipherparams\":{\"iv\":\"83dbcc02d8ccb40e466191a123791e0e\"},", "",
               "\"cipherparams\" is missing");
    CHECK(keyfile_parse("[]", 2, "arr.json", &kf, &err) == PC_EDATA &&
          strstr(err.msg, "arr.json is not a JSON object"));

    /* pbkdf2, and "Crypto" as some tools write it. */
    const char *sc = "\"kdf\":\"scrypt\",\"kdfparams\":{\"dklen\":32,\"n\":4096,\"p\":1,\"r\":8,"
                     "\"salt\":\"ab0c7876052600dd703518d6fc3fe8984592145b591fc8fb5c6d43190334ba19\"}";
    char *pb = replace(tmpl, sc, pbkdf2_params);
    CHECK(keyfile_parse(pb, strlen(pb), "pb", &kf, &err) == PC_OK &&
          kf.kdf == KEYFILE_KDF_PBKDF2 && kf.pbkdf2_c == 1000);
    char *caps = replace(pb, "\"crypto\"", "\"Crypto\"");
    CHECK(keyfile_parse(caps, strlen(caps), "caps", &kf, &err) == PC_OK);
    char *prf = replace(pb, "hmac-sha256", "hmac-sha512");
    CHECK(keyfile_parse(prf, strlen(prf), "prf", &kf, &err) == PC_EDATA &&
          strstr(err.msg, "unknown pbkdf2 prf \"hmac-sha512\""));
    char *c0 = replace(pb, "\"c\":1000", "\"c\":0");
    CHECK(keyfile_parse(c0, strlen(c0), "c0", &kf, &err) == PC_EDATA && strstr(err.msg, "\"c\""));
    char *cbig = replace(pb, "\"c\":1000", "\"c\":100000000");
    CHECK(keyfile_parse(cbig, strlen(cbig), "cbig", &kf, &err) == PC_EDATA);
    free(pb);
    free(caps);
    free(prf);
    free(c0);
    free(cbig);

    keyfile_scrypt p = KEYFILE_SCRYPT_STANDARD;
    CHECK(keyfile_scrypt_check(&p, NULL) == PC_OK);
    p.n = 3;
    CHECK(keyfile_scrypt_check(&p, NULL) == PC_EDATA);
}

static void round_trip(void)
{
    pc_error err = { 0 };
    secret *key, *pw = text_secret("correct horse"), *bad = text_secret("correct hors");
    CHECK(secret_new(32, &key, NULL) == PC_OK);
    size_t n;
    hex_decode(VECTOR_KEY, 64, secret_open(key), 32, &n, NULL);
    secret_close(key);

    char *json = NULL;
    eth_address addr;
    CHECK(keyfile_encrypt(key, pw, &light, NULL, &json, &addr, &err) == PC_OK);
    char text_addr[ETH_ADDRESS_TEXT_LEN];
    eth_address_to_checksum(&addr, text_addr);
    CHECK_STR(text_addr, VECTOR_ADDRESS);
    const char *head = "{\"address\":\"008aeeda4d805471df9b2a5b0f38a0c3bcba786b\","
                       "\"crypto\":{\"cipher\":\"aes-128-ctr\",\"ciphertext\":\"";
    CHECK(json && strncmp(json, head, strlen(head)) == 0);
    CHECK(json && strstr(json, "\"kdf\":\"scrypt\",\"kdfparams\":{\"dklen\":32,\"n\":4096,\"p\":1,"
                               "\"r\":8,\"salt\":\""));
    CHECK(json && strstr(json, "\"version\":3}"));

    keyfile kf;
    CHECK(json && keyfile_parse(json, strlen(json), "rt", &kf, &err) == PC_OK);
    /* The UUID is version 4, RFC 4122 variant. */
    CHECK(strlen(kf.id) == 36 && kf.id[14] == '4' && strchr("89ab", kf.id[19]));
    secret *back = NULL;
    CHECK(keyfile_decrypt(&kf, "rt", pw, &back, NULL, &err) == PC_OK);
    if (back) {
        char hex[65];
        key_hex(back, hex);
        CHECK_STR(hex, VECTOR_KEY);
    }
    secret_free(back);
    back = NULL;
    CHECK(keyfile_decrypt(&kf, "rt", bad, &back, NULL, &err) == PC_EKEY);
    CHECK_STR(err.msg, "wrong password for " VECTOR_ADDRESS " (MAC mismatch)");

    /* A flipped MAC byte reads as a wrong password too. */
    keyfile tampered = kf;
    tampered.mac[0] ^= 1;
    CHECK(keyfile_decrypt(&tampered, "rt", pw, &back, NULL, &err) == PC_EKEY &&
          strstr(err.msg, "MAC mismatch"));
    /* An address field that is not the key's is refused after decrypting. */
    tampered = kf;
    tampered.address.b[19] ^= 1;
    CHECK(keyfile_decrypt(&tampered, "rt", pw, &back, NULL, &err) == PC_EDATA &&
          strstr(err.msg, "claims address") && back == NULL);

    /* Re-encrypting keeps a given id. */
    char *again = NULL;
    CHECK(keyfile_encrypt(key, bad, &light, kf.id, &again, NULL, &err) == PC_OK);
    keyfile kf2;
    CHECK(again && keyfile_parse(again, strlen(again), "again", &kf2, &err) == PC_OK &&
          strcmp(kf2.id, kf.id) == 0 && memcmp(kf2.salt, kf.salt, 32) != 0);

    /* Parameters outside the limits are refused for writing too. */
    keyfile_scrypt huge = { 1u << 21, 8, 1 };
    char *none = NULL;
    CHECK(keyfile_encrypt(key, pw, &huge, NULL, &none, NULL, &err) == PC_EDATA && !none);

    free(json);
    free(again);
    secret_free(key);
    secret_free(pw);
    secret_free(bad);
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: test_keyfile VECTORS_DIR\n");
        return 2;
    }
    if (secret_init(NULL) != PC_OK)
        return 1;
    vector(argv[1], "web3_secret_storage_pbkdf2.json");
    vector(argv[1], "web3_secret_storage_scrypt.json");
    parsing();
    round_trip();
    return check_summary();
}
