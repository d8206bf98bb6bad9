// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";

/// A micro-pool (economics 4) that keeps its users' principal on chain: users stake ETH and
/// receive the same amount of aETH, a transferable ERC-20 of this pool. Before activation a
/// staker may withdraw (burning aETH); at `activationStake` (the validator's 32 ETH less the
/// provider's share k) the pool is active and locked until its provider completes it after the
/// end time; then whoever holds aETH redeems it 1:1 for ETH. A pool that never activates is
/// never completed: its stakers unstake.
///
/// The open gate: nothing can be staked until the platform (the node's chain key) opens the
/// pool, and the node opens it only once its chain bridge follows this address, so no stake can
/// precede the bridge and go unseen by the market.
///
/// The fee, floor(feePer32Eth * stake / 32 ETH) BHKR, moves from the staker into the custody
/// vault in the same transaction as the stake, so the market can credit it from the Staked log.
/// Rewards are settled by the market; only the principal stays here.
contract MicroPool is ERC20, ReentrancyGuard {
    using SafeERC20 for IERC20;

    /// The fee is per 32 ETH staked.
    uint256 public constant VALIDATOR = 32 ether;

    address public immutable provider;
    uint64 public immutable endTime;
    uint256 public immutable activationStake;
    uint256 public immutable feePer32Eth;
    address public immutable platform;
    IERC20 public immutable bhkr;
    address public immutable vault;

    bool public opened;
    bool public active;
    bool public completed;

    event Opened();
    event Staked(address indexed staker, uint256 amount, uint256 fee);
    event Unstaked(address indexed staker, uint256 amount);
    event Activated(uint256 totalStaked);
    event Completed(uint256 totalStaked);
    event Redeemed(address indexed holder, uint256 amount);

    error NotPlatform();
    error AlreadyOpened();
    error NotOpened();
    error Locked();
    error Ended(uint64 endTime);
    error NotActive();
    error NotCompleted();
    error AlreadyCompleted();
    error NotProvider();
    error TooEarly(uint64 endTime);
    error ZeroAmount();
    error ZeroActivationStake();
    error EthTransferFailed();

    constructor(
        address provider_,
        uint64 endTime_,
        uint256 activationStake_,
        uint256 feePer32Eth_,
        address platform_,
        IERC20 bhkr_,
        address vault_
    ) ERC20("BHKR micro-pool ETH", "aETH") {
        // zero would activate on the first wei and lock it
        if (activationStake_ == 0) revert ZeroActivationStake();
        provider = provider_;
        endTime = endTime_;
        activationStake = activationStake_;
        feePer32Eth = feePer32Eth_;
        platform = platform_;
        bhkr = bhkr_;
        vault = vault_;
    }

    /// Called by the platform once its bridge follows this pool.
    function open() external {
        if (msg.sender != platform) revert NotPlatform();
        if (opened) revert AlreadyOpened();
        opened = true;
        emit Opened();
    }

    /// The staker approved this pool for the fee beforehand.
    function stake() external payable nonReentrant {
        if (!opened) revert NotOpened();
        if (active || completed) revert Locked();
        if (block.timestamp >= endTime) revert Ended(endTime);
        if (msg.value == 0) revert ZeroAmount();
        uint256 fee = feePer32Eth * msg.value / VALIDATOR;
        if (fee > 0) bhkr.safeTransferFrom(msg.sender, vault, fee);
        _mint(msg.sender, msg.value);
        emit Staked(msg.sender, msg.value, fee);
        if (totalSupply() >= activationStake) {
            active = true;
            emit Activated(totalSupply());
        }
    }

    /// Also after the end time, as long as the pool never activated.
    function unstake(uint256 amount) external nonReentrant {
        if (active) revert Locked();
        _burn(msg.sender, amount);
        emit Unstaked(msg.sender, amount);
        _pay(msg.sender, amount);
    }

    function complete() external {
        if (msg.sender != provider) revert NotProvider();
        if (block.timestamp < endTime) revert TooEarly(endTime);
        if (!active) revert NotActive();
        if (completed) revert AlreadyCompleted(); // one Completed log per pool
        completed = true;
        emit Completed(totalSupply());
    }

    function redeem(uint256 amount) external nonReentrant {
        if (!completed) revert NotCompleted();
        _burn(msg.sender, amount);
        emit Redeemed(msg.sender, amount);
        _pay(msg.sender, amount);
    }

    function _pay(address to, uint256 amount) private {
        (bool ok,) = to.call{value: amount}("");
        if (!ok) revert EthTransferFailed();
    }
}
