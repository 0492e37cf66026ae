# shellcheck shell=bash
# tests/lib/devnet.sh: shared helpers for integration tests (bash; source it).
#
#   . "$PROJECT_ROOT/tests/lib/devnet.sh"
#   devnet_up [devnet/start options]   fresh devnet on a free port, in a
#                                      temporary state dir; stopped on exit
#   devnet_up_beside NAME [options]    after devnet_up: one more, on another
#                                      free port, its state in DEVNET_DIR/NAME;
#                                      exports NAME_RPC, NAME_DIR, NAME_JSON and
#                                      NAME_ADDRESS; devnet_down stops it too
#   devnet_replace [options]           after devnet_up: the node stopped and a
#                                      new chain started on its port with the
#                                      same chain id and deployment (so the
#                                      same contract address) but another
#                                      genesis block; exports DEVNET_GENESIS
#   devnet_free_port                   prints a port nothing listens on now
#   assert_eq "what" "$got" "$want"    one line per failure, counted
#   assert_match "what" "$got" 'glob'  same, for a bash glob pattern
#   assert_summary                     last line "N passed, N failed";
#                                      returns 1 when anything failed
#   wait_for WHAT CMD...               tests/lib/wait.sh's (sourced here)
#   expect_within WHAT CMD...          wait_for, counted as an assertion
#
# devnet_up exports DEVNET_PORT, DEVNET_RPC (http URL), DEVNET_DIR (state dir),
# DEVNET_JSON (DEVNET_DIR/powerchain.json) and DEVNET_ADDRESS (the contract).
# It installs an EXIT trap (INT and TERM exit through it) that stops the node
# and removes the state dir, so a failing or interrupted test leaves nothing.
#
# Environment: PROJECT_ROOT (default: this checkout), POWERCHAIN_BIN (the
# deployer devnet/start runs; default build/powerchain -- point it at
# tests/lib/cast-deploy to deploy with Foundry's cast instead),
# DEVNET_PORT_MIN / DEVNET_PORT_MAX (port range to pick from). It also exports
# CAST, the pinned Foundry cast, and POWERCHAIN_FEE_CAP (1 ETH unless set).

PROJECT_ROOT=${PROJECT_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}
export PROJECT_ROOT
# shellcheck source=tests/lib/wait.sh
. "$PROJECT_ROOT/tests/lib/wait.sh"
export POWERCHAIN_BIN=${POWERCHAIN_BIN:-$PROJECT_ROOT/build/powerchain}
export CAST="$PROJECT_ROOT/node_modules/.bin/cast" # Foundry's cast, for the tests
# The devnet charges anvil's 1 gwei priority fee from London on; the default
# fee cap (0) would refuse it. Tests of the cap itself unset this.
export POWERCHAIN_FEE_CAP=${POWERCHAIN_FEE_CAP:-1000000000000000000}

# The history index is tied to its chain's genesis, and every devnet is a
# new chain with the same chain id and contract address: a test that does
# not choose a cache folder of its own gets one in DEVNET_DIR (devnet_up),
# so that no test meets another's index (nor the person's in ~/.cache).
_DEVNET_OUTER_CACHE=${XDG_CACHE_HOME-}

ASSERT_PASSED=0
ASSERT_FAILED=0

_devnet_port_free() {
    # A connection only succeeds when something listens there.
    ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# The range stays below Linux's ephemeral ports (32768 and up), which an
# outgoing connection may hold without listening.
devnet_free_port() {
    local min=${DEVNET_PORT_MIN:-20000} max=${DEVNET_PORT_MAX:-32000} try port
    for ((try = 0; try < 20; try++)); do
        port=$((min + (RANDOM * 32768 + RANDOM) % (max - min + 1)))
        _devnet_port_free "$port" && echo "$port" && return 0
    done
    echo "devnet_free_port: no free port in $min..$max after 20 tries" >&2
    return 1
}

devnet_down() {
    if [[ -n ${DEVNET_DIR:-} && -d $DEVNET_DIR ]]; then
        local pidfile
        for pidfile in "$DEVNET_DIR"/*/node.pid "$DEVNET_DIR/node.pid"; do
            [[ -f $pidfile ]] && "$PROJECT_ROOT/devnet/stop" --state "$(dirname "$pidfile")"
        done
        rm -rf "$DEVNET_DIR"
    fi
}

# _devnet_start DIR [devnet/start options]: devnet/start on a free port with
# its state in DIR; sets _DEVNET_PORT and _DEVNET_ADDRESS.
_devnet_start() {
    local dir=$1 try port
    shift
    # Another process may still take the port between the check and anvil's
    # bind: then another port is tried, whatever the failure was.
    for ((try = 0; try < 5; try++)); do
        port=$(devnet_free_port) || continue
        if _DEVNET_ADDRESS=$("$PROJECT_ROOT/devnet/start" --port "$port" --state "$dir" "$@"); then
            _DEVNET_PORT=$port
            return 0
        fi
        rm -rf "${dir:?}"/*
    done
    echo "devnet_up: could not start a devnet" >&2
    return 1
}

devnet_up() {
    DEVNET_DIR=$(mktemp -d "${TMPDIR:-/tmp}/powerchain-devnet.XXXXXX")
    export DEVNET_DIR
    trap devnet_down EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
    _devnet_start "$DEVNET_DIR" "$@" || return 1
    export DEVNET_ADDRESS=$_DEVNET_ADDRESS DEVNET_PORT=$_DEVNET_PORT DEVNET_RPC="http://127.0.0.1:$_DEVNET_PORT"
    export DEVNET_JSON="$DEVNET_DIR/powerchain.json"
    [[ ${XDG_CACHE_HOME-} == "$_DEVNET_OUTER_CACHE" ]] && export XDG_CACHE_HOME=$DEVNET_DIR/cache
    return 0
}

devnet_genesis() { "$CAST" block 0 --field hash --rpc-url "$DEVNET_RPC"; }

# anvil's genesis block holds its start time: a chain started in the same
# second as the last one is the same chain, so it is started again until
# its genesis differs (each try takes about a second).
devnet_replace() {
    local old try
    old=$(devnet_genesis) || return 1
    for ((try = 0; try < 10; try++)); do
        "$PROJECT_ROOT/devnet/stop" --state "$DEVNET_DIR" || return 1
        "$PROJECT_ROOT/devnet/start" --port "$DEVNET_PORT" --state "$DEVNET_DIR" "$@" \
            >/dev/null || return 1
        DEVNET_GENESIS=$(devnet_genesis) || return 1
        [[ $DEVNET_GENESIS != "$old" ]] && export DEVNET_GENESIS && return 0
    done
    echo "devnet_replace: the genesis stayed $old over $try starts" >&2
    return 1
}

devnet_up_beside() {
    local name=$1
    shift
    mkdir -p "$DEVNET_DIR/$name"
    _devnet_start "$DEVNET_DIR/$name" "$@" || return 1
    export "${name}_DIR=$DEVNET_DIR/$name" "${name}_RPC=http://127.0.0.1:$_DEVNET_PORT" \
        "${name}_JSON=$DEVNET_DIR/$name/powerchain.json" "${name}_ADDRESS=$_DEVNET_ADDRESS"
}

assert_eq() {
    if [[ $2 == "$3" ]]; then
        ASSERT_PASSED=$((ASSERT_PASSED + 1))
    else
        ASSERT_FAILED=$((ASSERT_FAILED + 1))
        echo "FAIL: $1: got '$2', want '$3'"
    fi
}

assert_match() {
    # shellcheck disable=SC2053 # $3 is a glob on purpose
    if [[ $2 == $3 ]]; then
        ASSERT_PASSED=$((ASSERT_PASSED + 1))
    else
        ASSERT_FAILED=$((ASSERT_FAILED + 1))
        echo "FAIL: $1: got '$2', want a match for '$3'"
    fi
}

expect_within() {
    if wait_for "$@"; then
        ASSERT_PASSED=$((ASSERT_PASSED + 1))
    else
        ASSERT_FAILED=$((ASSERT_FAILED + 1))
        echo "FAIL: $1"
    fi
}

assert_summary() {
    echo "$ASSERT_PASSED passed, $ASSERT_FAILED failed"
    ((ASSERT_FAILED == 0))
}
