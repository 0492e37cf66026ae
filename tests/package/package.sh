#!/usr/bin/env bash
# tests/package/package.sh: the Debian package, built and used as a
# sysadmin would. It
#  - builds it with dpkg-buildpackage (source and binary) from an export of
#    the checkout's tracked files in a temporary folder, so that build/,
#    node_modules and anything else untracked stay out of it;
#  - runs lintian on the .changes (the .dsc and the .deb): any error fails;
#  - unpacks the .deb into a throwaway root (dpkg -x) and checks the
#    installed files: the binary's --version is meson.build's version, which
#    debian/changelog and the man page carry too; --help; the man page; the
#    bash, zsh and fish completions where Debian's shells read them, each
#    loaded by its shell when that shell is installed (scripts/setup installs all three);
#  - starts a devnet, deploys with the installed binary and reads from it.
# Prints one line per failed check and "N passed, N failed" last.
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
export PROJECT_ROOT=${PROJECT_ROOT:-$root}
. "$PROJECT_ROOT/tests/lib/devnet.sh"

work=$(mktemp -d "${TMPDIR:-/tmp}/powerchain-deb.XXXXXX")
trap 'rm -rf "$work"' EXIT
# The installed binary's configuration, keystore and history index stay here.
export XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data XDG_CACHE_HOME=$work/cache

version=$(meson introspect --projectinfo "$PROJECT_ROOT/meson.build" | jq -r .version)
assert_match "meson.build has a version" "$version" '[0-9]*.[0-9]*.[0-9]*'
assert_eq "debian/changelog's version is meson.build's" \
    "$(dpkg-parsechangelog -l "$PROJECT_ROOT/debian/changelog" -S Version)" "$version"

echo "# build: dpkg-buildpackage -us -uc in a clean export"
src=$work/powerchain-$version
mkdir "$src"
if ! git -C "$PROJECT_ROOT" ls-files -z | tar -C "$PROJECT_ROOT" --null -T - -cf - |
    tar -C "$src" -xf -; then
    echo "FAIL: could not export the checkout's tracked files"
    assert_summary
    exit 1
fi
(cd "$src" && DEB_BUILD_OPTIONS=parallel=2 dpkg-buildpackage -us -uc) >"$work/build.log" 2>&1
status=$?
assert_eq "dpkg-buildpackage -us -uc succeeds" "$status" 0
arch=$(dpkg-architecture -qDEB_HOST_ARCH)
deb=$work/powerchain_${version}_$arch.deb
changes=$work/powerchain_${version}_$arch.changes
if ((status != 0)) || [[ ! -f $deb ]]; then
    tail -n 40 "$work/build.log"
    assert_eq "the .deb is built" "missing" "$deb"
    assert_summary
    exit 1
fi
assert_match "the package build ran the unit tests" "$(cat "$work/build.log")" \
    "*meson test --suite unit*Ok: *"

echo "# lintian"
lint=$(lintian --fail-on error "$changes" 2>&1)
assert_eq "lintian reports no error" "$?" 0
[[ -n $lint ]] && printf '%s\n' "$lint"
assert_eq "lintian has no E: lines" "$(grep -c '^E:' <<<"$lint")" 0

echo "# the installed files (dpkg -x)"
inst=$work/root
dpkg -x "$deb" "$inst"
bin=$inst/usr/bin/powerchain
assert_eq "the binary says the version" "$("$bin" --version)" "powerchain $version"
out=$("$bin" --help)
assert_eq "--help succeeds" "$?" 0
assert_match "--help shows the usage" "$out" "usage: powerchain *Commands:*"
deps=$(dpkg-deb -f "$deb" Depends)
assert_match "the runtime libraries are computed dependencies" "$deps" \
    "*libc6*libcurl4*libmicrohttpd12*libncursesw6*libsecp256k1*libsodium23*libsqlite3*"
man=$inst/usr/share/man/man1/powerchain.1.gz
assert_match "the man page is installed and says the version" \
    "$(zcat "$man" 2>&1 | grep '^\.TH')" "*\"powerchain $version\"*"
unit=$(find "$inst" -name powerchain-exporter.service -path '*/systemd/system/*' | head -1)
assert_eq "the exporter's systemd unit is installed" "$([[ -s $unit ]] && echo yes)" yes
unit_text=$(cat "$unit" 2>/dev/null)
for line in DynamicUser=yes NoNewPrivileges=yes ProtectSystem=strict ReadOnlyPaths=/etc/powerchain \
    "ExecStart=/usr/bin/powerchain --timeout 5 exporter --listen 127.0.0.1:9464"; do
    assert_match "the unit has $line" "$unit_text" "*"$'\n'"$line"$'\n'"*"
done
if command -v systemd-analyze >/dev/null; then
    # verify checks the keys and that ExecStart's binary exists: the unpacked one stands in.
    verify=$(sed "s|/usr/bin/powerchain|$bin|" "$unit" >"$work/powerchain-exporter.service" &&
        systemd-analyze verify --man=no "$work/powerchain-exporter.service" 2>&1)
    assert_eq "systemd-analyze verify finds nothing" "$verify" ""
fi
bash_file=$inst/usr/share/bash-completion/completions/powerchain
zsh_file=$inst/usr/share/zsh/vendor-completions/_powerchain
fish_file=$inst/usr/share/fish/vendor_completions.d/powerchain.fish
for f in "$bash_file" "$zsh_file" "$fish_file"; do
    assert_eq "${f#"$inst"} is installed" "$([[ -s $f ]] && echo yes)" yes
done

# Each shell completes with the installed binary first on PATH.
export PATH=$inst/usr/bin:$PATH
bash -n "$bash_file"
assert_eq "the bash completion parses" "$?" 0
if [[ -f /usr/share/bash-completion/bash_completion ]]; then
    got=$(bash -c '. /usr/share/bash-completion/bash_completion; . "$1"
        COMP_WORDS=(powerchain send addO); COMP_CWORD=2; COMP_LINE="${COMP_WORDS[*]}"
        COMP_POINT=${#COMP_LINE}; _powerchain; echo "${COMPREPLY[*]}"' bash "$bash_file")
    assert_eq "bash completes a method from the installed binary" "$got" addOrder
else
    echo "# bash-completion is not installed: the bash completion was only parsed"
fi
if command -v zsh >/dev/null; then
    zsh -n "$zsh_file"
    assert_eq "the zsh completion parses" "$?" 0
    got=$(zsh -f "$PROJECT_ROOT/tests/package/zsh-complete.zsh" "${zsh_file%/*}" "$work" \
        "powerchain --json send addO" 2>&1)
    assert_eq "zsh completes a method from the installed binary" "$got" \
        "powerchain --json send addOrder "
else
    echo "# zsh is not installed: its completion was not loaded"
fi
if command -v fish >/dev/null; then
    fish -n "$fish_file"
    assert_eq "the fish completion parses" "$?" 0
    got=$(fish -c 'source $argv[1]; complete -C "powerchain send addO"' "$fish_file")
    assert_match "fish completes a method with its summary" "$got" $'addOrder\tadd a buy or sell order*'
else
    echo "# fish is not installed: its completion was not loaded"
fi

echo "# a devnet: deployed and read with the installed binary"
export POWERCHAIN_BIN=$bin # devnet/start deploys with it
# devnet_up sets its own EXIT trap (devnet_down); the work folder goes too.
devnet_up || { echo "FAIL: no devnet"; rm -rf "$work"; assert_summary; exit 1; }
trap 'devnet_down; rm -rf "$work"' EXIT
out=$("$bin" --rpc "$DEVNET_RPC" --contract-json "$DEVNET_JSON" status 2>&1)
assert_eq "status succeeds" "$?" 0
assert_match "status names the node and the contract" "$out" \
    "*${DEVNET_RPC#http://}*$DEVNET_ADDRESS*"
out=$("$bin" --rpc "$DEVNET_RPC" --contract-json "$DEVNET_JSON" call getParameters 2>&1)
assert_eq "call getParameters succeeds" "$?" 0
assert_match "and prints the parameters" "$out" "M *ENT/kWh*B *ENT/kWh*C *%*H *h*F *%"

assert_summary
