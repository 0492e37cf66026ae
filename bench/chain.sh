# shellcheck shell=bash
# bench/chain.sh: a devnet chain holding N contract transactions for the
# benchmarks that read the history (source it after tests/lib/devnet.sh
# and devnet/scenario.sh, with a devnet up, the scenario's keys written,
# scenario_setup played, and pc() reading from the devnet):
#
#   bench_chain N   about 90% meter readings through `powerchain meter run`
#                   (U1's crediting A, then 2000 empty blocks, then U2's
#                   crediting B; C owns both units), 5% of A's sell orders,
#                   5% of A's votes, over N+2000 blocks

bench_chain() {
    local n=$1 orders votes readings half i
    orders=$((n / 20)) votes=$((n / 20))
    readings=$((n - orders - votes - 5)) # scenario_setup sent 5
    echo "building the chain: $readings readings, $orders orders, $votes votes" >&2
    # Readings go in runs of 500: a node's pool slows down with thousands pending.
    readings_as() { # UNIT PRODUCER COUNT
        local left=$3 k i
        while ((left > 0)); do
            k=$((left < 500 ? left : 500))
            for ((i = 0; i < k; i++)); do echo "produce $2 1"; done >"$DEVNET_DIR/readings"
            pc --private-key-file "$DEVNET_DIR/$1.key" meter run --wait 600 <"$DEVNET_DIR/readings" \
                >/dev/null 2>"$DEVNET_DIR/meter.log" || { tail -3 "$DEVNET_DIR/meter.log" >&2; exit 1; }
            left=$((left - k))
        done
    }
    half=$((readings / 2))
    readings_as U1 "$SCENARIO_A" "$half"
    # 2000 empty blocks, in steps that a busy node answers within cast's timeout.
    for ((i = 0; i < 20; i++)); do
        "$CAST" rpc --rpc-url "$DEVNET_RPC" anvil_mine 0x64 >/dev/null
    done
    readings_as U2 "$SCENARIO_B" "$((readings - half))"
    for ((i = 0; i < orders; i++)); do
        as A send addOrder 2 0.000001 sell || { echo "order $i failed" >&2; exit 1; }
    done
    for ((i = 0; i < votes; i++)); do
        as A send addVoter "$SCENARIO_C" || { echo "vote $i failed" >&2; exit 1; }
    done
}
