// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";

/// What the vault reads of the settlement anchor: an epoch's root and total, once anchored.
interface IAnchoredEpochs {
    function rootOf(uint64 epoch) external view returns (bytes32);
    function totalOf(uint64 epoch) external view returns (uint256);
}

/// Custody of the market's value on Ethereum (whitepaper 3.2: "both must sign"). Anyone deposits
/// BHKR or ETH for an account; the chain bridge credits the account once per log. Funds leave
/// only by a withdrawal that the platform key AND the account's own key signed (EIP-712), and
/// each (account, nonce) pays at most once, so a signature can never be replayed.
///
/// One narrow exception funds payout epochs: the platform may move an anchored epoch's total,
/// once per epoch, to the settlement anchor fixed at deployment, and nowhere else. The anchor pays
/// it out only to the accounts in the epoch's leaves, each of which asked for its payout with its
/// own signature in the market. An even epoch id pays ETH, an odd one BHKR, so one epoch is one asset.
contract CustodyVault is EIP712, ReentrancyGuard {
    using SafeERC20 for IERC20;

    /// The asset address that stands for ETH in events and withdrawals.
    address public constant ETH = address(0);

    bytes32 public constant WITHDRAWAL_TYPEHASH = keccak256(
        "Withdrawal(address account,address asset,uint256 amount,address to,uint256 nonce,uint256 deadline)"
    );

    struct Withdrawal {
        address account;
        address asset;
        uint256 amount;
        address to;
        uint256 nonce;
        uint256 deadline;
    }

    IERC20 public immutable bhkr;
    address public immutable platform;
    IAnchoredEpochs public immutable anchor;
    mapping(address account => mapping(uint256 nonce => bool)) public nonceUsed;
    mapping(uint64 epoch => bool) public epochFunded;

    event Deposited(address indexed account, address indexed asset, uint256 amount);
    event ProfitDeposited(address indexed depositor, address indexed asset, uint256 amount, string projectId);
    event Withdrawn(address indexed account, address indexed asset, uint256 amount, address to, uint256 nonce);
    event EpochFunded(uint64 indexed epoch, address indexed asset, uint256 amount);

    error WrongAsset(address asset);
    error WrongValue(uint256 sent, uint256 amount);
    error Expired(uint256 deadline);
    error NonceUsed(address account, uint256 nonce);
    error NotSignedByPlatform();
    error NotSignedByAccount();
    error EthTransferFailed();
    error NotPlatform();
    error EpochNotAnchored(uint64 epoch);
    error EpochAlreadyFunded(uint64 epoch);

    constructor(IERC20 bhkr_, address platform_, IAnchoredEpochs anchor_) EIP712("BHKR Custody Vault", "1") {
        bhkr = bhkr_;
        platform = platform_;
        anchor = anchor_;
    }

    /// ETH sent without data is a deposit for the sender.
    receive() external payable {
        emit Deposited(msg.sender, ETH, msg.value);
    }

    function depositEth(address account) external payable {
        emit Deposited(account, ETH, msg.value);
    }

    /// BHKR for `account`, pulled from the sender (who approved the vault first).
    function depositBhkr(address account, uint256 amount) external {
        bhkr.safeTransferFrom(msg.sender, address(this), amount);
        emit Deposited(account, address(bhkr), amount);
    }

    /// A project's profit X (economics 3), in ETH (send it as value) or BHKR (approve first).
    function depositProfit(string calldata projectId, address asset, uint256 amount) external payable {
        if (asset == ETH) {
            if (msg.value != amount) revert WrongValue(msg.value, amount);
        } else {
            if (asset != address(bhkr)) revert WrongAsset(asset);
            if (msg.value != 0) revert WrongValue(msg.value, 0);
            bhkr.safeTransferFrom(msg.sender, address(this), amount);
        }
        emit ProfitDeposited(msg.sender, asset, amount, projectId);
    }

    function withdrawalDigest(Withdrawal calldata w) public view returns (bytes32) {
        return _hashTypedDataV4(keccak256(abi.encode(
            WITHDRAWAL_TYPEHASH, w.account, w.asset, w.amount, w.to, w.nonce, w.deadline)));
    }

    function withdraw(Withdrawal calldata w, bytes calldata platformSignature, bytes calldata accountSignature)
        external
        nonReentrant
    {
        if (block.timestamp > w.deadline) revert Expired(w.deadline);
        if (nonceUsed[w.account][w.nonce]) revert NonceUsed(w.account, w.nonce);
        bytes32 digest = withdrawalDigest(w);
        if (ECDSA.recover(digest, platformSignature) != platform) revert NotSignedByPlatform();
        if (ECDSA.recover(digest, accountSignature) != w.account) revert NotSignedByAccount();
        nonceUsed[w.account][w.nonce] = true;
        if (w.asset == ETH) {
            (bool ok,) = w.to.call{value: w.amount}("");
            if (!ok) revert EthTransferFailed();
        } else {
            if (w.asset != address(bhkr)) revert WrongAsset(w.asset);
            bhkr.safeTransfer(w.to, w.amount);
        }
        emit Withdrawn(w.account, w.asset, w.amount, w.to, w.nonce);
    }

    /// The asset an epoch pays: ETH for an even id, BHKR for an odd one.
    function epochAsset(uint64 epoch) public view returns (address) {
        return epoch % 2 == 0 ? ETH : address(bhkr);
    }

    /// Moves exactly the anchored total of `epoch` to the anchor, once: the claims of that epoch
    /// draw on it. Only the platform calls it, and only for an epoch whose root is on the anchor.
    function fundEpoch(uint64 epoch) external nonReentrant {
        if (msg.sender != platform) revert NotPlatform();
        if (anchor.rootOf(epoch) == bytes32(0)) revert EpochNotAnchored(epoch);
        if (epochFunded[epoch]) revert EpochAlreadyFunded(epoch);
        epochFunded[epoch] = true;
        uint256 amount = anchor.totalOf(epoch);
        address asset = epochAsset(epoch);
        if (asset == ETH) {
            (bool ok,) = address(anchor).call{value: amount}("");
            if (!ok) revert EthTransferFailed();
        } else {
            bhkr.safeTransfer(address(anchor), amount);
        }
        emit EpochFunded(epoch, asset, amount);
    }
}
