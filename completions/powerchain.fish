# fish completion for powerchain: the global options (anywhere on the line;
# --rpc may be given several times, for failover), commands, contract
# methods (from `powerchain methods`), the account, contacts and meter
# subcommands, each command's own options, contact names for `contacts
# remove`, and the config file's network names for --network (from
# `powerchain networks`).

# The words typed so far that are neither options nor an option's value:
# the command, then its arguments.
function __powerchain_words
    set -l skip 0
    for w in (commandline -opc)[2..-1]
        if test $skip = 1
            set skip 0
            continue
        end
        switch $w
            case --network --rpc --contract --contract-json --chain-id --account --keystore \
                --password-file --private-key-file --timeout --page --method --from-block \
                --to-block --bytecode --abi --name --out --wait --nonce --gas-limit --gas-price \
                --max-fee --priority-fee --file --new-password-file --max-age --from --to \
                --events --peg-gap --listen --cache
                set skip 1
            case '-*'
            case '*'
                echo $w
        end
    end
end

# __powerchain_at WORDS...: the words so far are exactly WORDS ("*" stands
# for any one word); with no WORDS, none has been typed yet.
function __powerchain_at
    set -l typed (__powerchain_words)
    test (count $typed) = (count $argv); or return 1
    for i in (seq (count $argv))
        test "$argv[$i]" = '*'; or test "$argv[$i]" = "$typed[$i]"; or return 1
    end
end

# __powerchain_in COMMAND [SUBCOMMAND]: the first word is COMMAND (and the
# second SUBCOMMAND).
function __powerchain_in
    set -l typed (__powerchain_words)
    test "$typed[1]" = $argv[1]; or return 1
    test (count $argv) = 1; or test "$typed[2]" = $argv[2]
end

# Contract methods of the kinds in $argv (call, send, vote: the first column
# of `powerchain methods`), each with its summary.
function __powerchain_methods
    set -l prog (commandline -opc)[1]
    $prog methods 2>/dev/null | awk -F '  +' -v kinds=" $argv " '
        index(kinds, " " substr($1, 1, index($1, " ") - 1) " ") {
            split($1, head, " "); print head[2] "\t" $2 }'
end

function __powerchain_networks
    set -l prog (commandline -opc)[1]
    $prog networks 2>/dev/null | awk 'NR > 1 { print ($1 == "*" ? $2 : $1) }'
end

function __powerchain_contacts
    set -l prog (commandline -opc)[1]
    $prog contacts list 2>/dev/null | awk '{ print $1 }'
end

complete -c powerchain -f

# Global options.
complete -c powerchain -l network -x -a '(__powerchain_networks)' -d 'A [network NAME] section of the config file'
complete -c powerchain -l rpc -x -d 'Node URL, http or https (give it again for failover)'
complete -c powerchain -l contract -x -d 'The PowerChain deployment'
complete -c powerchain -l contract-json -r -F -d 'Its {"name","address","abi"} file'
complete -c powerchain -l chain-id -x -d 'Refuse to sign for any other chain'
complete -c powerchain -l account -x -d 'Keystore account (address or name)'
complete -c powerchain -l keystore -x -a '(__fish_complete_directories)' -d 'Keystore folder'
complete -c powerchain -l password-file -r -F -d 'Read the keystore password from FILE'
complete -c powerchain -l private-key-file -r -F -d 'Sign with the hex key in FILE instead'
complete -c powerchain -l timeout -x -d 'Seconds per request to the node'
complete -c powerchain -l json -d 'Machine-readable output'
complete -c powerchain -s y -l yes -d 'Do not ask for confirmation'
complete -c powerchain -s h -l help -d 'Show the help'
complete -c powerchain -s V -l version -d 'Show the version'

# Commands.
complete -c powerchain -n __powerchain_at -a call -d 'Read from the contract (eth_call)'
complete -c powerchain -n __powerchain_at -a send -d 'Sign and send a transaction, wait for its outcome'
complete -c powerchain -n __powerchain_at -a deploy -d 'Deploy a compiled PowerChain contract'
complete -c powerchain -n __powerchain_at -a account -d 'The local keystore'
complete -c powerchain -n __powerchain_at -a contacts -d 'Names for addresses'
complete -c powerchain -n __powerchain_at -a status -d "Node, contract, the account's roles and balances"
complete -c powerchain -n __powerchain_at -a meter -d 'Storage-unit readings'
complete -c powerchain -n __powerchain_at -a methods -d "List the contract's functions and their arguments"
complete -c powerchain -n __powerchain_at -a sync -d "Bring the local history index up to the node's head"
complete -c powerchain -n __powerchain_at -a history -d "The contract's transactions, oldest first"
complete -c powerchain -n __powerchain_at -a units -d 'Storage units: owner, state, energy'
complete -c powerchain -n __powerchain_at -a proposals -d 'Every vote: what it does, who is for and against'
complete -c powerchain -n __powerchain_at -a withdrawals -d 'eEuro locked for withdrawal, per account'
complete -c powerchain -n __powerchain_at -a trades -d "The market's fills, checked against the open book"
complete -c powerchain -n __powerchain_at -a networks -d "The configuration's named networks"
complete -c powerchain -n __powerchain_at -a nodes -d 'Every node of the network side by side'
complete -c powerchain -n __powerchain_at -a watch -d 'What happens, one event a line'
complete -c powerchain -n __powerchain_at -a exporter -d 'Prometheus metrics over HTTP'
complete -c powerchain -n __powerchain_at -a statement -d "Every change of an account's ENT and eEuro, checked against the chain"
complete -c powerchain -n __powerchain_at -a tui -d 'The control panel (also with no command)'
complete -c powerchain -n __powerchain_at -a help -d 'The help'

# call and send: the method ("vote" methods are sent with send).
complete -c powerchain -n '__powerchain_at call' -a '(__powerchain_methods call)'
complete -c powerchain -n '__powerchain_at send' -a '(__powerchain_methods send vote)'
complete -c powerchain -n '__powerchain_in send' -l raw -d 'Sign offline and print the raw transaction'
complete -c powerchain -n '__powerchain_in send' -l nonce -x -d 'The nonce (with --raw)'
complete -c powerchain -n '__powerchain_in send' -l gas-limit -x -d 'The gas limit (with --raw)'
complete -c powerchain -n '__powerchain_in send' -l gas-price -x -d 'Type 0 gas price in wei (with --raw)'
complete -c powerchain -n '__powerchain_in send' -l max-fee -x -d 'Type 2 max fee per gas in wei (with --raw)'
complete -c powerchain -n '__powerchain_in send' -l priority-fee -x -d 'Type 2 priority fee per gas in wei (with --raw)'
complete -c powerchain -n '__powerchain_in send; or __powerchain_in deploy; or __powerchain_in meter' -l wait -x -d 'Receipt deadline in seconds'

complete -c powerchain -n '__powerchain_in deploy' -l bytecode -r -F -d 'The compiled bytecode'
complete -c powerchain -n '__powerchain_in deploy' -l abi -r -F -d "The contract's ABI"
complete -c powerchain -n '__powerchain_in deploy' -l name -x -d "The contract's name"
complete -c powerchain -n '__powerchain_in deploy' -l out -r -F -d 'Where to write the {"name","address","abi"} file'

# account SUBCOMMAND.
complete -c powerchain -n '__powerchain_at account' -a new -d 'A new account'
complete -c powerchain -n '__powerchain_at account' -a import -d 'A key file'
complete -c powerchain -n '__powerchain_at account' -a import-key -d 'A hex private key'
complete -c powerchain -n '__powerchain_at account' -a export -d 'The key file, or the key with --reveal'
complete -c powerchain -n '__powerchain_at account' -a list -d 'Every account'
complete -c powerchain -n '__powerchain_at account' -a rename -d 'Give an account a name'
complete -c powerchain -n '__powerchain_at account' -a passwd -d "Change an account's password"
complete -c powerchain -n '__powerchain_at account' -a delete -d 'Move a key file to the trash'
complete -c powerchain -n '__powerchain_at account import' -F
complete -c powerchain -n '__powerchain_in account new; or __powerchain_in account import; or __powerchain_in account import-key' -l name -x -d "The account's name"
complete -c powerchain -n '__powerchain_in account import-key' -l file -r -F -d 'The hex private key file'
complete -c powerchain -n '__powerchain_in account export' -l out -r -F -d 'Write the key file to FILE'
complete -c powerchain -n '__powerchain_in account export' -l reveal -d 'Print the private key'
complete -c powerchain -n '__powerchain_in account passwd' -l new-password-file -r -F -d 'Read the new password from FILE'
complete -c powerchain -n '__powerchain_in account delete' -l no-backup -d 'Delete without a copy in the trash'

# contacts SUBCOMMAND.
complete -c powerchain -n '__powerchain_at contacts' -a add -d 'Name an address'
complete -c powerchain -n '__powerchain_at contacts' -a list -d 'Every contact'
complete -c powerchain -n '__powerchain_at contacts' -a remove -d 'Forget a name'
complete -c powerchain -n '__powerchain_at contacts remove' -a '(__powerchain_contacts)'

# meter SUBCOMMAND.
complete -c powerchain -n '__powerchain_at meter' -a produce -d "A producer's reading"
complete -c powerchain -n '__powerchain_at meter' -a consume -d "A consumer's reading"
complete -c powerchain -n '__powerchain_at meter' -a report -d "The unit's own energy"
complete -c powerchain -n '__powerchain_at meter' -a session -d 'Energy left in a session'
complete -c powerchain -n '__powerchain_at meter' -a run -d 'Readings from standard input'

# The history commands and the panel.
complete -c powerchain -n '__powerchain_in history' -l method -x -a '(__powerchain_methods send vote)' -d 'Only calls of this method'
complete -c powerchain -n '__powerchain_in history' -l from-block -x -d 'First block'
complete -c powerchain -n '__powerchain_in history' -l to-block -x -d 'Last block'
complete -c powerchain -n '__powerchain_in history; or __powerchain_in trades; or __powerchain_in withdrawals' -l csv -d 'Comma-separated values'
complete -c powerchain -n '__powerchain_in tui' -l page -x -a '1 2 3 4 5 6 7 8 9' -d 'The page to open'

# Monitoring: status, watch, exporter; and statements.
complete -c powerchain -n '__powerchain_in status' -l max-age -x -d 'Exit 3 when the head is older (seconds)'
complete -c powerchain -n '__powerchain_in watch' -l from -x -d 'Replay the index from this block first'
complete -c powerchain -n '__powerchain_in watch' -l events -x -a 'block trade order_filled order_added proposal_opened proposal_passed session_expired withdrawal_requested peg_gap node_lost node_back chain_replaced' -d 'Only these events (comma-separated)'
complete -c powerchain -n '__powerchain_in watch' -l peg-gap -x -d 'peg_gap past this many ENT'
complete -c powerchain -n '__powerchain_in exporter' -l listen -x -d 'Where to serve /metrics (HOST:PORT)'
complete -c powerchain -n '__powerchain_in exporter' -l cache -x -d 'Seconds one snapshot serves'
complete -c powerchain -n '__powerchain_in statement' -l from -x -d 'First block or date (YYYY-MM-DD)'
complete -c powerchain -n '__powerchain_in statement' -l to -x -d 'Last block or date (YYYY-MM-DD)'
complete -c powerchain -n '__powerchain_in statement' -l csv -d 'Comma-separated values'
