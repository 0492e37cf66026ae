#!/usr/bin/env bash
# Runs a test program (its path is the first argument) against a demo
# devnet with an index of its own: the program does the checking, given
# the node's URL and the deployment file.
set -uo pipefail
. "$PROJECT_ROOT/tests/lib/devnet.sh"
. "$PROJECT_ROOT/tests/wallet/lib.sh"

devnet_up --demo 2>/dev/null || exit 1
history_cache
"$1" "$DEVNET_RPC" "$DEVNET_JSON"
