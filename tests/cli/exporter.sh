#!/usr/bin/env bash
# powerchain exporter against the demo devnet (the chapter 6 scenario
# played), scraped by a real Prometheus (Debian's, scrape interval 1 s, a
# storage folder of its own): through Prometheus's HTTP API,
# powerchain_energy_stored_wh and powerchain_ent_supply equal what
# `powerchain status` says. Also: the page passes promtool's lint, node
# labels carry no credentials, another path is 404, and an exporter whose
# node is down still answers, with powerchain_up 0.
set -uo pipefail
. "$PROJECT_ROOT/tests/lib/devnet.sh"

devnet_up --demo || exit 1
EXPORTER= EXPORTER2= PROM=
cleanup() {
    local p
    for p in "$EXPORTER" "$EXPORTER2" "$PROM"; do
        [[ -n $p ]] && kill "$p" 2>/dev/null && wait "$p" 2>/dev/null
    done
    devnet_down
}
trap cleanup EXIT
export XDG_CACHE_HOME=$DEVNET_DIR/cache POWERCHAIN_CONFIG=$DEVNET_DIR/no-config
unset POWERCHAIN_RPC
PROMETHEUS=${PROMETHEUS:-prometheus}
command -v "$PROMETHEUS" >/dev/null || { echo "FAIL: no prometheus binary (scripts/setup installs it)"; exit 1; }

# exporter_url LOG: the URL an exporter started with --listen HOST:0 prints
exporter_url() { # LOG
    local i url=
    for ((i = 0; i < 100; i++)); do
        url=$(sed -n 's/^powerchain exporter: listening on //p' "$1")
        [[ -n $url ]] && break
        sleep 0.1
    done
    [[ -n $url ]] || { echo "no exporter listening; its log:" >&2; cat "$1" >&2; }
    echo "$url"
}

"$POWERCHAIN_BIN" --rpc "$DEVNET_RPC" --rpc "http://alice:s3cret@127.0.0.1:9/x?key=abc" \
    --contract-json "$DEVNET_JSON" exporter --listen 127.0.0.1:0 --cache 1 \
    2>"$DEVNET_DIR/exporter.log" &
EXPORTER=$!
URL=$(exporter_url "$DEVNET_DIR/exporter.log")
assert_match "listens on a port of its own" "$URL" "http://127.0.0.1:*/metrics"

echo "# the page"
page=$(curl -sS "$URL")
assert_match "powerchain_up 1" "$page" "*powerchain_up 1*"
assert_eq "promtool's lint finds nothing" \
    "$(promtool check metrics <<<"$page" 2>&1; echo "exit $?")" "exit 0"
assert_eq "content type 0.0.4" \
    "$(curl -sS -o /dev/null -w '%{content_type}' "$URL")" "text/plain; version=0.0.4; charset=utf-8"
for name in powerchain_energy_stored_wh powerchain_unit_energy_wh powerchain_ent_supply \
    powerchain_eeuro_supply powerchain_mint_cost powerchain_burn_cost powerchain_peg_gap_ent \
    powerchain_orders powerchain_best_price powerchain_last_trade_price powerchain_trades_total \
    powerchain_voters powerchain_withdrawals_pending_eeuro powerchain_node_up \
    powerchain_node_head_block powerchain_node_latency_seconds powerchain_failovers_total \
    powerchain_index_head_block; do
    assert_match "$name with HELP and TYPE" "$page" "*# HELP $name *# TYPE $name *$name*"
done
# Figures of the chapter 6 scenario (PROTOCOL.md's figure 8): exact decimal text.
assert_match "ENT in circulation" "$page" "*"$'\n'"powerchain_ent_supply 2.143"$'\n'"*"
assert_match "the last trade at 0.5" "$page" "*"$'\n'"powerchain_last_trade_price 0.5"$'\n'"*"
assert_match "A's buy order open at 1" "$page" "*powerchain_best_price{side=\"buy\"} 1"$'\n'"*"
assert_match "one fill" "$page" "*"$'\n'"powerchain_trades_total 1"$'\n'"*"
assert_match "two voters" "$page" "*"$'\n'"powerchain_voters 2"$'\n'"*"
assert_match "U2's energy" "$page" \
    "*powerchain_unit_energy_wh{unit=\"0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65\"} 2143*"
assert_match "the node up" "$page" "*powerchain_node_up{node=\"$DEVNET_RPC\"} 1*"
assert_match "the dead node down, shown without credentials" "$page" \
    "*powerchain_node_up{node=\"http://127.0.0.1:9\"} 0*"
[[ $page == *s3cret* || $page == *alice* || $page == *key=abc* ]] && leaked=yes || leaked=no
assert_eq "no credential in the page" "$leaked" no
assert_eq "another path: 404" "$(curl -s -o /dev/null -w '%{http_code}' "${URL%/metrics}/other")" 404

echo "# Prometheus scrapes it"
port=$(devnet_free_port)
target=${URL#http://}
target=${target%/metrics}
cat >"$DEVNET_DIR/prometheus.yml" <<END
global:
  scrape_interval: 1s
  scrape_timeout: 1s
scrape_configs:
  - job_name: powerchain
    static_configs:
      - targets: ['$target']
END
"$PROMETHEUS" --config.file="$DEVNET_DIR/prometheus.yml" --storage.tsdb.path="$DEVNET_DIR/tsdb" \
    --web.listen-address="127.0.0.1:$port" >"$DEVNET_DIR/prometheus.log" 2>&1 &
PROM=$!
query() { # EXPRESSION: the value of its one sample, or empty
    curl -sS -G "http://127.0.0.1:$port/api/v1/query" --data-urlencode "query=$1" 2>/dev/null |
        jq -r '.data.result[0].value[1] // empty' 2>/dev/null
}
wh= ent=
for ((i = 0; i < 600; i++)); do # Prometheus starts, then scrapes within a second or two
    wh=$(query powerchain_energy_stored_wh)
    ent=$(query powerchain_ent_supply)
    [[ -n $wh && -n $ent ]] && break
    sleep 0.1
done
if [[ -z $wh || -z $ent ]]; then
    echo "Prometheus gave no sample in 60 s; its log:"
    tail -20 "$DEVNET_DIR/prometheus.log"
    echo "its targets: $(curl -sS "http://127.0.0.1:$port/api/v1/targets" 2>&1 | head -c 600)"
fi
status=$("$POWERCHAIN_BIN" --rpc "$DEVNET_RPC" --contract-json "$DEVNET_JSON" --json status)
assert_eq "stored energy: Prometheus says what status says" "$wh" \
    "$(jq -r .energy_stored_wh <<<"$status")"
human=$("$POWERCHAIN_BIN" --rpc "$DEVNET_RPC" --contract-json "$DEVNET_JSON" status)
assert_eq "ENT in circulation: Prometheus says what status says" "$ent" \
    "$(sed -n 's/^supply *\([0-9.]*\) ENT,.*/\1/p' <<<"$human")"
assert_eq "and that is the scenario's 2.143" "$ent" 2.143
assert_eq "Prometheus sees the target up" "$(query 'up{job="powerchain"}')" 1

echo "# a node that does not answer"
"$POWERCHAIN_BIN" --rpc http://127.0.0.1:9 --contract-json "$DEVNET_JSON" --timeout 2 \
    exporter --listen 127.0.0.1:0 2>"$DEVNET_DIR/exporter2.log" &
EXPORTER2=$!
URL2=$(exporter_url "$DEVNET_DIR/exporter2.log")
page=$(curl -sS "$URL2")
assert_match "still answers: powerchain_up 0" "$page" "*powerchain_up 0*"
assert_match "the node down" "$page" "*powerchain_node_up{node=\"http://127.0.0.1:9\"} 0*"
[[ $page == *powerchain_ent_supply* ]] && has=yes || has=no
assert_eq "no contract figures" "$has" no
kill "$EXPORTER2"
wait "$EXPORTER2"
assert_eq "SIGTERM ends it with 0" "$?" 0
EXPORTER2=

echo "# bad input"
"$POWERCHAIN_BIN" --contract-json "$DEVNET_JSON" exporter --listen nowhere >/dev/null \
    2>"$DEVNET_DIR/err"
assert_eq "a --listen without a port: exit 2" "$?" 2
assert_match "says what to give" "$(cat "$DEVNET_DIR/err")" "*--listen: give HOST:PORT*"

assert_summary
