#!/usr/bin/env bash
# A powerchain process holding a private key is not dumpable: another
# process of the same user cannot look into it through /proc (environment,
# open files; memory and ptrace are refused the same way), and it writes no
# core file. Root may read
# any process, so as root both sides run as nobody.
. "$(dirname "$0")/lib.sh"

chmod 711 "$WORK"
PUB=$WORK/pub
AS=()
[ "$(id -u)" = 0 ] && AS=(setpriv --reuid=65534 --regid=65534 --clear-groups --inh-caps=-all
    env HOME="$PUB" XDG_CONFIG_HOME="$PUB" XDG_DATA_HOME="$PUB" XDG_CACHE_HOME="$PUB")
denied() { ! "$@" >/dev/null 2>&1; }
mkdir -m 700 "$PUB"
echo "$KEY" >"$PUB/key"
chmod 600 "$PUB/key"
mkfifo -m 600 "$PUB/password"
[ "$(id -u)" = 0 ] && chown -R 65534:65534 "$PUB"

# The writer opens the password FIFO, which returns once powerchain has
# opened it for reading: by then it holds the key read from --file.
( exec 3>"$PUB/password"; touch "$WORK/opened"; until [ -e "$WORK/go" ]; do sleep 0.1; done
  echo "a password" >&3 ) &
writer=$!
"${AS[@]}" "$PC" --keystore "$PUB/ks" --password-file "$PUB/password" account import-key \
    --file "$PUB/key" >"$WORK/out" 2>&1 &
holder=$!
"${AS[@]}" sleep 60 &
control=$!
since=$SECONDS
until [ -e "$WORK/opened" ] || ((SECONDS - since >= ${WAIT_SECONDS:-120})); do sleep 0.1; done
check "powerchain waits for its password with the key read" [ -e "$WORK/opened" ]
check "the control process's environment is readable" "${AS[@]}" cat "/proc/$control/environ"
check "and its open files" "${AS[@]}" ls "/proc/$control/fd"
check "the key holder's environment is not" denied "${AS[@]}" cat "/proc/$holder/environ"
check "nor its open files" denied "${AS[@]}" ls "/proc/$holder/fd"
check "and it writes no core file" grep -qE '^Max core file size +0 +0 ' "/proc/$holder/limits"
kill "$control"
# A holder that died before reading leaves the writer waiting: end it.
[ -e "$WORK/opened" ] || kill "$writer"
touch "$WORK/go"
wait "$holder"
rc=$?
[ $rc = 0 ] || cat "$WORK/out" >&2
check "the import then finishes" [ $rc = 0 ]
check "with the account" grep -q "Imported account $ADDR" "$WORK/out"
wait "$writer"
summary
