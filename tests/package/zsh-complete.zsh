# zsh -f tests/package/zsh-complete.zsh FPATH_DIR WORK_DIR LINE
# Types LINE into an interactive zsh on a pseudo-terminal (zpty) whose
# compinit reads FPATH_DIR, completes it, and prints the completed line (a
# widget writes it to WORK_DIR/zline).
zmodload zsh/zpty || exit 1
local dir=$1 work=$2 line=$3
zpty z zsh -f -i
zpty -w z "fpath=(${(q)dir} \$fpath); autoload -U compinit; compinit -u -d ${(q)work}/zcompdump"
zpty -w z "_t() { zle complete-word; print -r -- \"\$BUFFER\" >${(q)work}/zline; zle send-break }"
zpty -w z "zle -N _t; bindkey '^T' _t"
zpty -w z "$line"$'\C-t'
for i in {1..50}; do
    [[ -s $work/zline ]] && break
    sleep 0.1
done
zpty -d z
cat $work/zline
