// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import "./PowerChain.sol";

/// @title PowerChainThesis: a test deployment that behaves like the thesis's own contract.
/// @notice For tests and `devnet/start --contract thesis` only: a wallet must read the
/// networks that run the thesis's contract, and this is one of our own that answers as
/// they do (/work/shared/PROTOCOL.md, "Known defects of the thesis's own contract" and
/// "What existing deployments of the thesis's contract emit"). It is written from
/// contracts/PowerChain.sol, not from the thesis's code: it keeps every selector,
/// argument, return shape, event and figure of that contract and overrides only the
/// rules and texts below. Never deploy it for a community.
///
/// destroy(): PROTOCOL.md says both that the thesis's destroy() "calls itself and runs
/// out of gas" and that on existing deployments "a passed destroy vote emits Info
/// (contract destroyed) and then an Error (not authorized); the deployment keeps
/// working". What the deployments emit is what a wallet meets, so this contract does
/// that: the passing call calls destroy() again through its own address, which is no
/// voter, so the inner call is refused at once (it never gets to recurse) and nothing
/// is retired.
///
/// transfereEuro() "emits nothing": taken to the letter, a refused transfer is as
/// silent as one that went through (status 1, no logs); only the balances tell.
///
/// A buy filled below its limit: PROTOCOL.md puts what stays locked in figure 8 at
/// "0.05 eEuro per ENT"; its own rule (the difference between the limit and the
/// price paid) makes it 1 - 0.5 = 0.5 eEuro per ENT there, 0.95 eEuro for the 1.9
/// ENT, and this contract follows the rule (tests/contract/figures.sh).
contract PowerChainThesis is PowerChain {
    /// Declared, like PowerChain's, so that the two ABIs are the same to the letter.
    constructor() {}

    // ---- Known defects -----------------------------------------------------

    /// The burning cost is capped with M instead of B (B is stored, shown by
    /// getParameters and ignored).
    function _burnCost() internal view override returns (uint256) {
        return _mintCost();
    }

    /// A buy filled below its limit keeps the difference locked, and removing
    /// the order later frees only what its open quantity needs: the
    /// difference stays locked for good, backing nothing.
    function _refundOnTrade(uint256) internal pure override returns (uint256) {
        return 0;
    }

    /// No overflow checks: such figures revert with Panic(0x11).
    function _guardsOverflow() internal pure override returns (bool) {
        return false;
    }

    /// removeOrder of an order that is not open, or not the caller's,
    /// reverts without a reason.
    function _refuseRemoval(string memory) internal pure override {
        revert();
    }

    function destroy() external override {
        if (_refuseIfNotVoter()) return;
        if (!_vote("destroy_contract")) return;
        emit Info("Contract destroyed");
        this.destroy();
    }

    /// The banker may burn or unlock only eEuro that it locked itself.
    function _bankerRefusal(address addr, bool burn) internal view override returns (string memory) {
        if (msg.sender == banker && addr == banker) return "";
        return burn ? "Only banker can burn locked eEuro" : "Only banker can unlock locked eEuro";
    }

    /// One unit's books at a rebalance.
    struct Rebalanced {
        address unit;
        uint96 blockNumber;
        uint256 wh;
    }

    /// Every rebalance's books, unit by unit. No function reads them (the ABI
    /// is the thesis's); they are written for what writing them costs: the
    /// thesis's rebalancing rewrites every unit's books, which makes a
    /// reading beyond its session cost about 3 times a plain one before
    /// Berlin (PROTOCOL.md), so that a gas limit estimated for a plain
    /// reading runs out.
    Rebalanced[] private rebalances;

    /// A reading beyond its session rebalances the units (the network's
    /// total summed again from every unit's books, which are logged) and
    /// clears old sessions.
    function _afterOverConsumption() internal override {
        uint256 sum = 0;
        for (uint256 i = 0; i < unitSlots.length; i++) {
            Unit storage u = units[unitSlots[i]];
            if (!u.active) continue;
            sum += u.wh + u.lockedWh;
            rebalances.push(Rebalanced(unitSlots[i], uint96(block.number), u.wh + u.lockedWh));
        }
        totalWh = sum;
        _closeExpiredSessions();
    }

    // ---- What the deployments emit ------------------------------------------

    function transfereEuro(address to, uint256 amnt) external override {
        if (to == address(0) || amnt == 0 || amnt > eeuroAvailable[msg.sender]) return;
        eeuroAvailable[msg.sender] -= amnt;
        eeuroAvailable[to] += amnt;
    }

    /// Amounts in texts are raw 18-decimal integers.
    function _fix(uint256 v) internal pure override returns (string memory) {
        return _dec(v);
    }

    // Nothing when production, consumption, a report, an ENT transfer, the
    // clearing of old sessions or a fill succeeds.
    function _sayProduced(address, uint256, uint256, uint256) internal override {}

    function _sayConsumed(address, uint256, uint256, uint256, uint256) internal override {}

    function _sayReported(uint256) internal override {}

    function _sayCleared(uint256) internal override {}

    function _sayTransferredENT(address, uint256) internal override {}

    function _sayTrade(uint256, uint256, uint256, uint256) internal override {}

    /// The amount, no address.
    function _sayLocked(uint256 amnt) internal override {
        emit Info(string.concat(_dec(amnt), " eEuro locked"));
    }

    /// The unit only; its owner is in the vote string and the calldata.
    function _sayRegistered(address unit, address) internal override {
        emit Info(string.concat("Storage unit registered >> ", _hex(unit)));
    }

    function _sayMinted(address addr, uint256 amnt) internal override {
        emit Info(string.concat(_dec(amnt), " eEuro minted into ", _hex(addr)));
    }

    function _sayUnlocked(address addr, uint256 amnt) internal override {
        emit Info(string.concat(_dec(amnt), " eEuro unlocked into ", _hex(addr)));
    }

    /// The value as voted (hours for H).
    function _sayParameter(string memory param, uint256 value, bool) internal override {
        emit Info(string.concat("Parameter ", param, " set to ", _dec(value)));
    }
}
