// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";

/// The public record of the market (whitepaper 3.3, 3.6): which providers are qualified, who
/// governs, the hash of the parameters in force, and every failure and slashing. Written only by
/// its owner, the chain bridge's key, which mirrors what governance decided in the journal.
contract Registry is Ownable {
    enum FailureKind { SERVICE_FAILURE, SLASHING }

    mapping(address provider => bool) public qualified;
    mapping(address governor => bool) public isGovernor;
    bytes32 public parametersHash;
    uint256 public failureCount;

    event QualificationChanged(address indexed provider, bool qualified);
    event GovernorChanged(address indexed governor, bool seated);
    event ParametersHashSet(bytes32 parametersHash);
    event FailureRecorded(
        address indexed provider, FailureKind kind, string projectId, uint256 amount, bytes32 evidenceHash);

    constructor(address owner_) Ownable(owner_) {}

    function setQualified(address provider, bool isQualified) external onlyOwner {
        qualified[provider] = isQualified;
        emit QualificationChanged(provider, isQualified);
    }

    function setGovernor(address governor, bool seated) external onlyOwner {
        isGovernor[governor] = seated;
        emit GovernorChanged(governor, seated);
    }

    function setParametersHash(bytes32 hash) external onlyOwner {
        parametersHash = hash;
        emit ParametersHashSet(hash);
    }

    function recordFailure(
        address provider, FailureKind kind, string calldata projectId, uint256 amount, bytes32 evidenceHash)
        external
        onlyOwner
    {
        failureCount += 1;
        emit FailureRecorded(provider, kind, projectId, amount, evidenceHash);
    }
}
