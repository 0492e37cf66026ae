# tests/tui/lib.sh: drive the panel in tmux (bash; source after devnet.sh).
#
#   tui_start ARGS...       starts `$POWERCHAIN_BIN ARGS... tui` in a detached
#                           tmux session of TUI_COLS x TUI_LINES (default
#                           100x30) on a new private server (UTF-8; TUI_ENV,
#                           e.g. "NO_COLOR=1", adds to its environment)
#   tui_keys KEYS...        tmux send-keys
#   tui_type TEXT           types TEXT literally
#   tui_screen [-e]         the screen as text (-e: with its escape sequences)
#   tui_wait TEXT           waits until TEXT shows (up to WAIT_SECONDS, see
#                           tests/lib/wait.sh); 1 if it does not
#   tui_expect WHAT TEXT    asserts that TEXT shows (waiting for it)
#   tui_page N              goes to page N (a key 0-9) and waits until the
#                           sidebar shows it chosen
#   tui_gone WHAT TEXT      asserts that TEXT goes from the screen (waiting)
#   tui_has WHAT TEXT       asserts that TEXT is on the screen now (no waiting)
#   tui_ended               waits until the panel's process has ended
#   tui_quit                q, then asserts that the panel ended with status 0
#                           (under ASan a leak or an error makes it other)
#   tui_keys_read           waits until the panel has read every key sent
#   tui_size W H            waits until the screen is W columns by H lines
#   tui_dialog LABEL        the value of the confirmation's line LABEL ("the
#                           contract", "warning"), its wrapped rows joined
#   tui_message             the message, its wrapped lines joined
#   tui_wait_message TEXT   waits until the message starts with TEXT
#                           (default 30 s); 1 if not
#   tui_running             true while the panel's process lives
#   tui_pid                 the panel's process id
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
tui_ended() { wait_for "the panel to end" grep -q '^exit ' "$TUI_LOG"; }
tui_quit() {
    local end
    tui_keys q
    tui_ended
    end=$(grep '^exit ' "$TUI_LOG")
    assert_eq "the panel's exit" "$end" "exit 0"
    [[ $end == "exit 0" ]] || sed 's/^/    | /' "$TUI_LOG" | tail -n 40
}
# Nothing waiting in the panel's terminal: it has read every key (FIONREAD).
_tui_input_empty() {
    python3 -c 'import fcntl, sys, termios, array
b = array.array("i", [0])
with open(sys.argv[1], "rb", buffering=0) as t:
    fcntl.ioctl(t, termios.FIONREAD, b)
sys.exit(b[0] != 0)' "$(tmux -L "$TUI_SOCK" display-message -p -t "$TUI_SESSION" '#{pane_tty}')"
}
tui_keys_read() { wait_for "the panel to read its keys" _tui_input_empty; }
_tui_is_size() {
    local screen
    screen=$(tui_screen) || return 1
    [[ $(wc -l <<<"$screen") == "$2" && ${#screen} -gt 0 &&
        $(head -n 1 <<<"$screen" | LC_ALL=C.UTF-8 wc -L) == "$1" ]]
}
tui_size() { wait_for "a ${1}x$2 screen" _tui_is_size "$1" "$2"; }
# The pane's shell runs the panel as its one child (the wrapper execs it).
tui_pid() { pgrep -P "$(tmux -L "$TUI_SOCK" display-message -p -t "$TUI_SESSION" '#{pane_pid}')"; }

_tui_shows() { tui_screen 2>/dev/null | grep -qF -- "$1"; }
_tui_lacks() { ! _tui_shows "$1"; }

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
    local _tui_start=$SECONDS
    while ((SECONDS - _tui_start < WAIT_SECONDS)); do
        _tui_shows "$1" && return 0
        sleep 0.05
    done
    return 1
}

# The chosen page's sidebar entry is in reverse video (with or without
# colour; other attributes may be set between).
_tui_on_page() {
    tui_screen -e 2>/dev/null | grep -qE -- $'\e\\[([0-9]*;)*7m(\e\\[[0-9;]*m)*'" $1 "
}

tui_page() {
    tui_keys "$1"
    wait_for "page $1 to show" _tui_on_page "$1" || tui_screen >&2
}

# _tui_verdict STATUS WHAT TEXT [log]: counts an assertion that TEXT shows
# (STATUS 0: it does); else prints the screen, with "log" the panel's
# standard error too.
_tui_verdict() {
    if (($1 == 0)); then
        ASSERT_PASSED=$((ASSERT_PASSED + 1))
        return
    fi
    ASSERT_FAILED=$((ASSERT_FAILED + 1))
    echo "FAIL: $2: '$3' not on screen:"
    tui_screen 2>&1 | sed 's/^/    | /'
    if [[ ${4:-} == log ]]; then
        echo "    the panel's standard error:"
        sed 's/^/    | /' "$TUI_LOG"
    fi
}

tui_has() {
    _tui_shows "$2"
    _tui_verdict $? "$1" "$2"
}

tui_gone() {
    if wait_for "'$2' to go" _tui_lacks "$2"; then
        ASSERT_PASSED=$((ASSERT_PASSED + 1))
    else
        ASSERT_FAILED=$((ASSERT_FAILED + 1))
        echo "FAIL: $1: '$2' still on screen:"
        tui_screen 2>&1 | sed 's/^/    | /'
    fi
}

tui_expect() {
    tui_wait "$2"
    _tui_verdict $? "$1" "$2" log
}

# tui_sign: confirms the transaction dialog and waits for its outcome line.
tui_sign() {
    tui_expect "confirmation" "Sign and send this transaction?"
    tui_keys y
}

# cast_call WHO 'sig()(types)' args...: a read through Foundry's cast.
cast_call() { rd "$@"; }
