// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC20Burnable} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Burnable.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";

/// The BHKR token: 18 decimals, minted by its owner (the platform), burnable by any holder.
/// Minting and burning are the only ways supply changes, so "minted - burned" in the
/// conservation invariant can be read straight from the Transfer events to and from zero.
contract BhkrToken is ERC20, ERC20Burnable, Ownable {
    constructor(address owner_) ERC20("BHKR", "BHKR") Ownable(owner_) {}

    function mint(address to, uint256 amount) external onlyOwner {
        _mint(to, amount);
    }
}
