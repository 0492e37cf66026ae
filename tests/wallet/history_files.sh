#!/usr/bin/env bash
# The history index's folder and file (issue 18, findings 2 and 6): another
# user who can write the cache folder must not be able to plant or swap the
# index (a forged past would reach `units`, `history` and the panel's
# confirmations) nor point it at another SQLite file of the person's; and a
# database no sync can have left (a cursor of -1 or 2^63, a damaged file)
# stops with what to do instead of looping or failing without a word.
set -uo pipefail
. "$PROJECT_ROOT/tests/lib/devnet.sh"
. "$PROJECT_ROOT/tests/wallet/lib.sh"

devnet_up 2>/dev/null || exit 1
head=$("$CAST" block-number --rpc-url "$DEVNET_RPC")
# sync_err: a sync that must fail; its exit status and standard error. A
# sync that loops is stopped after a minute (exit 124).
sync_err() { err=$(timeout 60 "$POWERCHAIN_BIN" --rpc "$DEVNET_RPC" --contract-json "$DEVNET_JSON" sync 2>&1 >/dev/null); code=$?; }

echo "# made private"
history_cache
assert_eq "sync" "$(pc sync)" "indexed $head blocks, 1 transactions; head block $head"
assert_eq "the folder is 0700" "$(stat -c %a "$XDG_CACHE_HOME/powerchain")" 700
assert_eq "the file is 0600" "$(stat -c %a "$INDEX")" 600

echo "# an index made before, readable by others, is narrowed to 0600"
chmod 644 "$INDEX"
assert_eq "sync again" "$(pc sync)" "indexed 0 blocks, 0 transactions; head block $head"
assert_eq "now 0600" "$(stat -c %a "$INDEX")" 600

echo "# a folder others may enter is refused, with the fix"
chmod 755 "$XDG_CACHE_HOME/powerchain"
sync_err
assert_eq "exit" "$code" 4
assert_match "why" "$err" "*history index folder */powerchain is accessible by group/others (mode 755); refusing it: run chmod 700 *"
chmod 700 "$XDG_CACHE_HOME/powerchain"

if [[ $(id -u) == 0 ]]; then
    echo "# a folder another user made first (a shared XDG_CACHE_HOME) is refused"
    chown 65534:65534 "$XDG_CACHE_HOME/powerchain"
    sync_err
    assert_eq "exit" "$code" 4
    assert_match "why" "$err" "*history index folder */powerchain belongs to another user; refusing it*"
    chown 0:0 "$XDG_CACHE_HOME/powerchain"
    echo "# an index file of another user in the folder is refused"
    chown 65534:65534 "$INDEX"
    sync_err
    assert_match "refused" "$code: $err" "4: *history index */$(basename "$INDEX") belongs to another user; refusing it*"
    chown 0:0 "$INDEX"
fi

echo "# a planted link is not followed into another SQLite file of the person's"
history_cache
mkdir -m 700 "$XDG_CACHE_HOME/powerchain"
victim=$DEVNET_DIR/victim.sqlite
sqlite3 "$victim" "CREATE TABLE mine(x); INSERT INTO mine VALUES('kept');"
before=$(sha256sum <"$victim")
ln -s "$victim" "$INDEX"
sync_err
assert_match "refused" "$code: $err" "4: *cannot open the history index $INDEX: * (it is a symbolic link; remove it)"
assert_eq "the other file is untouched" "$(sha256sum <"$victim")" "$before"
rm "$INDEX"
echo "# nor a linked folder"
rmdir "$XDG_CACHE_HOME/powerchain"
mkdir -m 700 "$DEVNET_DIR/elsewhere"
ln -s "$DEVNET_DIR/elsewhere" "$XDG_CACHE_HOME/powerchain"
sync_err
assert_match "refused" "$code: $err" "4: *cannot use the history index folder */powerchain: * (not a folder, or a symbolic link)"
assert_eq "nothing written through it" "$(ls -A "$DEVNET_DIR/elsewhere")" ""

echo "# a stored cursor no sync leaves: says so, and how to recover, at once"
history_cache
pc sync >/dev/null
for cursor in -1 9223372036854775808 "'text'"; do
    index_sql "UPDATE meta SET cursor = $cursor"
    sync_err
    assert_match "cursor $cursor" "$code: $err" "4: *history index $INDEX is damaged (deployment block 1, cursor *): remove it (with its -wal and -shm files) and it is built again from the chain"
done
rm -f "$INDEX" "$INDEX"-wal "$INDEX"-shm
assert_eq "removed, it is built again" "$(pc sync)" "indexed $head blocks, 1 transactions; head block $head"

echo "# a damaged database says how to recover"
printf 'this is no database, whatever its name says.....................' | dd of="$INDEX" conv=notrunc status=none
sync_err
assert_match "damaged" "$code: $err" "4: *history index $INDEX: *database (the index is damaged: remove it (with its -wal and -shm files) and it is built again from the chain)"

assert_summary
