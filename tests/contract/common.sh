# shellcheck shell=bash
# tests/contract/common.sh: what the contract tests share (source it).
# Talks to the contract only through Foundry's cast, a client independent of
# ours. Accounts are anvil's public development accounts ("test ... junk"):
#   A=0 deploys and is the first voter, B=1, C=2 owns the units, U1=3 and
#   U2=4 are storage units (the roles of PROTOCOL.md "Worked figures"), D=5.
#
#   tx WHO 'sig(types)' args...   send as WHO; prints one line per event,
#                                 "Info: text" or "Error: text", or
#                                 "REVERTED: ..." when the call did not succeed
#   rd WHO 'sig()(types)' args... eth_call from WHO; values space-separated,
#                                 without cast's "[8e18]" annotations
#   revert_data WHO 'sig(types)' args...
#                                 the data an eth_call from WHO reverts with
#                                 ("0x" for none), or "no revert"
#   hex WHO                       WHO's address as in vote strings (40 hex)
#   advance SECONDS               moves the chain clock on and mines a block
#   says OURS THESIS              OURS on the project's contract, THESIS on the
#                                 thesis-like one (contract_up --contract thesis)

# shellcheck source=tests/lib/devnet.sh
. "$(dirname "${BASH_SOURCE[0]}")/../lib/devnet.sh"

# shellcheck disable=SC2034 # used by the scripts that source this file
A=0 B=1 C=2 U1=3 U2=4 D=5
ADDR=(0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266 0x70997970C51812dc3A010C7d01b50e0d17dc79C8
      0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC 0x90F79bf6EB2c4f870365E785982E1f101E93b906
      0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65 0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc)
KEY=(0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80
     0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d
     0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a
     0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6
     0x47e179ec197488593b187f80a00eb0da91f1b9d0b13f8733639f19c30a34926a
     0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba)
TOPIC_INFO=0x6d128f203c67be3b2d9bf1612fd59bdd6ae01f4f0d2ffedd05e76ab2a09b7f8a
TOPIC_ERROR=$("$CAST" keccak 'Error(string)')
CAST_TX_FLAGS=()
THESIS=0

# contract_up [devnet/start options]: a fresh devnet with the contract.
contract_up() {
    [[ " $* " == *" --contract thesis "* ]] && THESIS=1
    devnet_up "$@" || exit 1
    # Chains before London have no base fee and take only legacy transactions.
    if [[ -z $("$CAST" block latest --field baseFeePerGas --rpc-url "$DEVNET_RPC") ]]; then
        CAST_TX_FLAGS=(--legacy)
    fi
}

revert_data() {
    local who=$1 out
    shift
    if out=$("$CAST" call --rpc-url "$DEVNET_RPC" --from "${ADDR[$who]}" "$DEVNET_ADDRESS" "$@" 2>&1); then
        echo "no revert"
    else
        sed -n 's/.*execution reverted.*data: "\(0x[0-9a-f]*\)".*/\1/p' <<<"$out"
    fi
}

hex() {
    local a=${ADDR[$1],,}
    echo "${a#0x}"
}

tx() {
    local who=$1 receipt status topic data
    shift
    if ! receipt=$("$CAST" send --json "${CAST_TX_FLAGS[@]}" --rpc-url "$DEVNET_RPC" \
            --private-key "${KEY[$who]}" "$DEVNET_ADDRESS" "$@" 2>&1); then
        echo "REVERTED: $receipt" | head -n 1
        return
    fi
    status=$(jq -r .status <<<"$receipt")
    [[ $status == 0x1 ]] || { echo "REVERTED: status $status"; return; }
    while read -r topic data; do
        case $topic in
            "$TOPIC_INFO") echo "Info: $("$CAST" abi-decode 'f()(string)' "$data" | sed 's/^"//; s/"$//')" ;;
            "$TOPIC_ERROR") echo "Error: $("$CAST" abi-decode 'f()(string)' "$data" | sed 's/^"//; s/"$//')" ;;
            *) echo "Unknown event: $topic" ;;
        esac
    done < <(jq -r '.logs[] | "\(.topics[0]) \(.data)"' <<<"$receipt")
}

rd() {
    local who=$1
    shift
    "$CAST" call --rpc-url "$DEVNET_RPC" --from "${ADDR[$who]}" "$DEVNET_ADDRESS" "$@" \
        | sed -E 's/ \[[0-9.e+-]+\]//g' | paste -sd ' '
}

says() {
    if ((THESIS)); then echo "$2"; else echo "$1"; fi
}

advance() {
    "$CAST" rpc --rpc-url "$DEVNET_RPC" evm_increaseTime "$1" >/dev/null
    "$CAST" rpc --rpc-url "$DEVNET_RPC" evm_mine >/dev/null
}
