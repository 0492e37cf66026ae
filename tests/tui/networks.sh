#!/usr/bin/env bash
# Switching networks live: the Network info page lists the config file's
# [network NAME] sections; `n` on another one starts the panel again on
# it, which then reads the other chain (its id in the header and on the
# page).
set -uo pipefail
. "$PROJECT_ROOT/tests/contract/common.sh"
. "$PROJECT_ROOT/tests/tui/lib.sh"
. "$PROJECT_ROOT/tests/lib/failover.sh"
contract_up || exit 1
trap 'tui_down; failover_down; devnet_down' EXIT
node2_up --chain-id 4201 || exit 1

mkdir -p "$XDG_CONFIG_HOME/powerchain"
networks_config "$XDG_CONFIG_HOME/powerchain/config"

tui_start --network one --private-key-file "$(key_file A)"
tui_expect "connected to one" "chain 4200"
tui_keys 3
tui_expect "the networks listed" "one  (in use)"
tui_expect "the other one" "  two"
tui_keys n
tui_expect "the one in use is refused" "one is the network in use"
tui_keys Down n
tui_expect "the other chain's id in the header" "chain 4201"
tui_expect "on the Network info page" "chain id 4201, block #"
tui_expect "two in use" "two  (in use)"
tui_expect "the chosen line starts on it" "> two  (in use)"
tui_expect "its node" "node     $NODE2_RPC"

echo "# and back"
tui_keys Up n
tui_expect "back on chain 4200" "chain id 4200, block #"
tui_keys q
tui_ended
assert_eq "the panel ended" "$(tui_running && echo running || echo ended)" ended

echo "# the account goes along when switching; a network's own account wins (issue 17 item 6)"
KS=$TUI_DIR/keys
(umask 077 && echo "a password" >"$TUI_DIR/password")
for who in alice bob; do
    "$POWERCHAIN_BIN" --keystore "$KS" --password-file "$TUI_DIR/password" account new \
        --name "$who" >/dev/null || exit 1
done
config=$XDG_CONFIG_HOME/powerchain/config
echo "account = alice" >>"$config" # the last section: [network two]
for i in 3 4 5 6 7 8 9 10; do
    printf '[network n%s]\nrpc = http://127.0.0.1:1\ncontract = %s\n' "$i" "$DEVNET_JSON" >>"$config"
done
tui_start --network one --keystore "$KS" --account bob
tui_expect "bob in use" "bob 0x"
tui_page 3
tui_keys Down n
tui_expect "two's own account" "alice 0x"
tui_expect "on two" "two  (in use)"
tui_keys Up n
tui_expect "back on one" "one  (in use)"
tui_expect "--account again, not 'no account'" "bob 0x"
tui_gone "never read only" "no account (read only)"
tui_keys q
tui_ended

echo "# at 80x24 the list scrolls to the chosen network and says which of how many"
TUI_COLS=80 TUI_LINES=24 tui_start --network one --keystore "$KS" --account bob
tui_page 3
tui_expect "the list's heading" "Networks"
for i in 1 2 3 4 5 6 7 8 9; do tui_keys j; done
tui_expect "the last one chosen, in sight" "> n10"
tui_expect "which of how many" "network 10 of 10"
tui_keys n
tui_expect "switched to the one seen" "n10  (in use)"
tui_expect "with the account" "bob 0x"
tui_keys q
assert_summary
