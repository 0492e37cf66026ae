#!/usr/bin/env bash
# wallet/past.h's reader over a demo devnet: tests/wallet/test_past_reader.c
# (its path is the first argument) does the checking.
set -uo pipefail
. "$PROJECT_ROOT/tests/lib/devnet.sh"
. "$PROJECT_ROOT/tests/wallet/lib.sh"

devnet_up --demo 2>/dev/null || exit 1
history_cache
"$1" "$DEVNET_RPC" "$DEVNET_JSON"
