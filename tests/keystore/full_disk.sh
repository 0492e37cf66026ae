#!/usr/bin/env bash
# Writes that fail for want of room: every change is refused with the
# system's error, every key file and names.json stay as they were, and no
# temporary file is left. Two ways: a full 64 KiB tmpfs (when mounting is
# permitted), and RLIMIT_FSIZE with SIGXFSZ ignored, which makes write()
# fail with EFBIG exactly as a full disk fails it with ENOSPC.
. "$(dirname "$0")/lib.sh"

pw "$WORK/p1" "password one"
pw "$WORK/p2" "password two"

# snapshot KS: copies every file so that `same KS` can compare later.
snapshot() { rm -rf "$WORK/snap"; cp -a "$1" "$WORK/snap"; }
same() { diff -r "$WORK/snap" "$1" >/dev/null; }

# attempts WRAPPER KS PATTERN: every change, under WRAPPER, must fail.
attempts() {
    local wrap=$1 ks=$2 pattern=$3
    run() { $NO_TTY $wrap "$PC" --keystore "$ks" "$@"; }
    expect 4 "$pattern" run --password-file "$WORK/p1" account passwd alice --new-password-file "$WORK/p2"
    expect 4 "names.json: $pattern" run account rename alice alicia
    expect 4 "$pattern" run --password-file "$WORK/p1" account new --name third
    expect 4 "$pattern" run --password-file "$WORK/p1" account import-key --name fourth <<<"$KEY"
    check "files unchanged ($pattern)" same "$ks"
    check "no temporary files ($pattern)" [ -z "$(ls -A "$ks" | grep '^\.tmp-')" ]
    unset -f run
    $NO_TTY "$PC" --keystore "$ks" account list >"$WORK/list" 2>&1
    check "both accounts listed ($pattern)" [ "$(grep -c '^0x' "$WORK/list")" = 2 ]
    check "alice decrypts ($pattern)" [ -n "$(reveal "$ks" alice "$WORK/p1")" ]
    check "bob decrypts ($pattern)" [ -n "$(reveal "$ks" bob "$WORK/p1")" ]
    # Deleting needs no room (the file moves to trash/), so it still works.
    expect 0 "Deleted" $NO_TTY $wrap "$PC" --keystore "$ks" --yes account delete bob
    check "bob in the trash ($pattern)" [ "$(ls "$ks/trash" | wc -l)" = 1 ]
}

setup() { # setup KS
    $NO_TTY "$PC" --keystore "$1" --password-file "$WORK/p1" account new --name alice >/dev/null
    $NO_TTY "$PC" --keystore "$1" --password-file "$WORK/p1" account new --name bob >/dev/null
}

# 1. A real full file system.
MNT=$WORK/mnt
mkdir -p "$MNT"
if mount -t tmpfs -o size=64k,mode=700 tmpfs "$MNT" 2>/dev/null; then
    trap 'umount "$MNT" 2>/dev/null; rm -rf "$WORK"' EXIT
    setup "$MNT/ks"
    # Fill every page left.
    dd if=/dev/zero of="$MNT/fill" bs=4k 2>/dev/null
    snapshot "$MNT/ks"
    attempts "" "$MNT/ks" "No space left on device"
    rm -f "$MNT/fill"
    expect 0 "Changed the password" $NO_TTY "$PC" --keystore "$MNT/ks" --password-file "$WORK/p1" account passwd alice --new-password-file "$WORK/p2"
    umount "$MNT"
else
    echo "tmpfs mount not permitted here: only the RLIMIT_FSIZE half runs"
fi

# 2. RLIMIT_FSIZE 0 with SIGXFSZ ignored (an ignored signal stays ignored
# across exec, so the write fails with EFBIG instead of killing).
KS=$WORK/ks
setup "$KS"
snapshot "$KS"
cat >"$WORK/nofsize" <<'WRAP'
#!/usr/bin/env bash
trap '' XFSZ
ulimit -f 0
exec "$@"
WRAP
chmod +x "$WORK/nofsize"
attempts "$WORK/nofsize" "$KS" "File too large"

summary
