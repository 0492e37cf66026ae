/* bench/scrypt_impls.c: one scrypt derivation with one of the scrypt
 * implementations Debian packages, for bench/scrypt.sh (which builds this
 * with the libraries it finds installed: -DWITH_OPENSSL, -DWITH_GCRYPT,
 * -DWITH_LIBSCRYPT; libsodium is always there).
 *
 *   scrypt_impls IMPL LOG2_N R P
 *
 * IMPL is sodium, openssl, gcrypt or libscrypt. Prints the milliseconds the
 * derivation took, the process's CPU time (user + system) in ms, its peak
 * resident memory in KiB and the first bytes of the derived key (the same for every implementation, or one of
 * them is wrong). libgcrypt's scrypt fixes r at 8. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include <sodium.h>
#ifdef WITH_OPENSSL
#include <openssl/evp.h>
#endif
#ifdef WITH_GCRYPT
#include <gcrypt.h>
#endif
#ifdef WITH_LIBSCRYPT
#include <libscrypt.h>
#endif

#define DKLEN 32

static const char password[] = "bench password";
static const uint8_t salt[32] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16,
                                  17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32 };

/* 0 on success, -1 on failure, -2 for an IMPL that is not built in. */
static int derive(const char *impl, uint64_t n, uint32_t r, uint32_t p, uint8_t out[DKLEN])
{
    size_t pw_len = strlen(password);
    if (strcmp(impl, "sodium") == 0)
        return crypto_pwhash_scryptsalsa208sha256_ll((const uint8_t *)password, pw_len, salt,
                                                     sizeof salt, n, r, p, out, DKLEN);
#ifdef WITH_OPENSSL
    if (strcmp(impl, "openssl") == 0) {
        /* maxmem must cover V (128 r N) and B (128 r p) with room to spare. */
        uint64_t maxmem = 128 * (uint64_t)r * (n + p) + (1u << 20);
        return EVP_PBE_scrypt(password, pw_len, salt, sizeof salt, n, r, p, maxmem, out,
                              DKLEN) == 1 ? 0 : -1;
    }
#endif
#ifdef WITH_GCRYPT
    if (strcmp(impl, "gcrypt") == 0) {
        if (r != 8 || !gcry_check_version(NULL))
            return -1;
        gcry_control(GCRYCTL_INITIALIZATION_FINISHED, 0);
        return gcry_kdf_derive(password, pw_len, GCRY_KDF_SCRYPT, (int)n, salt, sizeof salt,
                               p, DKLEN, out) == 0 ? 0 : -1;
    }
#endif
#ifdef WITH_LIBSCRYPT
    if (strcmp(impl, "libscrypt") == 0)
        return libscrypt_scrypt((const uint8_t *)password, pw_len, salt, sizeof salt, n, r, p,
                                out, DKLEN);
#endif
    return -2;
}

int main(int argc, char **argv)
{
    if (argc != 5 || sodium_init() < 0) {
        fprintf(stderr, "usage: scrypt_impls IMPL LOG2_N R P\n");
        return 2;
    }
    unsigned log2n = (unsigned)strtoul(argv[2], NULL, 10);
    uint32_t r = (uint32_t)strtoul(argv[3], NULL, 10), p = (uint32_t)strtoul(argv[4], NULL, 10);
    if (log2n < 1 || log2n > 24 || r < 1 || r > 64 || p < 1 || p > 16) {
        fprintf(stderr, "scrypt_impls: LOG2_N 1..24, R 1..64, P 1..16\n");
        return 2;
    }
    uint8_t key[DKLEN];
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    int rc = derive(argv[1], (uint64_t)1 << log2n, r, p, key);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    if (rc == -2) {
        fprintf(stderr, "scrypt_impls: %s is not built in\n", argv[1]);
        return 2;
    }
    if (rc != 0) {
        fprintf(stderr, "scrypt_impls: %s failed\n", argv[1]);
        return 1;
    }
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    double cpu_ms = (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e3 +
                    (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e3;
    printf("%.1f %.1f %ld ",
           (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6,
           cpu_ms, ru.ru_maxrss);
    for (int i = 0; i < 8; i++)
        printf("%02x", key[i]);
    printf("\n");
    return 0;
}
