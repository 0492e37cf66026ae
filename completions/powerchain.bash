# bash completion for powerchain: options (--rpc may be given several times,
# for failover; a value starting with / or . is a node's socket, completed as
# a file), commands, contract methods (from `powerchain methods`),
# account, contacts and meter subcommands, the history commands' options, and
# the config file's network names for --network (from `powerchain networks`),
# and the options of status, watch (--events from its list), exporter and
# statement.
_powerchain() {
    local cur prev words cword
    _init_completion || return

    case $prev in
        --contract-json|--private-key-file|--password-file|--cacert)
            _filedir; return ;;
        --keystore)
            _filedir -d; return ;;
        --rpc)
            [[ $cur == /* || $cur == .* ]] && _filedir
            return ;;
        --contract|--chain-id|--fee-cap|--timeout|--account|--from-block|--to-block|\
        --gas-limit|--gas-price|--max-fee|--priority-fee|--nonce|--wait|--max-age|--from|--to|\
        --peg-gap|--listen|--cache)
            return ;;
        --events)
            local done=${cur%"${cur##*,}"}
            COMPREPLY=($(compgen -P "$done" -W 'block trade order_filled order_added proposal_opened
                proposal_passed session_expired withdrawal_requested peg_gap node_lost node_back
                chain_replaced' -- "${cur##*,}"))
            return ;;
        --network)
            COMPREPLY=($(compgen -W "$("${words[0]}" networks 2>/dev/null | awk 'NR > 1 { print ($1 == "*" ? $2 : $1) }')" -- "$cur"))
            return ;;
        --method)
            COMPREPLY=($(compgen -W "$("${words[0]}" methods 2>/dev/null | awk '$1 == "send" || $1 == "vote" { print $2 }')" -- "$cur"))
            return ;;
        --page)
            COMPREPLY=($(compgen -W '1 2 3 4 5 6 7 8 9' -- "$cur")); return ;;
    esac

    local opts='--network --rpc --contract --contract-json --chain-id --fee-cap --account
        --keystore --password-file --private-key-file --timeout --cacert --json --yes --help
        --version'
    local commands='tui call send deploy account contacts status meter methods sync history
        units proposals withdrawals trades networks nodes watch exporter statement help'

    # The first word that is neither an option nor an option's value.
    local i cmd= sub=
    for ((i = 1; i < cword; i++)); do
        case ${words[i]} in
            --network|--rpc|--contract|--contract-json|--chain-id|--fee-cap|--account|--keystore|--password-file|--private-key-file|--timeout|--cacert|--page|--method|--from-block|--to-block|--gas-limit|--gas-price|--max-fee|--priority-fee|--nonce|--wait|--max-age|--from|--to|--events|--peg-gap|--listen|--cache)
                ((i++)) ;;
            -*) ;;
            *) if [[ -z $cmd ]]; then cmd=${words[i]}; elif [[ -z $sub ]]; then sub=${words[i]}; fi ;;
        esac
    done

    if [[ $cur == -* ]]; then
        case $cmd in
            tui) opts+=' --page' ;;
            history) opts+=' --method --from-block --to-block --csv' ;;
            trades|withdrawals) opts+=' --csv' ;;
            status) opts+=' --max-age' ;;
            watch) opts+=' --from --events --peg-gap' ;;
            exporter) opts+=' --listen --cache' ;;
            statement) opts+=' --from --to --csv' ;;
            send) opts+=' --gas-limit --gas-price --max-fee --priority-fee --wait --raw --nonce' ;;
            deploy|meter) opts+=' --gas-limit --gas-price --max-fee --priority-fee --wait' ;;
        esac
        COMPREPLY=($(compgen -W "$opts" -- "$cur"))
        return
    fi
    case $cmd in
        '') COMPREPLY=($(compgen -W "$commands" -- "$cur")) ;;
        call|send)
            if [[ -z $sub ]]; then
                local methods
                # "vote" methods are sent with send.
                methods=$("${words[0]}" methods 2>/dev/null |
                    awk -v k="$cmd" '$1 == k || (k == "send" && $1 == "vote") { print $2 }')
                COMPREPLY=($(compgen -W "$methods" -- "$cur"))
            fi ;;
        account)
            [[ -z $sub ]] && COMPREPLY=($(compgen -W 'new import import-key export list rename passwd delete' -- "$cur")) ;;
        contacts)
            if [[ -z $sub ]]; then
                COMPREPLY=($(compgen -W 'add list remove' -- "$cur"))
            elif [[ $sub == remove && $prev == remove ]]; then
                COMPREPLY=($(compgen -W "$("${words[0]}" contacts list 2>/dev/null | awk '{ print $1 }')" -- "$cur"))
            fi ;;
        meter)
            [[ -z $sub ]] && COMPREPLY=($(compgen -W 'produce consume report session run' -- "$cur")) ;;
    esac
}
complete -F _powerchain powerchain
