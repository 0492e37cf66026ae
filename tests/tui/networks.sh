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
assert_summary
