#!/usr/bin/env bash
# The shell completions the build writes from the command table
# (completions/meson.build), loaded by bash, zsh and fish as they are
# installed: every command, every group's subcommands, and every command's
# own options (powerchain-completions lists the table: the argument) are
# offered, besides the global options; option values and first arguments
# are completed by their kind (contract methods from the built binary).
# A shell that is not installed is said and skipped (scripts/setup installs
# all three).
set -uo pipefail
. "$PROJECT_ROOT/tests/lib/devnet.sh"
gen=${1:?give powerchain-completions}
dir=$BUILD_ROOT/completions
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The shells run "powerchain" for methods: the built binary, first on PATH.
mkdir "$work/bin"
ln -s "$BUILD_ROOT/powerchain" "$work/bin/powerchain"
export PATH=$work/bin:$PATH XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data

commands=$("$gen" commands)
tops=$(cut -d' ' -f1 <<<"$commands" | uniq | paste -sd' ')
globals=$("$gen" options | grep '^--' | paste -sd' ')
# own COMMAND [SUBCOMMAND]: its own options, one line.
own() { "$gen" options | awk -v c="$*" '{ o = $NF; $NF = ""; sub(/ $/, "") } $0 == c { print o }' |
    paste -sd' '; }
sorted() { tr ' ' '\n' | grep -v '^$' | sort | paste -sd' '; }

# ---- bash ----
if [[ -f /usr/share/bash-completion/bash_completion ]]; then
    bash -n "$dir/powerchain"
    assert_eq "the bash completion parses" "$?" 0
    bcomp() { # WORDS...: what bash offers for the last one
        bash -c '. /usr/share/bash-completion/bash_completion; . "$1"; shift
            COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
            COMP_LINE="${COMP_WORDS[*]}"; COMP_POINT=${#COMP_LINE}
            _powerchain; echo "${COMPREPLY[*]}"' bash "$dir/powerchain" powerchain "$@"
    }
    assert_eq "bash: the commands" "$(bcomp '' | sorted)" "$(sorted <<<"$tops")"
    while read -r path; do
        read -r -a words <<<"$path"
        want=$(sorted <<<"$globals $(own "${words[@]}")")
        [[ ${#words[@]} == 1 ]] && extra=(x) || extra=()
        assert_eq "bash: the options of $path" "$(bcomp "${words[@]}" "${extra[@]}" -- | sorted)" \
            "$want"
    done <<<"$commands"
    for group in $(awk 'NF == 2 { print $1 }' <<<"$commands" | uniq); do
        assert_eq "bash: the subcommands of $group" "$(bcomp "$group" '' | sorted)" \
            "$(awk -v g="$group" '$1 == g { print $2 }' <<<"$commands" | sorted)"
    done
    assert_eq "bash: a method for send" "$(bcomp send addO)" addOrder
    assert_eq "bash: only reads for call" "$(bcomp call addO)" ""
    assert_eq "bash: --method of history" "$(bcomp history --method addO)" addOrder
    assert_eq "bash: --page's choices" "$(bcomp tui --page '')" "1 2 3 4 5 6 7 8 9"
    assert_eq "bash: a command for help" "$(bcomp help wit)" withdrawals
    assert_eq "bash: global options after a command's argument" \
        "$(bcomp send transferENT --cac)" "--cacert"
else
    echo "# bash-completion is not installed: bash was not tried"
fi

# ---- zsh ----
if command -v zsh >/dev/null; then
    zsh -n "$dir/_powerchain"
    assert_eq "the zsh completion parses" "$?" 0
    zcomp() { rm -f "$work/zline"; zsh -f "$PROJECT_ROOT/tests/package/zsh-complete.zsh" \
        "$dir" "$work" "$1" 2>&1; }
    assert_eq "zsh: a method" "$(zcomp 'powerchain --json send addO')" \
        "powerchain --json send addOrder "
    assert_eq "zsh: a subcommand" "$(zcomp 'powerchain meter ru')" "powerchain meter run "
    assert_eq "zsh: a view's --csv" "$(zcomp 'powerchain withdrawals --cs')" \
        "powerchain withdrawals --csv "
    assert_eq "zsh: a subcommand's option" "$(zcomp 'powerchain account export --rev')" \
        "powerchain account export --reveal "
    assert_eq "zsh: a global option" "$(zcomp 'powerchain --cace')" "powerchain --cacert="
else
    echo "# zsh is not installed: zsh was not tried"
fi

# ---- fish ----
if command -v fish >/dev/null; then
    fish -n "$dir/powerchain.fish"
    assert_eq "the fish completion parses" "$?" 0
    fcomp() { fish -c 'source $argv[1]; complete -C $argv[2]' "$dir/powerchain.fish" "$1" |
        cut -f1 | sorted; }
    assert_eq "fish: the commands" "$(fcomp 'powerchain ')" "$(sorted <<<"$tops")"
    while read -r path; do
        read -r -a words <<<"$path"
        [[ ${#words[@]} == 1 ]] && at="$path x --" || at="$path --"
        assert_eq "fish: the options of $path" "$(fcomp "powerchain $at")" \
            "$(sorted <<<"$globals $(own "${words[@]}")")"
    done <<<"$commands"
    assert_match "fish: a method with its summary" \
        "$(fish -c 'source $argv[1]; complete -C "powerchain send addO"' "$dir/powerchain.fish")" \
        $'addOrder\tadd a buy or sell order*'
else
    echo "# fish is not installed: fish was not tried"
fi
assert_summary
