// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {MerkleProof} from "@openzeppelin/contracts/utils/cryptography/MerkleProof.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";

/// Per-epoch Merkle roots of all payouts (whitepaper 3.4.8). The backend computes an epoch's
/// payouts, the bridge anchors their root here once, and each account claims its own payout with
/// a proof, exactly once. A leaf is keccak256(keccak256(abi.encode(epoch, account, asset,
/// amount))): hashing twice keeps a leaf from being passed off as an inner node.
contract SettlementAnchor is Ownable, ReentrancyGuard {
    using SafeERC20 for IERC20;

    address public constant ETH = address(0);

    mapping(uint64 epoch => bytes32) public rootOf;
    mapping(uint64 epoch => uint256) public totalOf;
    mapping(bytes32 leaf => bool) public claimed;

    event RootAnchored(uint64 indexed epoch, bytes32 root, uint256 total);
    event Claimed(uint64 indexed epoch, address indexed account, address indexed asset, uint256 amount);

    error EpochAnchored(uint64 epoch);
    error EmptyRoot();
    error UnknownEpoch(uint64 epoch);
    error AlreadyClaimed(uint64 epoch, address account);
    error InvalidProof();
    error EthTransferFailed();

    constructor(address owner_) Ownable(owner_) {}

    /// Funds for claims in ETH; BHKR is funded by a plain token transfer to this contract.
    receive() external payable {}

    /// An epoch's root is written once; a correction is a new epoch, never an overwrite.
    function anchor(uint64 epoch, bytes32 root, uint256 total) external onlyOwner {
        if (rootOf[epoch] != bytes32(0)) revert EpochAnchored(epoch);
        if (root == bytes32(0)) revert EmptyRoot();
        rootOf[epoch] = root;
        totalOf[epoch] = total;
        emit RootAnchored(epoch, root, total);
    }

    function leaf(uint64 epoch, address account, address asset, uint256 amount) public pure returns (bytes32) {
        return keccak256(bytes.concat(keccak256(abi.encode(epoch, account, asset, amount))));
    }

    /// Pays `amount` of `asset` to `account` (anyone may submit it; the money goes to the account).
    function claim(uint64 epoch, address account, address asset, uint256 amount, bytes32[] calldata proof)
        external
        nonReentrant
    {
        bytes32 root = rootOf[epoch];
        if (root == bytes32(0)) revert UnknownEpoch(epoch);
        bytes32 l = leaf(epoch, account, asset, amount);
        if (claimed[l]) revert AlreadyClaimed(epoch, account);
        if (!MerkleProof.verifyCalldata(proof, root, l)) revert InvalidProof();
        claimed[l] = true;
        if (asset == ETH) {
            (bool ok,) = account.call{value: amount}("");
            if (!ok) revert EthTransferFailed();
        } else {
            IERC20(asset).safeTransfer(account, amount);
        }
        emit Claimed(epoch, account, asset, amount);
    }
}
