#!/usr/bin/env bash
# A command line that is wrong, for every command and subcommand of the
# table (powerchain-completions lists them with their arity: the argument):
# an unknown option, too many arguments, too few, a group without its
# subcommand or with an unknown one, an unknown command. Each must exit 2,
# print nothing on stdout, say first what is wrong ("powerchain: ..."), then
# the command's usage as the table writes it ("usage: powerchain COMMAND
# ..."), and never a bare usage line in place of the reason. No node is
# contacted (--rpc is the discard port: contact would end as exit 3).
#
# Needs POWERCHAIN_BIN (set by meson).
set -uo pipefail
. "$PROJECT_ROOT/tests/lib/devnet.sh"
gen=${1:?give powerchain-completions}
bin=${POWERCHAIN_BIN:?set POWERCHAIN_BIN to the powerchain binary}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data XDG_CACHE_HOME=$work/cache

# refused LABEL REASON_GLOB USAGE_GLOB ARGS...
refused() {
    local label=$1 reason=$2 usage=$3
    shift 3
    timeout 20 "$bin" --rpc http://127.0.0.1:9 --contract 0x5FbDB2315678afecb367f032d93F642f64180aa3 \
        "$@" </dev/null >"$work/out" 2>"$work/err"
    assert_eq "$label: exit" "$?" 2
    assert_eq "$label: nothing on stdout" "$(cat "$work/out")" ""
    assert_match "$label: what is wrong, first" "$(head -n1 "$work/err")" "powerchain: $reason"
    assert_match "$label: then the usage" "$(sed -n 2p "$work/err")" "usage: powerchain $usage"
    assert_eq "$label: no bare usage line" \
        "$(grep -cE '^(powerchain: )?usage:? *$|^powerchain: usage' "$work/err")" 0
}

while read -r min max path; do
    read -r -a words <<<"$path"
    refused "$path --frob" "$path: unknown option --frob" "$path*" "${words[@]}" --frob
    if ((max >= 0)); then
        extra=()
        for ((i = 0; i <= max; i++)); do extra+=(extra$i); done
        refused "$path with $((max + 1)) arguments" "$path takes *\"extra$max\"*" "$path*" \
            "${words[@]}" "${extra[@]}"
    fi
    if ((min > 0)); then
        refused "$path without its arguments" "$path needs *" "$path*" "${words[@]}"
    fi
done < <("$gen" arity)

for group in $("$gen" commands | awk 'NF == 2 { print $1 }' | uniq); do
    refused "$group alone" "$group needs a subcommand: *" "$group *" "$group"
    refused "$group frob" "$group has no subcommand \"frob\"*" "$group *" "$group" frob
    assert_eq "$group: a usage line per subcommand" "$(grep -c "powerchain $group " "$work/err")" \
        "$("$gen" commands | grep -c "^$group ")"
done
refused "an unknown command" 'unknown command "frob"' "\\[OPTIONS\\] COMMAND*" frob
refused "an unknown global option" 'unknown option --frob' "\\[OPTIONS\\] COMMAND*" --frob status
refused "no command without a terminal" 'no command given*' "\\[OPTIONS\\] COMMAND*"
assert_summary
