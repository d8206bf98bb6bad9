package io.bhkr.governance;

import java.math.BigInteger;

/**
 * A sidecar staker pledged {@code amount} BHKR of votes to {@code candidate}, replacing its earlier
 * pledge to that candidate (0 withdraws it). {@code stakedOnSidecars} is what it had staked then:
 * all its pledges together were at most that.
 */
public record ElectionVotesGiven(String staker, String candidate, BigInteger amount, BigInteger stakedOnSidecars, long at)
    implements GovernanceEvents {}
