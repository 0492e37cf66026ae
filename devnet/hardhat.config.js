// Hardhat's in-process network as devnet/start --node hardhat runs it: the
// same chain as the anvil devnet as far as Hardhat allows (chain id, the
// "test test ... junk" development accounts with 10,000 ETH each, fees of 0,
// a mined block per transaction). devnet/start passes its options through
// the environment, since `hardhat node` takes none of these on its command
// line. Hardhat refuses a config outside the project, hence this file here.
const hardfork = process.env.POWERCHAIN_HARDHAT_HARDFORK || "london";
// Forks before London have no base fee, and Hardhat refuses one for them.
const beforeLondon = ["byzantium", "constantinople", "petersburg", "istanbul", "muirGlacier",
    "berlin"].includes(hardfork);
const blockTime = Number(process.env.POWERCHAIN_HARDHAT_BLOCK_TIME || 0);
const state = process.env.POWERCHAIN_HARDHAT_STATE || __dirname;

module.exports = {
    networks: {
        hardhat: {
            chainId: Number(process.env.POWERCHAIN_HARDHAT_CHAIN_ID || 4200),
            hardfork,
            // Before London Hardhat has no base fee but a least gas price
            // it mines (and refuses the other field for the other forks).
            ...(beforeLondon ? { minGasPrice: 0 } : { initialBaseFeePerGas: 0 }),
            gas: 30000000,
            blockGasLimit: 30000000,
            accounts: {
                mnemonic: "test test test test test test test test test test test junk",
                count: 10,
                accountsBalance: "10000000000000000000000",
            },
            mining: blockTime > 0 ? { auto: false, interval: blockTime * 1000 } : { auto: true },
        },
    },
    // Hardhat keeps a cache next to its sources; both go to the devnet's
    // state directory, so that nothing is written into the repository.
    paths: { root: state, sources: state + "/hardhat-sources", cache: state + "/hardhat-cache", artifacts: state + "/hardhat-artifacts" },
};
