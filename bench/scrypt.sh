#!/usr/bin/env bash
# bench/scrypt.sh [RUNS]: the scrypt implementations Debian packages, on
# this machine, with a standard key file's parameters (n 2^18, r 8, p 1):
# libsodium's (what keystore/keyfile.c uses), OpenSSL's EVP_PBE_scrypt
# (libssl-dev), libgcrypt's gcry_kdf_derive (libgcrypt20-dev) and libscrypt
# (libscrypt-dev); nettle has none. Each derivation runs in a process of its
# own: median wall and CPU time of RUNS runs, peak memory, and the first
# bytes of the derived key, which must be the same for all. Libraries that
# are not installed are named and skipped. Run by hand.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
runs=${1:-5}
work=$(mktemp -d /tmp/pc-scrypt-XXXXXX)
trap 'rm -rf "$work"' EXIT

flags=() libs=() impls=(sodium)
have() { pkg-config --exists "$1" 2>/dev/null; }
if have libcrypto; then flags+=(-DWITH_OPENSSL); libs+=(libcrypto); impls+=(openssl)
else echo "skipped: OpenSSL (install libssl-dev)"; fi
if have libgcrypt; then flags+=(-DWITH_GCRYPT); libs+=(libgcrypt); impls+=(gcrypt)
else echo "skipped: libgcrypt (install libgcrypt20-dev)"; fi
scrypt_lib=()
if [[ -f /usr/include/libscrypt.h ]]; then flags+=(-DWITH_LIBSCRYPT); scrypt_lib=(-lscrypt); impls+=(libscrypt)
else echo "skipped: libscrypt (install libscrypt-dev)"; fi
# shellcheck disable=SC2046
cc -std=c17 -O2 -Wall -Wextra -Werror -D_POSIX_C_SOURCE=200809L "${flags[@]}" \
    "$root/bench/scrypt_impls.c" -o "$work/scrypt_impls" \
    $(pkg-config --cflags --libs libsodium "${libs[@]}") "${scrypt_lib[@]}"

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
echo "scrypt n 2^18, r 8, p 1 (256 MiB), median of $runs runs each:"
printf '  %-10s %9s %9s %11s  %s\n' implementation "wall ms" "CPU ms" "max RSS KiB" "key starts"
for impl in "${impls[@]}"; do
    for ((i = 0; i < runs; i++)); do "$work/scrypt_impls" "$impl" 18 8 1; done >"$work/$impl"
    printf '  %-10s %9s %9s %11s  %s\n' "$impl" "$(cut -d' ' -f1 "$work/$impl" | median)" \
        "$(cut -d' ' -f2 "$work/$impl" | median)" "$(cut -d' ' -f3 "$work/$impl" | median)" \
        "$(cut -d' ' -f4 "$work/$impl" | sort -u | tr '\n' ' ')"
done
