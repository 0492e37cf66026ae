# shellcheck shell=bash
# tests/lib/failover.sh: nodes that fail or misbehave, for failover tests (bash; source
# after tests/lib/devnet.sh, call after devnet_up).
#
#   proxy_up [MODE [N]]  starts tests/lib/proxy.js in front of the devnet; the
#                default mode, die-after-send, forwards JSON-RPC until it has
#                passed on one eth_sendRawTransaction, answers it and dies.
#                Sets PROXY (its pid) and PROXY_RPC.
#   proxy_wait   waits (up to WAIT_SECONDS) for the proxy to die by itself,
#                then ends it; sets PROXY_END to "gone" (it died by itself) or
#                "killed". Unlike a plain wait, it cannot hang a test whose
#                client never reached the send.
#   node2_up [OPTS]  starts a second devnet, a chain of its own deployed the same
#                way (same contract address, same state), that never hears
#                what the first node is sent; OPTS go to devnet/start (e.g.
#                --chain-id 4201). Sets NODE2_RPC and NODE2_JSON; 1 on failure.
#   networks_config FILE  appends [network one] (the devnet, chain id 4200)
#                and [network two] (the second node, chain id 4201, started
#                with node2_up --chain-id 4201) to config file FILE.
#   failover_down  stops both (run it from the test's EXIT trap).

# The port a started proxy or node printed ("listening PORT") in FILE.
_listening_port() { sed -n 's/^listening \([0-9]*\)$/\1/p' "$1" | grep .; }

proxy_up() {
    # Emptied here, not by the background job's redirection: that one runs
    # in the child, and the wait below could still read the last proxy's port.
    : >"$DEVNET_DIR/proxy.log"
    node "$PROJECT_ROOT/tests/lib/proxy.js" "${@:-die-after-send}" "$DEVNET_RPC" \
        >>"$DEVNET_DIR/proxy.log" 2>&1 &
    PROXY=$!
    wait_for "the proxy ($*) to listen" _listening_port "$DEVNET_DIR/proxy.log" ||
        { cat "$DEVNET_DIR/proxy.log" >&2; return 1; }
    PROXY_RPC="http://127.0.0.1:$(_listening_port "$DEVNET_DIR/proxy.log")"
}

# Exited: gone, or a zombie (state Z) until waited for.
_proxy_exited() {
    local state=Z
    [[ -r /proc/$PROXY/stat ]] && read -r _ _ state _ <"/proc/$PROXY/stat"
    [[ $state == Z ]]
}

proxy_wait() {
    if wait_for "the proxy to end by itself" _proxy_exited && wait "$PROXY" 2>/dev/null; then
        PROXY_END=gone
    else
        kill "$PROXY" 2>/dev/null
        wait "$PROXY" 2>/dev/null
        PROXY_END=killed
    fi
}

NODE2_DIR=
node2_up() {
    local i port address=
    NODE2_DIR=$(mktemp -d "${TMPDIR:-/tmp}/powerchain-devnet2.XXXXXX")
    for ((i = 0; i < 5; i++)); do
        port=$((20000 + (RANDOM * 32768 + RANDOM) % 12000))
        _devnet_port_free "$port" || continue
        address=$("$PROJECT_ROOT/devnet/start" --port "$port" --state "$NODE2_DIR" "$@") && break
        rm -rf "${NODE2_DIR:?}"/*
    done
    if [[ $address != "$DEVNET_ADDRESS" ]]; then
        echo "node2_up: no second node with the contract at $DEVNET_ADDRESS (got '$address')" >&2
        return 1
    fi
    NODE2_RPC="http://127.0.0.1:$port"
    NODE2_JSON="$NODE2_DIR/powerchain.json"
}

networks_config() {
    cat >>"$1" <<END
[network one]
rpc = $DEVNET_RPC
contract = $DEVNET_JSON
chain-id = 4200

[network two]
rpc = $NODE2_RPC
contract = $NODE2_JSON
chain-id = 4201
END
}

failover_down() {
    [[ -n ${PROXY:-} ]] && kill "$PROXY" 2>/dev/null
    if [[ -n $NODE2_DIR ]]; then
        [[ -f $NODE2_DIR/node.pid ]] && "$PROJECT_ROOT/devnet/stop" --state "$NODE2_DIR"
        rm -rf "$NODE2_DIR"
    fi
}
