#!/usr/bin/env bash
# Bad input everywhere a person types on the command line: every argument
# kind of `send`/`call` and the global options that take values, each with
# empty, too long, negative, too large, too precise, non-ASCII and
# control-character values. Each must exit 2 with one line on stderr that
# names the argument and the problem, print nothing on stdout, echo no raw
# control character, and contact no node (--rpc points at the discard port,
# so any contact would end as a node error, exit 3).
#
# Needs POWERCHAIN_BIN (set by meson).
set -u

bin=${POWERCHAIN_BIN:?set POWERCHAIN_BIN to the powerchain binary}
contract=0x5FbDB2315678afecb367f032d93F642f64180aa3
to=0x70997970C51812dc3A010C7d01b50e0d17dc79C8
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
key=$tmp/dev.key
(umask 077 && echo 0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80 >"$key")

ones=$(printf '1%.0s' $(seq 10000))
two256=115792089237316195423570985008687907853269984665640564039457584007913129639936
nineteen=0.0000000000000000001
fullwidth='１２'
umlaut='ü'
escape=$'1\x1b[2J'

passed=0
failed=0

# check LABEL ARG_RE PROBLEM_RE ARGS...: ARG_RE and PROBLEM_RE are extended
# regular expressions the single stderr line must match.
check() {
    local label=$1 arg_re=$2 problem_re=$3
    shift 3
    timeout 60 "$bin" --rpc http://127.0.0.1:9 --contract "$contract" --private-key-file "$key" \
        --yes "$@" </dev/null >"$tmp/out" 2>"$tmp/err"
    local rc=$? problems=()
    [[ $rc -eq 124 ]] && problems+=("still running after 60 s")
    [[ $rc -eq 3 ]] && problems+=("treated as a node failure (exit 3)")
    [[ $rc -eq 2 ]] || problems+=("exit $rc, expected 2")
    [[ -s $tmp/out ]] && problems+=("printed on stdout")
    [[ $(wc -l <"$tmp/err") -eq 1 ]] || problems+=("stderr is not exactly one line")
    grep -qE -- "$arg_re" "$tmp/err" || problems+=("stderr does not name the argument (/$arg_re/)")
    grep -qiE -- "$problem_re" "$tmp/err" || problems+=("stderr does not name the problem (/$problem_re/)")
    grep -q $'\x1b' "$tmp/err" && problems+=("raw ESC echoed to the terminal")
    if [[ ${#problems[@]} -eq 0 ]]; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        echo "FAIL $label"
        printf '       %s\n' "${problems[@]}"
        echo "       stderr: $(head -c 300 "$tmp/err" | cat -v)"
    fi
}

# Decimal amounts (18 decimals): ENT, eEuro, price, and the parameter M.
amount_cases() {
    local kind=$1 arg=$2
    shift 2 # the rest: the command with @ where the value goes
    local v
    for v in "" "$ones" "-1" "$two256" "$nineteen" "$fullwidth" "$umlaut" "$escape"; do
        local re
        case $v in
        "") re="empty" ;;
        "$ones" | "$two256") re="too large" ;;
        -1) re="negative" ;;
        "$nineteen") re="more than 18 decimals" ;;
        *) re="not a number" ;;
        esac
        check "$kind $(printf %q "${v:0:24}")" "^powerchain: $arg: " "$re" "${@/#@/$v}"
    done
}
amount_cases ENT ENT send transferENT "$to" @
amount_cases eEuro EEURO send transfereEuro "$to" @
amount_cases price PRICE send addOrder @ 1 buy
amount_cases "parameter M" VALUE send setParameter M @

# Whole numbers: Wh, order ids and the parameter H (hours).
whole_cases() {
    local kind=$1 arg=$2
    shift 2
    local v
    for v in "" "$ones" "-1" "$two256" "$nineteen" "$fullwidth" "$umlaut" "$escape"; do
        local re
        case $v in
        "") re="empty" ;;
        "$ones" | "$two256") re="too large" ;;
        "-1") re="negative" ;;
        *) re="not a whole number" ;;
        esac
        check "$kind $(printf %q "${v:0:24}")" "^powerchain: $arg: " "$re" "${@/#@/$v}"
    done
}
whole_cases Wh WH send energyProduced "$to" @
whole_cases "order id" ID send removeOrder @ sell
whole_cases "parameter H" VALUE send setParameter H @

# Addresses, in send and in call.
hex38=70997970c51812dc3a010c7d01b50e0d17dc79
for cmd in "send transferENT @ 1" "call getStorageUnitEnergy @"; do
    read -r -a words <<<"$cmd"
    arg=TO
    [[ ${words[0]} == call ]] && arg=UNIT
    check "$cmd: empty" "^powerchain: $arg: " "must start with 0x" "${words[@]/#@/}"
    check "$cmd: too long" "^powerchain: $arg: " "40 expected" \
        "${words[@]/#@/0x$(printf 'a%.0s' $(seq 9998))}"
    check "$cmd: negative" "^powerchain: $arg: " "must start with 0x" "${words[@]/#@/-1}"
    check "$cmd: a number" "^powerchain: $arg: " "must start with 0x" "${words[@]/#@/$two256}"
    check "$cmd: wrong checksum" "^powerchain: $arg: " \
        "checksum.*0x70997970C51812dc3A010C7d01b50e0d17dc79C8" \
        "${words[@]/#@/0x70997970C51812dc3A010C7d01b50e0d17dc79c8}"
    check "$cmd: decimal point" "^powerchain: $arg: " "not a hex digit" "${words[@]/#@/0x${hex38}1.}"
    check "$cmd: non-ASCII" "^powerchain: $arg: " "not a hex digit" "${words[@]/#@/0x${hex38}$umlaut}"
    check "$cmd: control character" "^powerchain: $arg: " "not a hex digit" \
        "${words[@]/#@/0x${hex38}1$'\x1b'}"
done

# buy|sell and the parameter name.
for v in "" "BUY" "$ones" "-1" "$umlaut" $'buy\x1b[2J'; do
    check "side $(printf %q "${v:0:24}")" '^powerchain: buy\|sell: ' 'must be "buy" or "sell"' \
        send addOrder 1 1 "$v"
    check "parameter name $(printf %q "${v:0:24}")" "^powerchain: NAME: " \
        "one of M, B, C, H, F" send setParameter "$v" 1
done

# Global options: --chain-id and --timeout take whole numbers.
for opt in chain-id timeout; do
    for v in "" "$ones" "-1" "$two256" "1.5" "$fullwidth" "$umlaut" "$escape"; do
        check "--$opt $(printf %q "${v:0:24}")" "--$opt" "must be a whole number" \
            "--$opt" "$v" call getTotalENT
    done
done
check "--timeout 0" "--timeout" "at least 1 second" --timeout 0 call getTotalENT
check "--timeout 86401" "--timeout" "86400" --timeout 86401 call getTotalENT

# --rpc: a URL of a node; malformed ones are the person's mistake, not the
# node's, so they must never reach the network.
for v in "" "ftp://127.0.0.1:9" "-1" "http://" "http://$(printf 'a%.0s' $(seq 10000))" \
    "http://$umlaut" "http://$fullwidth" $'http://127.0.0.1:9/\x1b[2J' "http://127.0.0.1:9 x"; do
    check "--rpc $(printf %q "${v:0:24}")" "node URL|--rpc" "URL" \
        --rpc "$v" call getTotalENT
done

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
