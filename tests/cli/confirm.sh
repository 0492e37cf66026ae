#!/usr/bin/env bash
# Without --yes a send is confirmed on the controlling terminal, even when
# standard input is a pipe; with no terminal at all nothing is signed. When
# the node's simulation says the contract would refuse it, the question is a
# warning quoting the contract, and its default is No.
set -uo pipefail
. "$PROJECT_ROOT/tests/lib/devnet.sh"

devnet_up || exit 1
SOCK="powerchain-confirm-$$"
trap 'tmux -L "$SOCK" kill-server 2>/dev/null; devnet_down' EXIT
(umask 077 && echo 0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80 >"$DEVNET_DIR/a.key")
A=0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266
B=0x70997970C51812dc3A010C7d01b50e0d17dc79C8
pc=("$POWERCHAIN_BIN" --rpc "$DEVNET_RPC" --contract-json "$DEVNET_JSON"
    --private-key-file "$DEVNET_DIR/a.key")
send=("${pc[@]}" send clearOldSessions)
nonce() { "$CAST" nonce --rpc-url "$DEVNET_RPC" "$A"; }

# ask QUESTION COMMAND...: runs COMMAND in a terminal (tmux) with its
# standard input a pipe, and waits for QUESTION there; ASKED is yes or no.
# Each question has a terminal (a tmux session) of its own: SESSION.
SESSION=0
ask() {
    local question=$1 cmd i
    shift
    printf -v cmd '%q ' "$@"
    rm -f "$DEVNET_DIR/out"
    SESSION=$((SESSION + 1))
    tmux -L "$SOCK" new-session -d -s "q$SESSION" -x 200 -y 40 \
        "echo piped | $cmd >$DEVNET_DIR/out 2>&1; echo \"exit \$?\" >>$DEVNET_DIR/out; sleep 60"
    ASKED=no
    for ((i = 0; i < 600; i++)); do
        screen=$(tmux -L "$SOCK" capture-pane -p -t "q$SESSION")
        grep -qF "$question" <<<"$screen" && { ASKED=yes; return; }
        sleep 0.1
    done
    echo "# no \"$question\" after 60 s; the terminal showed:"
    sed 's/^/#   /' <<<"$screen"
}
# answer KEYS...: types them, and waits for the command's exit line.
answer() {
    local i
    tmux -L "$SOCK" send-keys -t "q$SESSION" "$@"
    for ((i = 0; i < 600; i++)); do grep -q '^exit ' "$DEVNET_DIR/out" && break; sleep 0.1; done
    grep '^exit ' "$DEVNET_DIR/out"
}

# No controlling terminal (setsid), standard input a pipe: refused.
before=$(nonce)
out=$(echo y | setsid "${send[@]}" 2>&1); code=$?
assert_eq "with no terminal and no --yes, nothing is signed" "$code" 2
assert_match "and it says what to do" "$out" "*no terminal to confirm on; pass --yes*"
assert_eq "nothing was sent" "$(nonce)" "$before"

# A terminal, standard input a pipe: the question comes to the terminal.
ask "Sign and send? [y/N]" "${send[@]}"
assert_eq "the question is asked on the terminal although input is piped" "$ASKED" yes
assert_match "with what is signed" "$screen" "*action    clearOldSessions*chain id  4200*"
assert_match "with what it does, as the panel says it" "$screen" \
    "*what      closes every expired session and returns its ENT and energy*"
assert_match "and what the node's simulation says the contract emits" "$screen" \
    "*simulated with eth_simulateV1 on *emits     Info: Old sessions cleared >> 0*"
assert_eq "y on the terminal sends" "$(answer y Enter)" "exit 0"
assert_eq "once" "$(nonce)" "$((before + 1))"

# A transfer the contract refuses (A holds no ENT): a warning, default No.
before=$(nonce)
ask "Sign and send anyway? [y/N]" "${pc[@]}" send transferENT "$B" 1
assert_eq "a refused transaction is asked as a warning" "$ASKED" yes
assert_match "quoting the contract" "$screen" \
    "*warning: the contract would refuse it: Error: Not enough ENT tokens*"
assert_eq "Enter answers No" "$(answer Enter)" "exit 2"
assert_match "saying so" "$(cat "$DEVNET_DIR/out")" "*cancelled; nothing was sent*"
assert_eq "nothing was signed" "$(nonce)" "$before"
ask "Sign and send anyway? [y/N]" "${pc[@]}" send transferENT "$B" 1
assert_eq "y sends it all the same: mined with its Error" "$(answer y Enter)" "exit 1"
assert_match "the mined Error is the simulated one" "$(cat "$DEVNET_DIR/out")" "*Error: Not enough ENT tokens*"
assert_eq "sent once" "$(nonce)" "$((before + 1))"

assert_summary
