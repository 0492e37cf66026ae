# shellcheck shell=bash
# tests/lib/wait.sh: waiting for a condition in a test (bash; source it;
# tests/lib/devnet.sh does).
#
#   wait_for WHAT CMD...   runs CMD (its output kept quiet) every 0.1 s until
#                          it succeeds, for up to WAIT_SECONDS of wall time;
#                          then prints what it waited for, how long, and the
#                          last lines CMD printed, and returns 1
#   assert_eventually WHAT CMD...  wait_for as an assertion of the test's
#                          (counted for assert_summary, tests/lib/devnet.sh)
#
# A wait is a condition with a deadline, never a fixed sleep: a fast machine
# never waits long, and a busy one (another whole suite beside this one) is
# given WAIT_SECONDS (default 120) before a test calls it a failure.

WAIT_SECONDS=${WAIT_SECONDS:-120}

# (Its locals have names of their own: bash's scoping would show them to
# CMD in place of the caller's variables of the same name.)
wait_for() {
    local _wait_what=$1 _wait_start=$SECONDS _wait_out
    shift
    while :; do
        _wait_out=$("$@" 2>&1) && return 0
        if ((SECONDS - _wait_start >= WAIT_SECONDS)); then
            echo "gave up waiting for $_wait_what after $((SECONDS - _wait_start)) s; last saw:" >&2
            printf '%s\n' "${_wait_out:-(nothing)}" | tail -n 20 | sed 's/^/    | /' >&2
            return 1
        fi
        sleep 0.1
    done
}

assert_eventually() {
    if wait_for "$@"; then
        ASSERT_PASSED=$((ASSERT_PASSED + 1))
    else
        ASSERT_FAILED=$((ASSERT_FAILED + 1))
        echo "FAIL: $1"
    fi
}
