# devnet/scenario.sh: the thesis's chapter 6 scenario (PROTOCOL.md, "Worked
# figures") played through the powerchain command line alone. Source it,
# then call scenario_keys and the steps in order; devnet/start --demo and
# tests/cli/scenario.sh both do.
#
# Needs: POWERCHAIN_BIN, SCENARIO_RPC (node URL), SCENARIO_JSON (the
# deployment file), SCENARIO_DIR (where the key files go). The actors are
# anvil's public development accounts, for local chains only:
#   A (0, the deploying voter), B (1), C (2, owns both units), U1 (3), U2 (4).

SCENARIO_A=0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266
SCENARIO_B=0x70997970C51812dc3A010C7d01b50e0d17dc79C8
SCENARIO_C=0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC
SCENARIO_U1=0x90F79bf6EB2c4f870365E785982E1f101E93b906
SCENARIO_U2=0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65

# Writes NAME.key (0600) for each actor.
scenario_keys() {
    local -A keys=(
        [A]=ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80
        [B]=59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d
        [C]=5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a
        [U1]=7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6
        [U2]=47e179ec197488593b187f80a00eb0da91f1b9d0b13f8733639f19c30a34926a
    )
    local name
    for name in "${!keys[@]}"; do
        (umask 077 && echo "0x${keys[$name]}" >"$SCENARIO_DIR/$name.key")
    done
}

# as NAME COMMAND ARGS...: runs powerchain as one actor, quietly.
as() {
    local who=$1; shift
    "$POWERCHAIN_BIN" --rpc "$SCENARIO_RPC" --contract-json "$SCENARIO_JSON" --yes \
        --private-key-file "$SCENARIO_DIR/$who.key" "$@" >/dev/null
}

# B becomes a voter; with two voters each registration needs both.
scenario_setup() {
    as A send addVoter "$SCENARIO_B" &&
    as A send registerStorageUnit "$SCENARIO_U1" "$SCENARIO_C" &&
    as B send registerStorageUnit "$SCENARIO_U1" "$SCENARIO_C" &&
    as A send registerStorageUnit "$SCENARIO_U2" "$SCENARIO_C" &&
    as B send registerStorageUnit "$SCENARIO_U2" "$SCENARIO_C"
}

# 1. A produces 10 kWh into U1.
scenario_step1() { as U1 meter produce "$SCENARIO_A" 10000; }
# 2. C opens a session with U1 for 2 ENT and consumes 1 kWh.
scenario_step2() {
    as C send startConsumptionSession "$SCENARIO_U1" 2 &&
    as U1 meter consume "$SCENARIO_C" 1000
}
# 3. U1 reports 2 kWh consumed by C, one more than the session held.
scenario_step3() { as U1 meter consume "$SCENARIO_C" 2000; }
# 4. B produces 10 kWh into U2.
scenario_step4() { as U2 meter produce "$SCENARIO_B" 10000; }
# 5. B sends its 7.6 ENT to A; A opens sessions with U1 and U2.
scenario_step5() {
    as B send transferENT "$SCENARIO_A" 7.6 &&
    as A send startConsumptionSession "$SCENARIO_U1" 7.35 &&
    as A send startConsumptionSession "$SCENARIO_U2" 8.25
}
# 6. U1 reports 7 kWh consumed by A.
scenario_step6() { as U1 meter consume "$SCENARIO_A" 7000; }
# 7. U2 reports 7.857 kWh consumed by A.
scenario_step7() { as U2 meter consume "$SCENARIO_A" 7857; }
# 8. A and B make C the banker; C mints 10 eEuro into A; C sells 1.9 ENT at
#    0.5 eEuro/ENT; A buys 10 ENT at 1 eEuro/ENT.
scenario_step8() {
    as A send changeBanker "$SCENARIO_C" &&
    as B send changeBanker "$SCENARIO_C" &&
    as C send minteEuro "$SCENARIO_A" 10 &&
    as C send addOrder 0.5 1.9 sell &&
    as A send addOrder 1 10 buy
}

scenario_all() {
    scenario_setup && scenario_step1 && scenario_step2 && scenario_step3 && scenario_step4 &&
    scenario_step5 && scenario_step6 && scenario_step7 && scenario_step8
}
