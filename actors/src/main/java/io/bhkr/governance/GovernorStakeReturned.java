package io.bhkr.governance;

import io.bhkr.transfer.Transfer;
import io.bhkr.transfer.ValueChange;
import io.bhkr.transfer.ValueEvent;
import java.util.List;

/**
 * A governor stake arrived that the candidacy rule (economics 10, {@link GovernanceDecisions#candidacy})
 * refuses, for example a candidate who would hold less than governorMinStake: governance received
 * it and sent it straight back as {@code back}, because of {@code reason}. It counts for nobody.
 */
public record GovernorStakeReturned(Transfer stake, Transfer back, String reason) implements GovernanceEvents, ValueEvent {

  @Override
  public List<ValueChange> changes() {
    return List.of(new ValueChange(ValueChange.Kind.RECEIVED, stake.id(), stake.amount()),
        new ValueChange(ValueChange.Kind.SENT, back.id(), back.amount()));
  }
}
