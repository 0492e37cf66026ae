#!/usr/bin/env bash
# The banker's page lists withdrawal requests replayed from the history
# index: on the demo chain A has a buy order open, its eEuro locked for the
# order, which is no request; B locks eEuro to withdraw, which is. Once the
# banker burns B's eEuro the request is gone. Activity lists the contract's
# whole history from the same index. Through a node that refuses log reads
# a fresh index cannot be built: the panel says so and why, and still shows
# the live figures. The page counts the requests, totals them and exports
# them as `withdrawals --csv` gives them. Our contract lets the banker burn
# and unlock B's request: the page offers both (the node is asked).
set -uo pipefail
. "$PROJECT_ROOT/tests/contract/common.sh"
. "$PROJECT_ROOT/tests/tui/lib.sh"
. "$PROJECT_ROOT/tests/lib/failover.sh"

devnet_up --demo 2>/dev/null || exit 1
trap 'tui_down; failover_down; devnet_down' EXIT
E18=000000000000000000

assert_eq "A's buy order locks eEuro" "$(rd A 'balanceeEuro()(uint256,uint256)')" \
    "950000000000000000 8100000000000000000"
tx C 'minteEuro(address,uint256)' "${ADDR[B]}" "3$E18" >/dev/null
assert_eq "B asks to withdraw 1.5 eEuro" "$(tx B 'lockeEuro(uint256)' 1500000000000000000 | cut -c1-5)" \
    "Info:"

cd "$TUI_DIR" || exit 1 # the export is written in the panel's working folder
tui_start --rpc "$DEVNET_RPC" --contract-json "$DEVNET_JSON" --private-key-file "$(key_file C)"
tui_expect "header: C is the banker" "banker unit-owner"
tui_keys 6
tui_expect "B's request" "${ADDR[B]}"
tui_expect "its amount" "1.5 eEuro"
tui_expect "the count and the total" "1 request, 1.5 eEuro in all"
tui_keys e
tui_expect "exported" "1 request written to withdrawals-4200-"
exported=$(cat "$TUI_DIR"/withdrawals-4200-*.csv 2>&1)
assert_eq "the export is withdrawals --csv" "$exported" \
    "$("$POWERCHAIN_BIN" --rpc "$DEVNET_RPC" --contract-json "$DEVNET_JSON" withdrawals --csv)"
assert_match "with B's request" "$exported" "*${ADDR[B]},1.5,*"
assert_eq "A's buy-order lock is no request" "$(tui_screen | grep -c "${ADDR[A]}")" 0

echo "# our contract lets the banker settle B's request: burn and unlock stay offered"
assert_match "the keys line offers burn and unlock" "$(tui_screen | tail -n 1)" "*x burn  u unlock*"
tui_keys x
tui_expect "the burn form" "Burn locked eEuro"
tui_keys Enter Enter
# The panel asked the node about settling B's request when it listed it,
# before this burn: the answer is in once the burn's simulation is.
tui_expect "the burn's confirmation" "Sign and send this transaction?"
tui_keys n
tui_gone "the confirmation closed" "Sign and send this transaction?"
assert_eq "no refusal on the page" "$(tui_screen | grep -c 'refuses this account')" 0
assert_match "burn and unlock still offered" "$(tui_screen | tail -n 1)" "*x burn  u unlock*"

echo "# Activity: the whole history, newest first"
tui_keys 9
tui_expect "the request in the history" "lockeEuro"
tui_expect "its Info text under it" "eEuro locked"
tui_keys End
tui_expect "the deployment, at the end of the list" "constructor"

echo "# the banker pays B out"
tx C 'burneEuro(address,uint256)' "${ADDR[B]}" 1500000000000000000 >/dev/null
tui_keys 6
tui_expect "request settled" "none"
assert_eq "B no longer listed" "$(tui_screen | grep -c "${ADDR[B]}")" 0
tui_keys q

echo "# no index through a node that refuses log reads"
proxy_up refuse-logs
XDG_CACHE_HOME=$TUI_DIR/cache-fresh tui_start --rpc "$PROXY_RPC" --contract-json "$DEVNET_JSON" \
    --private-key-file "$(key_file C)"
tui_expect "header: the banker role from the live figures" "banker  unit owner unknown: see 9 Activity"
tui_keys 6
tui_expect "live figures still shown" "11.5 eEuro"
tui_expect "requests: why they are missing" "history index unavailable:"
tui_expect "with the node's reason" "the node refuses to read even block"
tui_keys 9
tui_expect "Activity: why the history is missing" "eth_getLogs"
assert_eq "the panel lives on" "$(tui_running && echo yes)" yes
tui_keys q
assert_summary
