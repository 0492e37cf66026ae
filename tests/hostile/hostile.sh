#!/usr/bin/env bash
# A hostile or broken node (server.js) against the real binary: for each way
# a node can fail, powerchain must print one clear line on stderr, exit 3
# (node failure), finish within its deadline, and never send a transaction
# signed for a chain other than the expected one.
#
# Needs POWERCHAIN_BIN (set by meson) and node.
set -u

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=tests/lib/wait.sh
. "$here/../lib/wait.sh"
bin=${POWERCHAIN_BIN:?set POWERCHAIN_BIN to the powerchain binary}
contract=0x5FbDB2315678afecb367f032d93F642f64180aa3
to=0x70997970C51812dc3A010C7d01b50e0d17dc79C8
tmp=$(mktemp -d)
server_pid=
cleanup() {
    [[ -n $server_pid ]] && kill "$server_pid" 2>/dev/null
    rm -rf "$tmp"
}
trap cleanup EXIT

# anvil's first public development key: known to everyone, holds nothing.
key=$tmp/dev.key
(umask 077 && echo 0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80 >"$key")

passed=0
failed=0
problems=()
problem() { problems+=("$*"); }
finish_case() {
    if [[ ${#problems[@]} -eq 0 ]]; then
        passed=$((passed + 1))
        echo "ok   $1"
    else
        failed=$((failed + 1))
        echo "FAIL $1"
        printf '       %s\n' "${problems[@]}"
        echo "       stdout: $(head -c 300 "$tmp/out" | cat -v)"
        echo "       stderr: $(head -c 300 "$tmp/err" | cat -v)"
    fi
    problems=()
}

start_server() {
    : >"$tmp/methods"
    # Emptied here: the job's own redirection runs in the child, and the
    # loop below could still read the last server's port.
    : >"$tmp/port"
    node "$here/server.js" "$1" 0 "$tmp/methods" >>"$tmp/port" 2>"$tmp/server.err" &
    server_pid=$!
    if wait_for "server.js $1 to listen" grep -q '^port [0-9]' "$tmp/port"; then
        port=$(sed -n 's/^port \([0-9]*\)$/\1/p' "$tmp/port")
        return 0
    fi
    echo "cannot start server.js $1: $(cat "$tmp/server.err")" >&2
    exit 1
}

stop_server() {
    kill "$server_pid" 2>/dev/null
    wait "$server_pid" 2>/dev/null
    server_pid=
}

# Each run has an outer guard of GUARD seconds, and must end by itself well
# before it: the bound is not a speed goal (a busy machine is slow), it
# tells "gives up at its deadline" from "hangs".
GUARD=60
LIMIT=45

# pc ARGS...: the binary against the server, with the outer guard;
# sets rc and elapsed (whole seconds, rounded up).
pc() {
    local t0 t1
    t0=$(date +%s%N)
    timeout "$GUARD" "$bin" --rpc "http://127.0.0.1:$port" --timeout 3 --contract "$contract" \
        --private-key-file "$key" --yes "$@" </dev/null >"$tmp/out" 2>"$tmp/err"
    rc=$?
    t1=$(date +%s%N)
    elapsed=$(((t1 - t0 + 999999999) / 1000000000))
}

# expect_fail CODE PHRASE: what every failure must look like.
expect_fail() {
    local code=$1 phrase=$2
    [[ $rc -eq 124 ]] && problem "still running after $GUARD s (killed by the outer guard)"
    [[ $rc -eq $code ]] || problem "exit $rc, expected $code"
    [[ $(wc -l <"$tmp/err") -eq 1 ]] || problem "stderr is not exactly one line"
    grep -qF -- "$phrase" "$tmp/err" || problem "stderr lacks \"$phrase\""
    grep -q $'\x1b' "$tmp/err" "$tmp/out" && problem "raw ESC reached the terminal"
    [[ $elapsed -le $LIMIT ]] || problem "took ${elapsed} s, at most $LIMIT s allowed"
}

never_sent() {
    grep -qx eth_sendRawTransaction "$tmp/methods" &&
        problem "eth_sendRawTransaction was called"
}

send_args=(send transferENT "$to" 1.5)

# The server's plausible answers work, so every failure below is the mode's.
start_server ok
pc call getTotalENT
[[ $rc -eq 0 ]] || problem "exit $rc, expected 0"
grep -qF "1.5" "$tmp/out" || problem "stdout lacks the amount 1.5"
finish_case "ok: call reads a value"
pc "${send_args[@]}"
[[ $rc -eq 0 ]] || problem "exit $rc, expected 0"
grep -qF "Info: Transfer done" "$tmp/out" || problem "stdout lacks the Info event"
[[ $(grep -cx eth_sendRawTransaction "$tmp/methods") -eq 1 ]] ||
    problem "eth_sendRawTransaction not called exactly once"
finish_case "ok: send signs, sends once and reports the receipt"
stop_server

start_server invalid-json
pc call getTotalENT
expect_fail 3 "not JSON"
finish_case "invalid JSON answer"
stop_server

start_server wrong-types
pc call getTotalENT
expect_fail 3 "call result that is not 0x-prefixed hex"
finish_case "wrong types: eth_call result is a number"
pc "${send_args[@]}"
expect_fail 3 "chain id that is not a hex string"
never_sent
finish_case "wrong types: eth_chainId is a number, nothing sent"
stop_server

start_server huge
pc call getTotalENT
expect_fail 3 "larger than"
finish_case "100 MiB answer stops at the size limit"
stop_server

# Bounded by method before parsing: a list of tiny values where eth_call
# answers one string, and an eth_call answer beyond what eth_call may send. Max RSS shows that
# the 12 MiB answer never became its 1 GiB tree.
start_server many-values
t0=$(date +%s%N)
/usr/bin/time -f %M -o "$tmp/rss" timeout "$GUARD" "$bin" --rpc "http://127.0.0.1:$port" --timeout 3 \
    --contract "$contract" call getTotalENT </dev/null >"$tmp/out" 2>"$tmp/err"
rc=$?
elapsed=$((($(date +%s%N) - t0 + 999999999) / 1000000000))
expect_fail 3 "JSON values; refused before parsing it"
rss_kib=$(tail -n 1 "$tmp/rss") # after "Command exited with non-zero status"
[[ $rss_kib -lt 120000 ]] || problem "max RSS $rss_kib KiB, more than 120000 KiB"
finish_case "6 million values where one is due: refused before parsing, under 120 MB"
stop_server

start_server long-call
pc call getTotalENT
expect_fail 3 "answer to eth_call larger than 16777216 bytes"
finish_case "20 MiB for eth_call: refused at 16 MiB"
stop_server

start_server trickle
pc call getTotalENT
expect_fail 3 "did not answer within 3 s"
finish_case "never-ending answer: call gives up at --timeout"
pc "${send_args[@]}"
expect_fail 3 "did not answer within 3 s"
never_sent
finish_case "never-ending answer: send gives up at --timeout, nothing sent"
stop_server

start_server http-500
pc call getTotalENT
expect_fail 3 "HTTP 500"
finish_case "HTTP 500"
stop_server

start_server rpc-error
pc call getTotalENT
expect_fail 3 "header not found"
finish_case "JSON-RPC error object"
stop_server

start_server escape-error
pc call getTotalENT
expect_fail 3 "node refused eth_call"
finish_case "JSON-RPC error message with terminal escapes is not echoed raw"
stop_server

# meter run prints each reading's fate: a node's words, with a reading line
# of the person's own that holds an escape too.
start_server escape-send
printf 'produce %s 100\nproduce %s 5\033[2J\n' "$to" "$to" >"$tmp/readings"
timeout "$GUARD" "$bin" --rpc "http://127.0.0.1:$port" --timeout 3 --contract "$contract" \
    --private-key-file "$key" meter run <"$tmp/readings" >"$tmp/out" 2>"$tmp/err"
grep -q "not sent" "$tmp/out" || problem "stdout lacks the refused reading"
grep -q $'\x1b' "$tmp/err" "$tmp/out" && problem "raw ESC reached the terminal"
grep -q $'\xc2\x9b' "$tmp/err" "$tmp/out" && problem "a C1 CSI reached the terminal"
grep -q $'\xe2\x80\xae' "$tmp/err" "$tmp/out" && problem "a bidi override reached the terminal"
finish_case "meter run: a node's refusal with escapes, C1 and bidi is not printed raw"
pc "${send_args[@]}"
expect_fail 3 "was not taken: node refused eth_sendRawTransaction: no "
grep -q "may or may not" "$tmp/err" && problem "a refusal is reported as a lost answer"
finish_case "a refused send says the node refused it, with its reason"
stop_server

# Issue 18 finding 3: an outside string reaches --json as the screen would
# show it. cJSON escapes C0 controls itself (\u001b); a C1 control, a bidi
# override, a raw 0x9B (CSI on an 8-bit terminal) and DEL it would pass.
start_server escape-votes
for form in --json ""; do
    pc $form call getVotes
    [[ $rc -eq 0 ]] || problem "${form:-text}: exit $rc, expected 0"
    grep -q "end" "$tmp/out" || problem "${form:-text}: stdout lacks the vote"
    [[ $(LC_ALL=C tr -d '\n -~' <"$tmp/out" | wc -c) -eq 0 ]] ||
        problem "${form:-text}: a byte other than printable ASCII reached the terminal"
done
pc --json call getVotes
grep -qF '"vote":"Add_Voter_\u001b]0;pwned\u0007 ?2J ? ? ? end"' "$tmp/out" ||
    problem "--json: the vote string is not the sanitized one: $(cat -v "$tmp/out")"
finish_case "call getVotes: a hostile vote string is sanitized in --json and text"
stop_server

start_server wrong-chain
pc --chain-id 4200 "${send_args[@]}"
expect_fail 3 "not chain 4200"
never_sent
finish_case "--chain-id 4200 against a node on chain 1: nothing signed or sent"
stop_server

start_server chain-change
pc --chain-id 4200 "${send_args[@]}"
[[ $rc -eq 0 ]] || problem "first send: exit $rc, expected 0"
pc --chain-id 4200 "${send_args[@]}"
expect_fail 3 "not chain 4200"
[[ $(grep -cx eth_sendRawTransaction "$tmp/methods") -eq 1 ]] ||
    problem "eth_sendRawTransaction called $(grep -cx eth_sendRawTransaction "$tmp/methods") times, expected once (the first send only)"
finish_case "chain id changes between sends: the second is refused"
stop_server

start_server no-receipt
pc "${send_args[0]}" --wait 3 "${send_args[@]:1}"
expect_fail 3 "no receipt for 0x"
hash=$(sed -n 's/^transaction \(0x[0-9a-f]\{64\}\) sent$/\1/p' "$tmp/out")
[[ -n $hash ]] || problem "stdout does not show the transaction hash"
[[ -n $hash ]] && ! grep -qF "$hash" "$tmp/err" && problem "the error does not name the hash"
finish_case "receipt never comes: send stops at --wait and names the hash"
stop_server

start_server receipt-trickle
pc "${send_args[0]}" --wait 3 "${send_args[@]:1}"
# Each poll may take up to --timeout, so the bound is --wait + --timeout.
expect_fail 3 "no receipt for 0x"
finish_case "receipt request never ends: send stops at --wait + --timeout"
stop_server

start_server escape-revert
pc "${send_args[@]}"
[[ $rc -eq 1 ]] || problem "exit $rc, expected 1 (the simulation says it reverts)"
grep -qF "would refuse it: reverted: no " "$tmp/err" || problem "stderr lacks the simulated revert reason"
grep -q $'\x1b' "$tmp/err" "$tmp/out" && problem "raw ESC reached the terminal"
finish_case "a simulated revert reason with terminal escapes is not printed raw"
pc "${send_args[@]}" --force
[[ $rc -eq 1 ]] || problem "exit $rc, expected 1 (the transaction failed)"
grep -qF "reverted: no " "$tmp/out" || problem "stdout lacks the revert reason"
grep -q $'\x1b' "$tmp/err" "$tmp/out" && problem "raw ESC reached the terminal"
finish_case "revert reason with terminal escapes is not printed raw"
stop_server

start_server wrong-hash
pc "${send_args[@]}"
expect_fail 3 "different transaction hash"
finish_case "node reports a different transaction hash"
stop_server

start_server bad-abi
pc call getStorageUnitsInfo
expect_fail 3 "offset"
finish_case "eth_call data with an ABI offset outside the data"
stop_server

start_server batch-missing
pc "${send_args[@]}"
expect_fail 3 "left eth_estimateGas unanswered"
never_sent
finish_case "batch answer with a missing id: nothing sent"
stop_server

start_server batch-duplicate
pc "${send_args[@]}"
expect_fail 3 "repeated id"
never_sent
finish_case "batch answer with a duplicate id: nothing sent"
stop_server

# The history index against a node that claims an impossible head: with
# the contract in the genesis block (a deployment file's "block": 0, or
# code at every block for --contract), the range to read was computed with
# a wrap (head - 0 + 1 = 0) and one step tried to hold every block.
# Refused at once, in little memory.
printf '{"name":"PowerChain","address":"%s","abi":[],"block":0,"chain_id":4200}\n' "$contract" \
    >"$tmp/genesis.json"
# A regression here eats gigabytes a second: the run gets at most 2 GB of
# address space (not under AddressSanitizer, which reserves terabytes).
vm_limit=unlimited
ldd "${BUILD_ROOT:-}/powerchain" 2>/dev/null | grep -q libasan || vm_limit=2000000
start_server endless-head
for how in "--contract-json $tmp/genesis.json" "--contract $contract"; do
    t0=$(date +%s%N)
    # shellcheck disable=SC2086 # $how is two words on purpose
    (ulimit -v "$vm_limit" && XDG_CACHE_HOME=$tmp/cache exec /usr/bin/time -f %M -o "$tmp/rss" \
        timeout "$GUARD" "$bin" --rpc "http://127.0.0.1:$port" --timeout 3 $how sync) </dev/null \
        >"$tmp/out" 2>"$tmp/err"
    rc=$?
    elapsed=$((($(date +%s%N) - t0 + 999999999) / 1000000000))
    expect_fail 3 "node says its newest block is 18446744073709551615: no chain is that long"
    rss_kib=$(tail -n 1 "$tmp/rss")
    [[ $rss_kib -lt 120000 ]] || problem "max RSS $rss_kib KiB, more than 120000 KiB"
    finish_case "sync, ${how%% *}: a head of 2^64 - 1 is refused, under 120 MB"
done
stop_server

# Every step is bounded in logs too: more than 10,000 for one block is
# refused with the number, not stored.
start_server many-logs
t0=$(date +%s%N)
XDG_CACHE_HOME=$tmp/cache timeout "$GUARD" "$bin" --rpc "http://127.0.0.1:$port" --timeout 3 \
    --contract-json "$tmp/genesis.json" sync </dev/null >"$tmp/out" 2>"$tmp/err"
rc=$?
elapsed=$((($(date +%s%N) - t0 + 999999999) / 1000000000))
expect_fail 3 "node sent 12000 logs for blocks 0 to 0, more than 10000 in one step"
finish_case "sync: 12,000 logs for one block are refused"
stop_server

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
