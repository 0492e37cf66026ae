# Shared by the keystore scripts (sourced): paths, a scratch folder removed
# on exit, light scrypt, and small assertion helpers that count results.
set -u

: "${POWERCHAIN_BIN:?run through meson test (POWERCHAIN_BIN unset)}"
: "${PROJECT_ROOT:?run through meson test (PROJECT_ROOT unset)}"
PC=$POWERCHAIN_BIN
CAST=$PROJECT_ROOT/node_modules/.bin/cast
export POWERCHAIN_SCRYPT_N=4096
unset POWERCHAIN_KEYSTORE POWERCHAIN_ACCOUNT
WORK=$(mktemp -d /tmp/pc-ks-XXXXXX)
trap 'rm -rf "$WORK"' EXIT
# Commands run without a controlling terminal unless a test gives them one
# (script), so nothing can stop to ask a question.
NO_TTY="setsid -w"

# The key of the Web3 Secret Storage vectors and its address.
KEY=7a28b5ba57c53603b0b07b56bba752f7784bf506fa95edc395f5cf6c7514fe9d
ADDR=0x008AeEda4D805471dF9b2A5B0f38A0C3bCBA786b

passed=0
failed=0
ok() { passed=$((passed + 1)); }
bad() { failed=$((failed + 1)); echo "FAIL: $*" >&2; }

# expect CODE PATTERN CMD...: runs CMD, wants exit code CODE and PATTERN
# (grep -E) in its stdout+stderr. Leaves the output in $out.
expect() {
    local code=$1 pattern=$2
    shift 2
    local rc=0
    out=$("$@" 2>&1) || rc=$?
    if [ "$rc" != "$code" ]; then
        bad "$* exited $rc, wanted $code: $out"
    elif ! grep -qE -- "$pattern" <<<"$out"; then
        bad "$*: output lacks /$pattern/: $out"
    else
        ok
    fi
}

check() { # check DESCRIPTION TEST...
    local what=$1
    shift
    if "$@"; then ok; else bad "$what"; fi
}

# The private key printed by `account export --reveal`, which insists on a
# terminal: run under script(1)'s pseudo-terminal.
reveal() { # reveal KEYSTORE ACCOUNT PASSWORD_FILE
    script -qec "$PC --keystore '$1' --password-file '$3' account export '$2' --reveal" /dev/null |
        tr -d '\r' | grep -oE '^0x[0-9a-f]{64}$'
}

# converse CMD PROMPT ANSWER...: runs CMD on a pseudo-terminal (script(1))
# and types each ANSWER once its PROMPT has appeared. Echo goes off (and
# earlier typing is flushed) before a password prompt is shown, so waiting
# for it keeps the answer however slowly CMD starts (valgrind, say). The
# session's output, carriage returns removed, is left in $out.
converse() {
    local cmd=$1 log=$WORK/converse.log
    shift
    : >"$log"
    {
        while [ $# -ge 2 ]; do
            # A deadline in wall time, generous for a busy machine; past it
            # the answer goes anyway and the caller's check says what came.
            local since=$SECONDS
            until grep -qF -- "$1" "$log" || ((SECONDS - since >= ${WAIT_SECONDS:-120})); do
                sleep 0.1
            done
            printf '%s\n' "$2"
            shift 2
        done
    } | script -qfec "$cmd" "$log" >/dev/null
    out=$(tr -d '\r' <"$log")
}

pw() { # pw FILE TEXT: a password file
    (umask 077 && printf '%s\n' "$2" >"$1")
}

summary() {
    echo "$passed passed, $failed failed"
    [ "$failed" = 0 ]
}
