# shellcheck shell=bash
# bench/panel_devnet.sh [BUILD_DIR] (source it): what the benchmarks that
# drive the panel share: root, PROJECT_ROOT and POWERCHAIN_BIN (BUILD_DIR's,
# build/ by default), tests/contract/common.sh and tests/tui/lib.sh, and a
# fresh devnet with the contract; the panel and the devnet go on exit.
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export PROJECT_ROOT=$root POWERCHAIN_BIN=${1:-$root/build}/powerchain
[[ $POWERCHAIN_BIN = /* ]] || POWERCHAIN_BIN=$root/$POWERCHAIN_BIN
. "$root/tests/contract/common.sh"
. "$root/tests/tui/lib.sh"
contract_up || exit 1
trap 'tui_down; devnet_down' EXIT
