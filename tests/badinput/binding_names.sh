#!/usr/bin/env bash
# The binding is the one place that knows the contract's functions
# (issue 16, part 3): no file of cli/, tui/, screens/ or wallet/ may quote a
# contract function's name ("transferENT") or compare a method's name with
# strcmp. The names come from the binding's own table at test time
# (powerchain methods --json), so a function added there is covered at once.
# Each offending line is printed as file:line: text.
#
# Needs PROJECT_ROOT and POWERCHAIN_BIN (set by meson).
set -uo pipefail
root=${PROJECT_ROOT:?set PROJECT_ROOT to the source tree}
bin=${POWERCHAIN_BIN:?set POWERCHAIN_BIN to the powerchain binary}

names=$("$bin" methods --json | jq -r '.[].name')
count=$(printf '%s\n' "$names" | grep -c .)
# PROTOCOL.md has 35 functions: fewer means the list was not read right.
if ((count < 35)); then
    echo "FAIL: powerchain methods --json listed $count functions, expected 35 or more" >&2
    exit 1
fi
alternatives=$(printf '%s\n' "$names" | paste -sd'|')

cd "$root" || exit 1
dirs=(cli tui screens wallet)
quoted=$(grep -rnE --include='*.c' --include='*.h' "\"($alternatives)\"" "${dirs[@]}")
# A comparison of method names: strcmp or strncmp beside a method's name or
# a table keyed by names (->method, .method, method->name, m->name).
compared=$(grep -rnE --include='*.c' --include='*.h' \
    'str(n)?cmp *\(.*(method->name|\bm->name|[.>]method\b|METHODS\[)' "${dirs[@]}")

status=0
if [[ -n $quoted ]]; then
    echo "FAIL: contract function names quoted outside the binding (rpcclient/powerchain.c):" >&2
    printf '%s\n' "$quoted" >&2
    status=1
fi
if [[ -n $compared ]]; then
    echo "FAIL: method names compared with strcmp (use the binding's pc_fn ids):" >&2
    printf '%s\n' "$compared" >&2
    status=1
fi
if ((status == 0)); then
    echo "ok: none of the $count function names is quoted in ${dirs[*]}, none compared"
fi
exit $status
