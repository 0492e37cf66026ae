#!/usr/bin/env bash
# The man page against the command table (cli/commands.c), which the lister
# given as the argument (powerchain-completions) prints: docs/powerchain.1's
# COMMANDS section has an entry for every command and subcommand of the
# table and none for another; each command's own options are named in its
# entry (entries stacked with .PD 0 share the text under them); each global
# option has an entry in OPTIONS.
set -uo pipefail
. "$PROJECT_ROOT/tests/lib/devnet.sh"
gen=${1:?give the lister of the command table, powerchain-completions}
page=$PROJECT_ROOT/docs/powerchain.1

# "WORDS<TAB>TEXT" per entry of a section: the command words of its tag line
# (for OPTIONS the whole tag line) and the text under it, man's "\-" as "-".
entries() { # SECTION
    sed 's/\\-/-/g' "$page" | awk -v want="$1" '
        /^\.SH / { on = ($2 == want); next }
        !on { next }
        /^\.TP/ { tag = 1; next }
        /^\.PD/ { next }
        /^\.PP/ { n = 0; next }
        tag {
            tag = 0
            line = $0
            sub(/^\.(B|BR|BI) /, "", line)
            if (want != "COMMANDS") { key = line }
            else {
                split(line, w, " "); key = w[1]
                if (w[2] ~ /^[a-z][a-z-]*$/) key = key " " w[2]
            }
            if (!stacked) n = 0
            group[++n] = key; text[key] = $0; stacked = 1
            next
        }
        { stacked = 0; for (i = 1; i <= n; i++) text[group[i]] = text[group[i]] " " $0 }
        END { for (k in text) print k "\t" text[k] }'
}

commands=$("$gen" commands) || { echo "FAIL: $gen commands"; exit 1; }
documented=$(entries COMMANDS | cut -f1 | sort)
assert_eq "every command of the table has an entry in COMMANDS, and no other" \
    "$documented" "$(sort <<<"$commands")"

declare -A text
while IFS=$'\t' read -r key body; do text[$key]=$body; done < <(entries COMMANDS)
while read -r line; do
    option=${line##* }
    if [[ $line == --* ]]; then
        assert_match "global option $option has an entry in OPTIONS" \
            "$(entries OPTIONS | cut -f1 | grep -c -- "$option\\b")" '[1-9]*'
    else
        command=${line% *}
        assert_match "$command's entry names $option" "${text[$command]-} " \
            "*$option[^a-z-]*"
    fi
done < <("$gen" options)
assert_summary
