// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title PowerChain: a local energy market on a permissioned EVM chain.
/// @notice Implements /work/shared/PROTOCOL.md with its exact interface. Every
/// state-changing function reports its outcome with an Info or an Error event
/// and never reverts on its own account: inputs are checked before any
/// arithmetic that could overflow, so no call ends in a Panic.
///
/// What a call says (the `_say*` functions) and the few rules the thesis's
/// own contract gets wrong are `virtual`: contracts/PowerChainThesis.sol
/// derives the thesis-like test deployment from this one by overriding them,
/// so both share every other line and the interface cannot drift apart.
contract PowerChain {
    event Info(string info);
    event Error(string error);

    // ---- Units -----------------------------------------------------------
    uint256 internal constant ONE = 1e18; // 1 ENT, 1 eEuro, fraction 1.0
    uint256 internal constant WH = 1e15; // ENT fixed point per Wh (1 ENT per kWh)
    // Upper bound on any energy figure; keeps every product below 2^256
    // (1e30 Wh * 1e18 fits easily) without needing 512-bit arithmetic.
    uint256 internal constant MAX_WH = 1e30;
    uint256 internal constant MAX_HOURS = type(uint256).max / 3600;

    // ---- Returned shapes (component names are part of the ABI) ------------
    struct StorageUnitInfo {
        bool state;
        address owner;
        uint256 wh;
    }

    struct ConsumptionSession {
        string sessionId;
        uint256 wh;
        uint256 timestamp;
        address unit;
    }

    struct VoteInfo {
        string vote;
        bool userVote;
        bool passed;
    }

    struct OrderInfo {
        uint256 id;
        address user;
        uint256 price;
        uint256 quantity;
        bool valid;
    }

    // ---- Storage ---------------------------------------------------------
    bool internal destroyed;

    // Network parameters, see getParameters. H is kept in seconds.
    uint256 internal paramM = 5e17;
    uint256 internal paramB = 5e17;
    uint256 internal paramC = 5e16;
    uint256 internal paramH = 7200;
    uint256 internal paramF = 2e17;

    // The uncapped energy cost R (ENT per kWh); see _repeg.
    uint256 internal cost;

    address internal banker;

    // Tokens. "locked" ENT is held by consumption sessions and sell orders;
    // "locked" eEuro by buy orders and by withdrawals (withdrawLocked, the
    // only part the banker may burn or unlock).
    mapping(address => uint256) internal entAvailable;
    mapping(address => uint256) internal entLocked;
    mapping(address => uint256) internal eeuroAvailable;
    mapping(address => uint256) internal eeuroLocked;
    mapping(address => uint256) internal withdrawLocked;
    uint256 internal totalENT;
    uint256 internal totalEeuro;

    // Storage units. A unit keeps its slot after removal so that
    // getStorageUnitsInfo shows it as an empty (state == false) entry.
    struct Unit {
        bool active;
        address owner;
        uint256 wh; // available
        uint256 lockedWh; // held by consumption sessions
    }
    mapping(address => Unit) internal units;
    address[] internal unitSlots;
    mapping(address => bool) internal hasSlot;
    uint256 internal totalWh; // available + locked Wh of all active units

    // Open consumption sessions, compacted on close so loops stay short.
    struct Session {
        address unit;
        address consumer;
        uint256 ent;
        uint256 wh;
        uint256 start;
    }
    Session[] internal sessions;
    mapping(bytes32 => uint256) internal sessionSlot; // index + 1

    // Voting.
    mapping(address => bool) internal voters;
    uint256 internal voterCount;
    struct Vote {
        string key;
        bool passed;
        address[] participants;
        mapping(address => bool) inFavour;
        mapping(address => bool) tookPart;
    }
    Vote[] internal votes;
    mapping(bytes32 => uint256) internal voteSlot; // keccak(key) => index + 1
    mapping(bytes32 => uint256) internal timesPassed; // keccak(base) => count
    mapping(address => uint256[]) internal votesOf;

    // Market. Orders live forever in the mappings (ids are their indices);
    // the open* lists hold the ids still open, compacted on close.
    struct Order {
        address user;
        uint256 price;
        uint256 quantity;
        bool valid;
        uint256 locked; // eEuro still locked by a buy order
    }
    mapping(uint256 => Order) internal buyOrders;
    mapping(uint256 => Order) internal sellOrders;
    uint256 internal buyCount;
    uint256 internal sellCount;
    uint256[] internal openBuys;
    uint256[] internal openSells;

    constructor() {
        voters[msg.sender] = true;
        voterCount = 1;
    }

    // =======================================================================
    // Energy
    // =======================================================================

    function getTotalEnergy() external view returns (uint256 wh) {
        return totalWh;
    }

    function getEnergyCosts() external view returns (uint256 mint, uint256 burn) {
        return (_mintCost(), _burnCost());
    }

    function getStorageUnitsInfo() external view returns (StorageUnitInfo[] memory) {
        StorageUnitInfo[] memory out = new StorageUnitInfo[](unitSlots.length);
        for (uint256 i = 0; i < unitSlots.length; i++) {
            Unit storage u = units[unitSlots[i]];
            // PROTOCOL.md: `owner` carries the unit's own address.
            out[i] = StorageUnitInfo(u.active, unitSlots[i], u.active ? u.wh : 0);
        }
        return out;
    }

    function getStorageUnitEnergy(address unit) external view returns (uint256) {
        return units[unit].active ? units[unit].wh : 0;
    }

    function getConsumptionSessions() external view returns (ConsumptionSession[] memory) {
        uint256 n = 0;
        for (uint256 i = 0; i < sessions.length; i++) {
            if (sessions[i].consumer == msg.sender && !_expired(sessions[i])) n++;
        }
        ConsumptionSession[] memory out = new ConsumptionSession[](n);
        n = 0;
        for (uint256 i = 0; i < sessions.length; i++) {
            Session storage s = sessions[i];
            if (s.consumer == msg.sender && !_expired(s)) {
                out[n++] = ConsumptionSession(_sessionId(s.unit, s.consumer), s.wh, s.start, s.unit);
            }
        }
        return out;
    }

    function getConsumptionSessionEnergy(address addr) external view returns (uint256 sessionWh) {
        uint256 slot = sessionSlot[_sessionKey(addr, msg.sender)];
        if (slot == 0) slot = sessionSlot[_sessionKey(msg.sender, addr)];
        if (slot == 0 || _expired(sessions[slot - 1])) return 0;
        return sessions[slot - 1].wh;
    }

    function startConsumptionSession(address storageUnit, uint256 entAmmount) external {
        if (_refuseIfDestroyed()) return;
        Unit storage u = units[storageUnit];
        if (!u.active) return _error(string.concat("Not an active storage unit: ", _hex(storageUnit)));
        if (entAmmount == 0) return _error("Amount must be greater than zero");

        // One session per (unit, consumer). An expired one is replaced here,
        // so the consumer need not wait for clearOldSessions; what it still
        // holds counts as available for the new one.
        bytes32 key = _sessionKey(storageUnit, msg.sender);
        uint256 slot = sessionSlot[key];
        uint256 freedEnt = 0;
        uint256 freedWh = 0;
        if (slot != 0) {
            Session storage old = sessions[slot - 1];
            if (!_expired(old)) return _error("A consumption session with this storage unit is already open");
            (freedEnt, freedWh) = (old.ent, old.wh);
        }
        if (entAmmount > entAvailable[msg.sender] + freedEnt) return _error("Not enough ENT tokens");
        // entAmmount <= balance <= ENT in circulation, far below 2^256 / 1000;
        // checked anyway so that this path can never end in a Panic.
        if (entAmmount > type(uint256).max / 1000) return _error("Amount too large");
        uint256 wh = (entAmmount * 1000) / (ONE + _burnCost());
        if (wh == 0) return _error("Amount too small for 1 Wh");
        if (wh > u.wh + freedWh) return _error("Not enough energy in the storage unit");
        if (slot != 0) _closeSession(slot - 1);

        entAvailable[msg.sender] -= entAmmount;
        entLocked[msg.sender] += entAmmount;
        u.wh -= wh;
        u.lockedWh += wh;
        sessions.push(Session(storageUnit, msg.sender, entAmmount, wh, block.timestamp));
        sessionSlot[key] = sessions.length;
        emit Info(
            string.concat(
                "Consumption session started >> ",
                _dec(wh),
                " Wh for ",
                _fix(entAmmount),
                " ENT with ",
                _hex(storageUnit)
            )
        );
    }

    function clearOldSessions() external {
        if (_refuseIfDestroyed()) return;
        _sayCleared(_closeExpiredSessions());
    }

    function registerStorageUnit(address unit, address owner) external {
        if (_refuseIfDestroyed() || _refuseIfNotVoter()) return;
        if (unit == address(0) || owner == address(0)) return _error("Invalid address");
        if (units[unit].active) return _error(string.concat("Storage unit already registered: ", _hex(unit)));
        if (!_vote(string.concat("register_", _hex(unit), "_", _hex(owner)))) return;

        units[unit] = Unit(true, owner, 0, 0);
        if (!hasSlot[unit]) {
            hasSlot[unit] = true;
            unitSlots.push(unit);
        }
        _sayRegistered(unit, owner);
    }

    function removeStorageUnit(address unit) external {
        if (_refuseIfDestroyed() || _refuseIfNotVoter()) return;
        if (!units[unit].active) return _error(string.concat("Not an active storage unit: ", _hex(unit)));
        if (!_vote(string.concat("remove_", _hex(unit)))) return;

        uint256 oldDeficit = _deficit();
        // Sessions with the unit end: consumers get their ENT back, and the
        // unit's energy (returned Wh included) leaves the network's total.
        uint256 i = 0;
        while (i < sessions.length) {
            if (sessions[i].unit == unit) {
                _closeSession(i);
            } else {
                i++;
            }
        }
        Unit storage u = units[unit];
        totalWh -= u.wh;
        u.wh = 0;
        u.active = false;
        _repeg(oldDeficit);
        emit Info(string.concat("Storage unit removed >> ", _hex(unit)));
    }

    function energyProduced(address producer, uint256 wh) external {
        if (_refuseIfDestroyed()) return;
        Unit storage u = units[msg.sender];
        if (!u.active) return _error("Only active storage units can do this");
        if (producer == address(0)) return _error("Invalid address");
        if (wh == 0) return _error("Energy must be greater than zero");
        if (_guardsOverflow() && wh > MAX_WH - totalWh) return _error("Energy amount too large");

        uint256 oldDeficit = _deficit();
        // E - T moves by the cost only, so capping the cost at the deficit
        // makes the books meet exactly where the gap closes.
        uint256 fee = _costFor(wh, _mintCost(), oldDeficit);
        uint256 minted = wh * WH - fee;
        uint256 ownerShare = (minted * paramF) / ONE;

        u.wh += wh;
        totalWh += wh;
        totalENT += minted;
        entAvailable[u.owner] += ownerShare;
        entAvailable[producer] += minted - ownerShare;
        _repeg(oldDeficit);
        _sayProduced(producer, wh, minted, ownerShare);
    }

    function energyConsumed(address consumer, uint256 wh) external {
        if (_refuseIfDestroyed()) return;
        Unit storage u = units[msg.sender];
        if (!u.active) return _error("Only active storage units can do this");
        if (wh == 0) return _error("Energy must be greater than zero");
        if (_guardsOverflow() && wh > MAX_WH) return _error("Energy amount too large");
        uint256 slot = sessionSlot[_sessionKey(msg.sender, consumer)];
        if (slot == 0 || _expired(sessions[slot - 1])) {
            return _error(string.concat("No open consumption session with ", _hex(consumer)));
        }
        Session storage s = sessions[slot - 1];

        uint256 oldDeficit = _deficit();
        uint256 used = wh < s.wh ? wh : s.wh;
        uint256 burned = used * WH + _costFor(used, _burnCost(), oldDeficit);
        // The cost may have risen since the session was priced; the session
        // cannot pay more than it holds, and the unpaid part stays in the gap.
        if (burned > s.ent) burned = s.ent;
        s.ent -= burned;
        s.wh -= used;
        entLocked[consumer] -= burned;
        totalENT -= burned;
        u.lockedWh -= used;
        totalWh -= used;

        if (wh > used) {
            // Over-consumption: the session ends and the excess, which the
            // consumer did not pay for, leaves the unit's energy.
            uint256 excess = wh - used;
            if (excess > u.wh) excess = u.wh;
            u.wh -= excess;
            totalWh -= excess;
        }
        uint256 returned = 0;
        if (wh > used || s.wh == 0) {
            returned = s.ent;
            _closeSession(slot - 1);
        }
        _repeg(oldDeficit);
        if (wh > used) _afterOverConsumption();
        _sayConsumed(consumer, used, burned, wh - used, returned);
    }

    function reportActualEnergy(uint256 actualEnergy) external {
        if (_refuseIfDestroyed()) return;
        Unit storage u = units[msg.sender];
        if (!u.active) return _error("Only active storage units can do this");
        uint256 booked = u.wh + u.lockedWh;
        if (_guardsOverflow() && actualEnergy > booked && actualEnergy - booked > MAX_WH - totalWh) {
            return _error("Energy amount too large");
        }

        uint256 oldDeficit = _deficit();
        // Sessions keep their Wh; the correction falls on the available part.
        // A battery holding less than its sessions leaves nothing available.
        uint256 available = actualEnergy > u.lockedWh ? actualEnergy - u.lockedWh : 0;
        totalWh = totalWh - u.wh + available;
        u.wh = available;
        _repeg(oldDeficit);
        _sayReported(actualEnergy);
    }

    // =======================================================================
    // Tokens
    // =======================================================================

    // Deliberately not `view`: PROTOCOL.md fixes these as nonpayable in the ABI.
    function balanceENT() external returns (uint256 available, uint256 locked) {
        return (entAvailable[msg.sender], entLocked[msg.sender]);
    }

    function balanceeEuro() external returns (uint256 available, uint256 locked) {
        return (eeuroAvailable[msg.sender], eeuroLocked[msg.sender]);
    }

    function getTotalENT() external view returns (uint256 amnt) {
        return totalENT;
    }

    function getTotalEeuro() external view returns (uint256) {
        return totalEeuro;
    }

    function transferENT(address to, uint256 amnt) external {
        if (_refuseIfDestroyed()) return;
        if (to == address(0)) return _error("Invalid address");
        if (amnt == 0) return _error("Amount must be greater than zero");
        if (amnt > entAvailable[msg.sender]) return _error("Not enough ENT tokens");
        entAvailable[msg.sender] -= amnt;
        entAvailable[to] += amnt;
        _sayTransferredENT(to, amnt);
    }

    function transfereEuro(address to, uint256 amnt) external virtual {
        if (_refuseIfDestroyed()) return;
        if (to == address(0)) return _error("Invalid address");
        if (amnt == 0) return _error("Amount must be greater than zero");
        if (amnt > eeuroAvailable[msg.sender]) return _error("Not enough eEuro tokens");
        eeuroAvailable[msg.sender] -= amnt;
        eeuroAvailable[to] += amnt;
        emit Info(string.concat("eEuro transferred >> ", _fix(amnt), " to ", _hex(to)));
    }

    function lockeEuro(uint256 amnt) external {
        if (_refuseIfDestroyed()) return;
        if (amnt == 0) return _error("Amount must be greater than zero");
        if (amnt > eeuroAvailable[msg.sender]) return _error("Not enough eEuro tokens");
        eeuroAvailable[msg.sender] -= amnt;
        eeuroLocked[msg.sender] += amnt;
        withdrawLocked[msg.sender] += amnt;
        _sayLocked(amnt);
    }

    // =======================================================================
    // Banker
    // =======================================================================

    function getBankerAddress() external view returns (address) {
        return banker;
    }

    function changeBanker(address addr) external {
        if (_refuseIfDestroyed() || _refuseIfNotVoter()) return;
        if (!_vote(string.concat("changeBankerTo_", _hex(addr)))) return;
        banker = addr;
        emit Info(string.concat("Banker changed >> ", _hex(addr)));
    }

    function minteEuro(address addr, uint256 amnt) external {
        if (_refuseIfDestroyed()) return;
        if (msg.sender != banker) return _error("Only the banker can do this");
        if (addr == address(0)) return _error("Invalid address");
        if (amnt == 0) return _error("Amount must be greater than zero");
        if (_guardsOverflow() && amnt > type(uint256).max - totalEeuro) return _error("Amount too large");
        eeuroAvailable[addr] += amnt;
        totalEeuro += amnt;
        _sayMinted(addr, amnt);
    }

    // The banker settles a withdrawal request: takes `amnt` out of what
    // `addr` locked for withdrawal, or emits why not and returns false.
    function _settleWithdrawal(address addr, uint256 amnt, bool burn) internal returns (bool) {
        if (_refuseIfDestroyed()) return false;
        string memory refusal = _bankerRefusal(addr, burn);
        if (bytes(refusal).length != 0) {
            _error(refusal);
            return false;
        }
        if (amnt == 0) {
            _error("Amount must be greater than zero");
            return false;
        }
        if (amnt > withdrawLocked[addr]) {
            _error("Not enough locked eEuro tokens");
            return false;
        }
        withdrawLocked[addr] -= amnt;
        eeuroLocked[addr] -= amnt;
        return true;
    }

    function burneEuro(address addr, uint256 amnt) external {
        if (!_settleWithdrawal(addr, amnt, true)) return;
        totalEeuro -= amnt;
        emit Info(string.concat("eEuro burned >> ", _fix(amnt), " from ", _hex(addr)));
    }

    function unlockeEuro(address addr, uint256 amnt) external {
        if (!_settleWithdrawal(addr, amnt, false)) return;
        eeuroAvailable[addr] += amnt;
        _sayUnlocked(addr, amnt);
    }

    // =======================================================================
    // Network parameters
    // =======================================================================

    function getParameters() external view returns (uint256 M, uint256 B, uint256 C, uint256 H, uint256 F) {
        return (paramM, paramB, paramC, paramH, paramF);
    }

    function setParameter(string calldata param, uint256 value) external {
        if (_refuseIfDestroyed() || _refuseIfNotVoter()) return;
        bytes32 p = keccak256(bytes(param));
        bool isH = p == keccak256("H");
        if (!isH && p != keccak256("M") && p != keccak256("B") && p != keccak256("C") && p != keccak256("F")) {
            return _error(string.concat("Unknown parameter: ", param));
        }
        // Costs and fractions above 1.0 would let minting underflow or hand
        // out more than was minted; H must be a positive number of hours.
        if (isH ? (value == 0 || (_guardsOverflow() && value > MAX_HOURS)) : value > ONE) {
            return _error(
                string.concat(
                    "Invalid value for parameter ",
                    param,
                    isH ? ": hours must be at least 1 and below 2^256 / 3600" : ": must be at most 10^18 (1.0)"
                )
            );
        }
        if (!_vote(string.concat("setParameter_", param, "_", _dec(value)))) return;

        if (isH) paramH = value * 3600;
        else if (p == keccak256("M")) paramM = value;
        else if (p == keccak256("B")) paramB = value;
        else if (p == keccak256("C")) paramC = value;
        else paramF = value;
        _sayParameter(param, value, isH);
    }

    // =======================================================================
    // Voting
    // =======================================================================

    function isVoter() external view returns (bool voter) {
        return voters[msg.sender];
    }

    function getVotes() external view returns (VoteInfo[] memory) {
        uint256[] storage mine = votesOf[msg.sender];
        VoteInfo[] memory out = new VoteInfo[](mine.length);
        for (uint256 i = 0; i < mine.length; i++) {
            Vote storage v = votes[mine[i]];
            out[i] = VoteInfo(v.key, v.inFavour[msg.sender], v.passed);
        }
        return out;
    }

    function addVoter(address addr) external {
        if (_refuseIfDestroyed() || _refuseIfNotVoter()) return;
        if (addr == address(0)) return _error("Invalid address");
        if (voters[addr]) return _error(string.concat("Already a voter: ", _hex(addr)));
        if (!_vote(string.concat("Add_Voter_", _hex(addr)))) return;
        voters[addr] = true;
        voterCount++;
        emit Info(string.concat("New voter added >> ", _hex(addr)));
    }

    function removeVoter(address addr) external {
        if (_refuseIfDestroyed() || _refuseIfNotVoter()) return;
        if (!voters[addr]) return _error(string.concat("Not a voter: ", _hex(addr)));
        if (voterCount == 1) return _error("The last voter cannot be removed");
        if (!_vote(string.concat("Remove_Voter_", _hex(addr)))) return;
        voters[addr] = false;
        voterCount--;
        emit Info(string.concat("Voter removed >> ", _hex(addr)));
    }

    function destroy() external virtual {
        if (_refuseIfDestroyed() || _refuseIfNotVoter()) return;
        if (!_vote("destroy_contract")) return;
        // Retiring is a flag, not selfdestruct: reads keep answering and every
        // state-changing call reports the Error below from now on.
        destroyed = true;
        emit Info("Contract destroyed");
    }

    // =======================================================================
    // Market
    // =======================================================================

    function getOrders() external view returns (OrderInfo[] memory buys, OrderInfo[] memory sells) {
        return (_orderList(openBuys, buyOrders), _orderList(openSells, sellOrders));
    }

    function addOrder(uint256 price, uint256 quant, bool isBuy) external {
        if (_refuseIfDestroyed()) return;
        if (price == 0 || quant == 0) return _error("Price and quantity must be greater than zero");
        if (_guardsOverflow() && price > type(uint256).max / quant) return _error("Order too large");
        uint256 id;
        if (isBuy) {
            uint256 toLock = (price * quant) / ONE;
            if (toLock == 0) return _error("Order too small: it would lock no eEuro");
            if (toLock > eeuroAvailable[msg.sender]) return _error("Not enough eEuro tokens");
            eeuroAvailable[msg.sender] -= toLock;
            eeuroLocked[msg.sender] += toLock;
            id = buyCount++;
            buyOrders[id] = Order(msg.sender, price, quant, true, toLock);
            openBuys.push(id);
        } else {
            if (quant > entAvailable[msg.sender]) return _error("Not enough ENT tokens");
            entAvailable[msg.sender] -= quant;
            entLocked[msg.sender] += quant;
            id = sellCount++;
            sellOrders[id] = Order(msg.sender, price, quant, true, 0);
            openSells.push(id);
        }
        emit Info(
            string.concat(
                "Order added >> ",
                isBuy ? "buy #" : "sell #",
                _dec(id),
                ": ",
                _fix(quant),
                " ENT at ",
                _fix(price),
                " eEuro/ENT"
            )
        );
        _match(id, isBuy);
    }

    function removeOrder(uint256 id, bool isBuy) external {
        if (_refuseIfDestroyed()) return;
        Order storage o = isBuy ? buyOrders[id] : sellOrders[id];
        if (!o.valid) return _refuseRemoval("Order not found or already closed");
        if (o.user != msg.sender) return _refuseRemoval("Only the order's owner can remove it");
        if (isBuy) {
            eeuroLocked[o.user] -= o.locked;
            eeuroAvailable[o.user] += o.locked;
            o.locked = 0;
            _dropOpen(openBuys, id);
        } else {
            entLocked[o.user] -= o.quantity;
            entAvailable[o.user] += o.quantity;
            _dropOpen(openSells, id);
        }
        o.valid = false;
        emit Info(string.concat("Order removed >> ", isBuy ? "buy #" : "sell #", _dec(id)));
    }

    // =======================================================================
    // Internals
    // =======================================================================

    function _error(string memory text) internal {
        emit Error(text);
    }

    function _refuseIfDestroyed() internal returns (bool) {
        if (destroyed) emit Error("Contract destroyed");
        return destroyed;
    }

    function _refuseIfNotVoter() internal returns (bool) {
        if (!voters[msg.sender]) emit Error("Only voters can do this");
        return !voters[msg.sender];
    }

    /// Records the caller's (a voter's) vote on `base`, or on `base_N` once
    /// `base` has passed N times, and reports whether this call made it pass.
    /// Vote functions check that the action is possible before voting, so
    /// the call that passes a vote can always perform it.
    function _vote(string memory base) internal returns (bool) {
        bytes32 baseHash = keccak256(bytes(base));
        uint256 n = timesPassed[baseHash];
        string memory key = n == 0 ? base : string.concat(base, "_", _dec(n));
        bytes32 keyHash = keccak256(bytes(key));
        if (voteSlot[keyHash] == 0) {
            Vote storage fresh = votes.push();
            fresh.key = key;
            voteSlot[keyHash] = votes.length;
        }
        uint256 index = voteSlot[keyHash] - 1;
        Vote storage v = votes[index];
        if (!v.tookPart[msg.sender]) {
            v.tookPart[msg.sender] = true;
            v.participants.push(msg.sender);
            votesOf[msg.sender].push(index);
        }
        bool favour = !v.inFavour[msg.sender];
        v.inFavour[msg.sender] = favour;

        // Only current voters count, so a removed voter's old vote is void.
        uint256 inFavour = 0;
        for (uint256 i = 0; i < v.participants.length; i++) {
            address p = v.participants[i];
            if (voters[p] && v.inFavour[p]) inFavour++;
        }
        // Withdrawing support never passes a vote, even if the voter set shrank.
        if (favour && (inFavour * 10) / voterCount > 5) {
            v.passed = true;
            timesPassed[baseHash] = n + 1;
            return true;
        }
        emit Info(
            string.concat(
                favour ? "You are in favor of: '" : "You are against: '",
                key,
                "'. Execute the method again to change your mind."
            )
        );
        return false;
    }

    function _mintCost() internal view returns (uint256) {
        return cost < paramM ? cost : paramM;
    }

    function _burnCost() internal view virtual returns (uint256) {
        return cost < paramB ? cost : paramB;
    }

    /// ENT in circulation beyond the stored energy (0 when energy covers it).
    function _deficit() internal view returns (uint256) {
        uint256 e = totalWh * WH;
        return totalENT > e ? totalENT - e : 0;
    }

    /// The cost of `wh` at `rate` ENT/kWh, rounded up so that a small gap
    /// still closes, and capped at `deficit`: only the Wh before the books
    /// meet pay the cost.
    function _costFor(uint256 wh, uint256 rate, uint256 deficit) internal pure returns (uint256) {
        uint256 c = (wh * rate + 999) / 1000;
        return c < deficit ? c : deficit;
    }

    /// Re-sets R after the books changed. R changes only when the deficit
    /// grew (set from the new gap) or closed (zero); while it shrinks R stays
    /// fixed, so the gap closes after deficit / R kWh instead of
    /// asymptotically. A surplus of energy over ENT carries no cost: a cost
    /// on minting or burning could only widen it.
    function _repeg(uint256 oldDeficit) internal {
        uint256 deficit = _deficit();
        if (deficit == 0) cost = 0;
        else if (deficit > oldDeficit) cost = (deficit * paramC) / ONE;
    }

    function _expired(Session storage s) internal view returns (bool) {
        return block.timestamp - s.start >= paramH;
    }

    /// Ends every expired session; returns how many.
    function _closeExpiredSessions() internal returns (uint256 cleared) {
        uint256 i = 0;
        // _closeSession moves the last session into slot i, so i only
        // advances past sessions that stay.
        while (i < sessions.length) {
            if (_expired(sessions[i])) {
                _closeSession(i);
                cleared++;
            } else {
                i++;
            }
        }
    }

    /// Ends session `index`: its ENT and Wh go back to consumer and unit.
    function _closeSession(uint256 index) internal {
        Session storage s = sessions[index];
        entLocked[s.consumer] -= s.ent;
        entAvailable[s.consumer] += s.ent;
        Unit storage u = units[s.unit];
        u.lockedWh -= s.wh;
        u.wh += s.wh;
        delete sessionSlot[_sessionKey(s.unit, s.consumer)];
        uint256 last = sessions.length - 1;
        if (index != last) {
            sessions[index] = sessions[last];
            Session storage moved = sessions[index];
            sessionSlot[_sessionKey(moved.unit, moved.consumer)] = index + 1;
        }
        sessions.pop();
    }

    function _sessionKey(address unit, address consumer) internal pure returns (bytes32) {
        return keccak256(abi.encodePacked(unit, consumer));
    }

    function _sessionId(address unit, address consumer) internal pure returns (string memory) {
        return string.concat(_hex(unit), "_", _hex(consumer));
    }

    /// Matches the new order `id` against the book: best price first, then
    /// the older order; the trade runs at the sell price. Orders of the same
    /// user are skipped, so crossed pairs left in the book are always
    /// self-pairs and matching the new order alone keeps the book matched.
    function _match(uint256 id, bool isBuy) internal {
        Order storage taker = isBuy ? buyOrders[id] : sellOrders[id];
        while (taker.quantity > 0) {
            (bool found, uint256 other) = isBuy ? _bestSell(taker.user, taker.price) : _bestBuy(taker.user, taker.price);
            if (!found) return;
            if (isBuy) _trade(id, other);
            else _trade(other, id);
        }
    }

    function _bestSell(address buyer, uint256 limit) internal view returns (bool found, uint256 best) {
        for (uint256 i = 0; i < openSells.length; i++) {
            uint256 sid = openSells[i];
            Order storage s = sellOrders[sid];
            if (s.user == buyer || s.price > limit) continue;
            if (!found || s.price < sellOrders[best].price || (s.price == sellOrders[best].price && sid < best)) {
                (found, best) = (true, sid);
            }
        }
    }

    function _bestBuy(address seller, uint256 limit) internal view returns (bool found, uint256 best) {
        for (uint256 i = 0; i < openBuys.length; i++) {
            uint256 bid = openBuys[i];
            Order storage b = buyOrders[bid];
            if (b.user == seller || b.price < limit) continue;
            if (!found || b.price > buyOrders[best].price || (b.price == buyOrders[best].price && bid < best)) {
                (found, best) = (true, bid);
            }
        }
    }

    function _trade(uint256 buyId, uint256 sellId) internal {
        Order storage b = buyOrders[buyId];
        Order storage s = sellOrders[sellId];
        uint256 q = b.quantity < s.quantity ? b.quantity : s.quantity;
        uint256 pay = (s.price * q) / ONE;
        b.quantity -= q;
        s.quantity -= q;

        // The buy keeps locked exactly what its remaining quantity needs at
        // its own limit; what it saved by trading below the limit is freed.
        // floor(bp*Q) >= floor(sp*q) + floor(bp*(Q-q)), so this never underflows.
        uint256 keep = (b.price * b.quantity) / ONE;
        uint256 refund = _refundOnTrade(b.locked - pay - keep);
        b.locked = keep;
        eeuroLocked[b.user] -= pay + refund;
        eeuroAvailable[b.user] += refund;
        eeuroAvailable[s.user] += pay;
        entLocked[s.user] -= q;
        entAvailable[b.user] += q;

        _sayTrade(q, s.price, buyId, sellId);
        if (b.quantity == 0) {
            // keep is 0 here, so nothing stays locked by a filled buy.
            b.valid = false;
            _dropOpen(openBuys, buyId);
        }
        if (s.quantity == 0) {
            s.valid = false;
            _dropOpen(openSells, sellId);
        }
    }

    function _dropOpen(uint256[] storage list, uint256 id) internal {
        for (uint256 i = 0; i < list.length; i++) {
            if (list[i] == id) {
                list[i] = list[list.length - 1];
                list.pop();
                return;
            }
        }
    }

    function _orderList(uint256[] storage ids, mapping(uint256 => Order) storage book)
        internal
        view
        returns (OrderInfo[] memory out)
    {
        // Oldest first, whatever order the compacted list is in.
        out = new OrderInfo[](ids.length);
        for (uint256 i = 0; i < ids.length; i++) {
            Order storage o = book[ids[i]];
            out[i] = OrderInfo(ids[i], o.user, o.price, o.quantity, o.valid);
        }
        for (uint256 i = 1; i < out.length; i++) {
            OrderInfo memory cur = out[i];
            uint256 j = i;
            while (j > 0 && out[j - 1].id > cur.id) {
                out[j] = out[j - 1];
                j--;
            }
            out[j] = cur;
        }
    }

    // ---- Rules a derived deployment may change ----------------------------

    /// Whether calls refuse, with an Error, figures whose arithmetic would
    /// overflow (instead of reverting with Panic(0x11)).
    function _guardsOverflow() internal pure virtual returns (bool) {
        return true;
    }

    /// What a buy filled below its limit gets back at once of the `saved`
    /// eEuro it had locked beyond the price paid; the rest stays locked.
    function _refundOnTrade(uint256 saved) internal pure virtual returns (uint256) {
        return saved;
    }

    /// Why the caller may not burn (`burn`) or unlock eEuro that `addr`
    /// locked for withdrawal; empty when it may.
    function _bankerRefusal(address, bool) internal view virtual returns (string memory) {
        return msg.sender == banker ? "" : "Only the banker can do this";
    }

    /// Refuses a removeOrder call for the reason `text`.
    function _refuseRemoval(string memory text) internal virtual {
        _error(text);
    }

    /// Runs after a reading that went beyond its session has been booked.
    /// This contract needs nothing more there.
    function _afterOverConsumption() internal virtual {}

    // ---- What each call says ---------------------------------------------

    function _sayProduced(address producer, uint256 wh, uint256 minted, uint256 ownerShare) internal virtual {
        emit Info(
            string.concat(
                "Energy produced >> ",
                _dec(wh),
                " Wh by ",
                _hex(producer),
                ": ",
                _fix(minted),
                " ENT minted, ",
                _fix(ownerShare),
                " ENT to the unit's owner"
            )
        );
    }

    /// `used` Wh of the session paid with `burned` ENT; `beyond` Wh more
    /// than it held (the session then ended); `returned` ENT given back
    /// when the session closed.
    function _sayConsumed(address consumer, uint256 used, uint256 burned, uint256 beyond, uint256 returned)
        internal
        virtual
    {
        string memory text = string.concat(
            "Energy consumed >> ",
            _dec(used),
            " Wh by ",
            _hex(consumer),
            ": ",
            _fix(burned),
            " ENT burned"
        );
        if (beyond > 0) text = string.concat(text, "; ", _dec(beyond), " Wh beyond the session, session ended");
        if (returned > 0) text = string.concat(text, "; ", _fix(returned), " ENT returned");
        emit Info(text);
    }

    function _sayReported(uint256 actualEnergy) internal virtual {
        emit Info(string.concat("Actual energy reported >> ", _dec(actualEnergy), " Wh"));
    }

    function _sayCleared(uint256 cleared) internal virtual {
        emit Info(string.concat("Old sessions cleared >> ", _dec(cleared)));
    }

    function _sayRegistered(address unit, address owner) internal virtual {
        emit Info(string.concat("Storage unit registered >> ", _hex(unit), " owned by ", _hex(owner)));
    }

    function _sayTransferredENT(address to, uint256 amnt) internal virtual {
        emit Info(string.concat("ENT transferred >> ", _fix(amnt), " to ", _hex(to)));
    }

    function _sayLocked(uint256 amnt) internal virtual {
        emit Info(string.concat("eEuro locked for withdrawal >> ", _fix(amnt)));
    }

    function _sayMinted(address addr, uint256 amnt) internal virtual {
        emit Info(string.concat("eEuro minted >> ", _fix(amnt), " to ", _hex(addr)));
    }

    function _sayUnlocked(address addr, uint256 amnt) internal virtual {
        emit Info(string.concat("eEuro unlocked >> ", _fix(amnt), " for ", _hex(addr)));
    }

    /// `value` as voted: hours for H, an 18-decimal fraction otherwise.
    function _sayParameter(string memory param, uint256 value, bool isH) internal virtual {
        string memory shown = isH ? string.concat(_dec(value), " h (", _dec(value * 3600), " s)") : _fix(value);
        emit Info(string.concat("Parameter changed >> ", param, " = ", shown));
    }

    function _sayTrade(uint256 quantity, uint256 price, uint256 buyId, uint256 sellId) internal virtual {
        emit Info(
            string.concat(
                "Trade >> ",
                _fix(quantity),
                " ENT at ",
                _fix(price),
                " eEuro/ENT (buy #",
                _dec(buyId),
                ", sell #",
                _dec(sellId),
                ")"
            )
        );
    }

    // ---- Text ------------------------------------------------------------

    /// 40 lowercase hex digits without 0x, as in vote strings.
    function _hex(address a) internal pure returns (string memory) {
        bytes memory digits = "0123456789abcdef";
        bytes memory out = new bytes(40);
        uint160 v = uint160(a);
        for (uint256 i = 40; i > 0; i--) {
            out[i - 1] = digits[v & 0xf];
            v >>= 4;
        }
        return string(out);
    }

    function _dec(uint256 v) internal pure returns (string memory) {
        if (v == 0) return "0";
        uint256 len = 0;
        for (uint256 t = v; t != 0; t /= 10) len++;
        bytes memory out = new bytes(len);
        for (; v != 0; v /= 10) out[--len] = bytes1(uint8(48 + (v % 10)));
        return string(out);
    }

    /// An 18-decimal amount in full precision without trailing zeros: 7.6, 0.243.
    function _fix(uint256 v) internal pure virtual returns (string memory) {
        uint256 frac = v % ONE;
        if (frac == 0) return _dec(v / ONE);
        bytes memory digits = new bytes(18);
        for (uint256 i = 18; i > 0; i--) {
            digits[i - 1] = bytes1(uint8(48 + (frac % 10)));
            frac /= 10;
        }
        uint256 len = 18;
        while (digits[len - 1] == "0") len--;
        bytes memory trimmed = new bytes(len);
        for (uint256 i = 0; i < len; i++) trimmed[i] = digits[i];
        return string.concat(_dec(v / ONE), ".", string(trimmed));
    }
}
