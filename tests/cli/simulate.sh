#!/usr/bin/env bash
# tests/cli/simulate.sh [devnet/start options]: the node's simulation
# before anything is signed (issue 16). The four cases the confirmation got
# wrong when it predicted outcomes by a copy of the contract's rules, and
# expired sessions: each is simulated with --dry-run (signing nothing), then
# sent, and the simulated Info/Error texts must equal the mined ones; the
# figures before and after are the contract's own. A simulated Error under
# --yes signs nothing unless --force (the terminal's warning is confirm.sh's);
# a dry run needs no key when the account's address is known.
set -uo pipefail
. "$PROJECT_ROOT/tests/lib/devnet.sh"
. "$PROJECT_ROOT/devnet/scenario.sh"

devnet_up "$@" || exit 1
SCENARIO_RPC=$DEVNET_RPC SCENARIO_JSON=$DEVNET_JSON SCENARIO_DIR=$DEVNET_DIR
scenario_keys
scenario_setup || { echo "FAIL: setup"; exit 1; }
A=$SCENARIO_A B=$SCENARIO_B C=$SCENARIO_C U1=$SCENARIO_U1 U2=$SCENARIO_U2
a=$(tr 'A-F' 'a-f' <<<"${A#0x}")
pc() { "$POWERCHAIN_BIN" --rpc "$DEVNET_RPC" --contract-json "$DEVNET_JSON" --yes "$@"; }
by() { local who=$1; shift; pc --private-key-file "$DEVNET_DIR/$who.key" "$@"; }
address_of() { local v="SCENARIO_$1"; echo "${!v}"; }
nonce() { "$CAST" nonce --rpc-url "$DEVNET_RPC" "$1"; }
dry_texts() { jq -r '.texts[]' <<<"$1"; }
sent_texts() {
    jq -r '(.events[] | "\(.event): \(.text)"), (if .revert then "reverted: \(.revert)" else empty end)' <<<"$1"
}
# rise "BEFORE AFTER": AFTER - BEFORE, exactly.
rise() { read -r x y <<<"$1"; [[ -n $x ]] && echo "$y - $x" | bc; }
# change JSON ACCOUNT WHAT: "before after" of one figure of a dry run.
change() {
    jq -r --arg a "$2" --arg w "$3" '.changes[] |
        select((.account | ascii_downcase) == ($a | ascii_downcase) and .what == $w) |
        "\(.before) \(.after)"' <<<"$1"
}

# simulate_then_send NAME WHO EXIT COMMAND...: a dry run (--json) that
# signs nothing, then the same command sent (--force: the contract's Error
# is mined as the dry run said), both exiting EXIT; the texts must agree.
# Leaves the dry run's JSON in DRY and the send's in SENT.
simulate_then_send() {
    local name=$1 who=$2 want=$3 addr before code
    shift 3
    addr=$(address_of "$who")
    before=$(nonce "$addr")
    DRY=$(by "$who" --json "$@" --dry-run); code=$?
    assert_eq "$name: the dry run's exit" "$code" "$want"
    assert_eq "$name: the dry run has exactly the four keys" "$(jq -c keys <<<"$DRY")" \
        '["changes","outcome","texts","via"]'
    assert_eq "$name: simulated with" "$(jq -r .via <<<"$DRY")" eth_simulateV1
    assert_eq "$name: a dry run signs nothing" "$(nonce "$addr")" "$before"
    SENT=$(by "$who" --json "$@" --force 2>/dev/null); code=$?
    assert_eq "$name: the send's exit" "$code" "$want"
    assert_eq "$name: it was sent once" "$(nonce "$addr")" "$((before + 1))"
    assert_eq "$name: the simulated texts are the mined texts" "$(dry_texts "$DRY")" \
        "$(sent_texts "$SENT")"
}

echo "# A has 8 ENT from U1; U2 holds 10 kWh; A opens a 1000 Wh session with U2"
by U1 meter produce "$A" 10000 >/dev/null && by U2 meter produce "$B" 10000 >/dev/null &&
    by A send startConsumptionSession "$U2" 1 >/dev/null || { echo "FAIL: energy setup"; exit 1; }

echo "# 1. U2 reports 1500 Wh against A's 1000 Wh session"
out=$(by U2 meter consume "$A" 1500 --dry-run); code=$?
assert_eq "text dry run exit" "$code" 0
assert_match "what it does carries the simulated burn, not an estimate" \
    "$(grep '^  what ' <<<"$out")" "*burns 1 ENT of $A*for 1500 Wh consumed"
assert_match "the contract's text, before signing" "$out" \
    "*emits     Info: Energy consumed >> 1000 Wh by $a: 1 ENT burned; 500 Wh beyond the session, session ended*"
assert_match "A's locked ENT before and after" "$out" "*$A*ENT locked 1 ENT -> 0 ENT*"
assert_match "and that nothing was signed" "$out" "*outcome: ok; nothing was signed (--dry-run)*"
simulate_then_send "1500 Wh against a 1000 Wh session" U2 0 meter consume "$A" 1500
assert_eq "A's locked ENT, simulated" "$(change "$DRY" "$A" "ENT locked")" "1000000000000000000 0"
assert_eq "ENT in circulation falls by the 1 ENT burned" \
    "$(rise "$(change "$DRY" "$DEVNET_ADDRESS" "ENT in circulation")")" -1000000000000000000
assert_eq "U2's energy loses the 500 Wh beyond the session" "$(change "$DRY" "$U2" energy)" "9000 8500"

echo "# 2. U1 reports consumption for A, who has no session with U1"
before=$(nonce "$U1")
out=$(by U1 meter consume "$A" 100 2>&1); code=$?
assert_match "under --yes a simulated Error signs nothing" "$code:$out" \
    "1:*the contract would refuse it: Error: No open consumption session with $a; nothing signed (--force signs it all the same)*"
assert_eq "nothing was signed" "$(nonce "$U1")" "$before"
out=$(setsid "$POWERCHAIN_BIN" --rpc "$DEVNET_RPC" --contract-json "$DEVNET_JSON" --account "$U1" \
    --json meter consume "$A" 100 --dry-run </dev/null); code=$?
assert_eq "a dry run by address needs no key nor terminal" "$code:$(jq -r .outcome <<<"$out")" 1:error
simulate_then_send "consumption without a session" U1 1 meter consume "$A" 100
assert_eq "its Error" "$(dry_texts "$DRY")" "Error: No open consumption session with $a"

echo "# 3. the banker burns 0.3 eEuro against a 0.2 eEuro withdrawal"
by A send changeBanker "$C" >/dev/null && by B send changeBanker "$C" >/dev/null &&
    by C send minteEuro "$A" 1 >/dev/null && by A send lockeEuro 0.2 >/dev/null ||
    { echo "FAIL: banker setup"; exit 1; }
simulate_then_send "burn above the withdrawal" C 1 send burneEuro "$A" 0.3
assert_eq "the contract's Error" "$(dry_texts "$DRY")" "Error: Not enough locked eEuro tokens"
assert_eq "A's locked eEuro stays" "$(change "$DRY" "$A" "eEuro locked")" ""
simulate_then_send "burn of the withdrawal" C 0 send burneEuro "$A" 0.2
assert_eq "A's locked eEuro goes" "$(change "$DRY" "$A" "eEuro locked")" "200000000000000000 0"

echo "# 4. expired sessions: A opens one with U1, two hours and more pass"
by A send startConsumptionSession "$U1" 1 >/dev/null || { echo "FAIL: session"; exit 1; }
"$CAST" rpc --rpc-url "$DEVNET_RPC" evm_increaseTime 7300 >/dev/null &&
    "$CAST" rpc --rpc-url "$DEVNET_RPC" evm_mine >/dev/null || { echo "FAIL: time"; exit 1; }
simulate_then_send "consumption in an expired session" U1 1 meter consume "$A" 100
assert_eq "its Error" "$(dry_texts "$DRY")" "Error: No open consumption session with $a"
out=$(by A send clearOldSessions --dry-run); code=$?
assert_match "clearing says what it gives back, simulated" "$code:$out" \
    $'0:*\n            gives you back 1 ENT locked in expired sessions\n*'
simulate_then_send "clear old sessions after expiry" A 0 send clearOldSessions
assert_eq "the real count" "$(dry_texts "$DRY")" "Info: Old sessions cleared >> 1"
assert_eq "A's locked ENT comes back" "$(change "$DRY" "$A" "ENT locked")" "1000000000000000000 0"
assert_eq "to A's available ENT" "$(rise "$(change "$DRY" "$A" "ENT available")")" \
    1000000000000000000

assert_summary
