# tests/tui/lib.sh: drive the panel in tmux (bash; source after devnet.sh).
#
#   tui_start ARGS...       starts `$POWERCHAIN_BIN ARGS... tui` in a detached
#                           tmux session of TUI_COLS x TUI_LINES (default
#                           100x30) on a new private server (UTF-8; TUI_ENV,
#                           e.g. "NO_COLOR=1", adds to its environment)
#   tui_keys KEYS...        tmux send-keys
#   tui_type TEXT           types TEXT literally
#   tui_screen [-e]         the screen as text (-e: with its escape sequences)
#   tui_wait TEXT [SECS]    waits until TEXT shows (default 15 s); 1 if not
#   tui_expect WHAT TEXT    asserts that TEXT shows (waiting for it)
#   tui_dialog LABEL        the value of the confirmation's line LABEL ("the
#                           contract", "warning"), its wrapped rows joined
#   tui_message             the message, its wrapped lines joined
#   tui_wait_message TEXT   waits until the message starts with TEXT
#                           (default 30 s); 1 if not
#   tui_running             true while the panel's process lives
#   tui_stop                ends the panel and its tmux server
#   tui_down                tui_stop, and removes the test's files (on exit)
# The panel's history index goes to $TUI_DIR/cache (XDG_CACHE_HOME), its
# contacts file to $TUI_DIR/config/powerchain/contacts (XDG_CONFIG_HOME).
# Anvil's public development accounts and keys come from tests/contract/common.sh.

# Each start gets its own tmux server: a server that is still shutting down
# after kill-server can otherwise accept the next new-session and take it
# down with it.
TUI_RUNS=0
TUI_SOCK="powerchain-tui-$$-0"
TUI_SESSION=panel
TUI_DIR=$(mktemp -d "${TMPDIR:-/tmp}/powerchain-tui.XXXXXX")
# The panel keeps its history index under $XDG_CACHE_HOME/powerchain: the
# test's own, removed with it.
export XDG_CACHE_HOME=$TUI_DIR/cache
# Nor the person's contacts file: names come from the test alone.
export XDG_CONFIG_HOME=$TUI_DIR/config
TUI_LOG=$TUI_DIR/log-0

tui_stop() { tmux -L "$TUI_SOCK" kill-server 2>/dev/null; }

tui_down() {
    tui_stop
    rm -rf "$TUI_DIR"
}

# key_file N: a file holding anvil's dev key N (for --private-key-file).
key_file() {
    local f=$TUI_DIR/key-$1
    (umask 077 && echo "${KEY[$1]#0x}" >"$f")
    echo "$f"
}

tui_start() {
    local cmd
    tui_stop
    TUI_RUNS=$((TUI_RUNS + 1))
    TUI_SOCK="powerchain-tui-$$-$TUI_RUNS"
    TUI_LOG=$TUI_DIR/log-$TUI_RUNS
    printf -v cmd '%q ' "$POWERCHAIN_BIN" "$@" tui
    tmux -L "$TUI_SOCK" new-session -d -s "$TUI_SESSION" -x "${TUI_COLS:-100}" -y "${TUI_LINES:-30}" \
        "LANG=C.UTF-8 LC_ALL=C.UTF-8 ${TUI_ENV:-} $cmd 2>>$TUI_LOG; echo \"exit \$?\" >>$TUI_LOG; sleep 600"
}

tui_keys() { tmux -L "$TUI_SOCK" send-keys -t "$TUI_SESSION" "$@"; }
tui_type() { tmux -L "$TUI_SOCK" send-keys -t "$TUI_SESSION" -l -- "$1"; }
tui_screen() { tmux -L "$TUI_SOCK" capture-pane -p "$@" -t "$TUI_SESSION"; }
tui_resize() { tmux -L "$TUI_SOCK" resize-window -t "$TUI_SESSION" -x "$1" -y "$2"; }

tui_running() { ! grep -q '^exit ' "$TUI_LOG"; }

# The dialog's rows are "│ LABEL(13 columns) value │" inside the box; a
# value wraps at spaces onto rows whose label is blank.
tui_dialog() {
    local label=$1 row inside head value="" on=0
    while IFS= read -r row; do
        [[ $row == *│*│* ]] || { ((on)) && break; continue; }
        inside=${row#*│ }
        inside=${inside%│*}
        inside=${inside%"${inside##*[! ]}"}
        head=${inside:0:13}
        if [[ $head == "$(printf '%-13s' "$label")" ]]; then
            on=1
            value=${inside:13}
        elif ((on)) && [[ -z ${head// /} && -n ${inside:13} ]]; then
            value+=" ${inside:13}"
        elif ((on)); then
            break
        fi
    done < <(tui_screen)
    echo "$value"
}

# The message's lines are the rows above the hint line: its first at column
# 0, the rest indented by two (a page row above holds the sidebar's bar).
tui_message() {
    tui_screen | sed '$d' | awk '{ row[NR] = $0 } END {
        out = ""
        for (i = NR; i > 0; i--) {
            s = row[i]
            sub(/ +$/, "", s)
            if (s == "" || index(s, "│"))
                break
            first = s !~ /^  [^ ]/
            sub(/^ +/, "", s)
            out = s (out == "" ? "" : " " out)
            if (first)
                break
        }
        print out
    }'
}

tui_wait_message() {
    local i
    for ((i = 0; i < ${2:-30} * 20; i++)); do
        [[ $(tui_message) == "$1"* ]] && return 0
        sleep 0.05
    done
    return 1
}

tui_wait() {
    local text=$1 secs=${2:-15} i
    for ((i = 0; i < secs * 20; i++)); do
        tui_screen 2>/dev/null | grep -qF -- "$text" && return 0
        sleep 0.05
    done
    return 1
}

tui_expect() {
    if tui_wait "$2" "${3:-15}"; then
        ASSERT_PASSED=$((ASSERT_PASSED + 1))
    else
        ASSERT_FAILED=$((ASSERT_FAILED + 1))
        echo "FAIL: $1: '$2' not on screen:"
        tui_screen 2>&1 | sed 's/^/    | /'
        echo "    the panel's standard error:"
        sed 's/^/    | /' "$TUI_LOG"
    fi
}

# tui_sign: confirms the transaction dialog and waits for its outcome line.
tui_sign() {
    tui_expect "confirmation" "Sign and send this transaction?"
    tui_keys y
}

# cast_call WHO 'sig()(types)' args...: a read through Foundry's cast.
cast_call() { rd "$@"; }
