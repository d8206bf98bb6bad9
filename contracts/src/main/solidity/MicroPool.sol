// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";

/// A micro-pool (economics 4): users stake ETH and receive the same amount of aETH, a
/// transferable ERC-20 of this pool. Before activation a staker may withdraw (burning aETH);
/// from 32 ETH on the pool is active and locked until its provider completes it after the end
/// time; then whoever holds aETH redeems it 1:1 for ETH. Rewards and fees are settled by the
/// backend, not here.
contract MicroPool is ERC20, ReentrancyGuard {
    uint256 public constant ACTIVATION = 32 ether;

    address public immutable provider;
    uint64 public immutable endTime;
    bool public active;
    bool public completed;

    event Staked(address indexed staker, uint256 amount);
    event Unstaked(address indexed staker, uint256 amount);
    event Activated(uint256 totalStaked);
    event Completed(uint256 totalStaked);
    event Redeemed(address indexed holder, uint256 amount);

    error Locked();
    error NotCompleted();
    error NotProvider();
    error TooEarly(uint64 endTime);
    error ZeroAmount();
    error EthTransferFailed();

    constructor(address provider_, uint64 endTime_) ERC20("BHKR micro-pool ETH", "aETH") {
        provider = provider_;
        endTime = endTime_;
    }

    function stake() external payable {
        if (msg.value == 0) revert ZeroAmount();
        if (completed) revert Locked();
        _mint(msg.sender, msg.value);
        emit Staked(msg.sender, msg.value);
        if (!active && totalSupply() >= ACTIVATION) {
            active = true;
            emit Activated(totalSupply());
        }
    }

    function unstake(uint256 amount) external nonReentrant {
        if (active) revert Locked();
        _burn(msg.sender, amount);
        emit Unstaked(msg.sender, amount);
        _pay(msg.sender, amount);
    }

    function complete() external {
        if (msg.sender != provider) revert NotProvider();
        if (block.timestamp < endTime) revert TooEarly(endTime);
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
