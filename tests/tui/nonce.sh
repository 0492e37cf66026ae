#!/usr/bin/env bash
# The panel and other powerchain processes share the account's nonce: its
# dialog holds no nonce lock, and its send takes the lock and re-reads the
# nonce under it. A send by another process while the dialog is open must
# not make the panel's "nonce too low"; while another process holds the
# lock, the panel's send waits for it.
set -uo pipefail
. "$PROJECT_ROOT/tests/contract/common.sh"
. "$PROJECT_ROOT/tests/tui/lib.sh"
contract_up || exit 1
trap 'tui_down; devnet_down' EXIT
# The lock files of this test's processes only.
export XDG_RUNTIME_DIR=$TUI_DIR/run
mkdir -m 700 "$XDG_RUNTIME_DIR"
KEY_A=$(key_file A)
pc() {
    "$POWERCHAIN_BIN" --rpc "$DEVNET_RPC" --contract-json "$DEVNET_JSON" \
        --private-key-file "$KEY_A" --yes "$@"
}
nonce() { "$CAST" nonce --rpc-url "$DEVNET_RPC" "${ADDR[A]}"; }

TUI_ENV="XDG_RUNTIME_DIR=$XDG_RUNTIME_DIR" tui_start --rpc "$DEVNET_RPC" \
    --contract-json "$DEVNET_JSON" --private-key-file "$KEY_A"
tui_expect "connected" "connected"

echo "# another process sends for A while the panel's dialog is open"
tui_keys 5 a
tui_expect "form" "Vote: add a voter"
tui_type "${ADDR[B]}"
tui_keys Enter
tui_expect "confirmation" "Sign and send this transaction?"
before=$(nonce)
pc send changeBanker "${ADDR[D]}" >/dev/null
assert_eq "the other process's send" "$?" 0
assert_eq "it took the nonce the dialog was prepared with" "$(nonce)" $((before + 1))
tui_keys y
tui_expect "the panel's send still goes through" "Info: New voter added >> $(hex B)"
assert_eq "B is a voter on chain" "$(rd B 'isVoter()(bool)')" true
assert_eq "the panel used the next nonce" "$(nonce)" $((before + 2))

echo "# while another process holds A's nonce lock, the panel's send waits for it"
genesis=$("$CAST" block 0 --field hash --rpc-url "$DEVNET_RPC")
chain=$("$CAST" chain-id --rpc-url "$DEVNET_RPC")
lock=$XDG_RUNTIME_DIR/powerchain/nonce-$chain-${genesis:2:16}-$(hex A).lock
assert_eq "the sends left no lock file" "$(ls -A "$XDG_RUNTIME_DIR/powerchain")" ""
# Another process's lock of A on this chain. -o: the lock stays with flock
# itself, so ending its sleep lets go of it.
flock -o "$lock" sleep 60 </dev/null >/dev/null 2>&1 &
holder=$!
wait_for "flock to hold the lock" pgrep -P "$holder"
before=$(nonce)
tui_keys 5 a
tui_expect "form" "Vote: add a voter"
tui_type "${ADDR[D]}"
tui_keys Enter
tui_sign
# The panel's send has opened the lock file and waits for the lock.
panel=$(tui_pid)
holds_lock() { find "/proc/$panel/fd" -lname "$lock" | grep -q .; }
expect_within "the panel's send waits on the lock" holds_lock
assert_eq "nothing sent while the lock is held" "$(nonce)" "$before"
pkill -P "$holder" sleep
wait "$holder"
tui_expect "sent once the lock is free" "Info: You are in favor of: 'Add_Voter_$(hex D)'"
assert_eq "one transaction" "$(nonce)" $((before + 1))
assert_eq "the panel removed the lock file it took" "$([[ -e $lock ]] || echo gone)" gone

assert_summary
