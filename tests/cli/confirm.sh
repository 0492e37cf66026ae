#!/usr/bin/env bash
# Without --yes a send is confirmed on the controlling terminal, even when
# standard input is a pipe; with no terminal at all nothing is signed.
set -uo pipefail
. "$PROJECT_ROOT/tests/lib/devnet.sh"

devnet_up || exit 1
SOCK="powerchain-confirm-$$"
trap 'tmux -L "$SOCK" kill-server 2>/dev/null; devnet_down' EXIT
(umask 077 && echo 0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80 >"$DEVNET_DIR/a.key")
A=0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266
send=("$POWERCHAIN_BIN" --rpc "$DEVNET_RPC" --contract-json "$DEVNET_JSON"
    --private-key-file "$DEVNET_DIR/a.key" send clearOldSessions)
nonce() { "$CAST" nonce --rpc-url "$DEVNET_RPC" "$A"; }

# No controlling terminal (setsid), standard input a pipe: refused.
before=$(nonce)
out=$(echo y | setsid "${send[@]}" 2>&1); code=$?
assert_eq "with no terminal and no --yes, nothing is signed" "$code" 2
assert_match "and it says what to do" "$out" "*no terminal to confirm on; pass --yes*"
assert_eq "nothing was sent" "$(nonce)" "$before"

# A terminal, standard input a pipe: the question comes to the terminal.
printf -v cmd '%q ' "${send[@]}"
tmux -L "$SOCK" new-session -d -x 100 -y 30 \
    "echo piped | $cmd >$DEVNET_DIR/out 2>&1; echo \"exit \$?\" >>$DEVNET_DIR/out; sleep 60"
# (On giving up, wait_for shows the last screen.)
asked() {
    local screen
    screen=$(tmux -L "$SOCK" capture-pane -p)
    grep -q "Sign and send? \[y/N\]" <<<"$screen" || { echo "$screen"; return 1; }
}
expect_within "the question is asked on the terminal although input is piped" asked
screen=$(tmux -L "$SOCK" capture-pane -p)
assert_match "with what is signed" "$screen" "*action    clearOldSessions*chain id  4200*"
tmux -L "$SOCK" send-keys y Enter
wait_for "the send to end" grep '^exit ' "$DEVNET_DIR/out"
assert_eq "y on the terminal sends" "$(grep '^exit ' "$DEVNET_DIR/out")" "exit 0"
assert_eq "once" "$(nonce)" "$((before + 1))"

assert_summary
