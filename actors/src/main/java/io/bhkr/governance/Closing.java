package io.bhkr.governance;

import io.bhkr.serialization.DomainEvent;
import io.bhkr.transfer.DispatchSent;
import io.bhkr.transfer.Transfer;
import java.util.ArrayList;
import java.util.List;

/** What closing a proposal persists besides its outcome: the attendance it counts and the slashes and returns that follow. */
record Closing(List<DomainEvent> events, List<Transfer> transfers) {

  /** The proposal is decided {@code outcome} at {@code at}, then attendance is counted. */
  static Closing of(Council council, Proposal p, Proposal.Status outcome, long at, ElectionParameters ep) {
    Closing attendance = attendance(council, p, at, ep);
    List<DomainEvent> events = new ArrayList<>();
    events.add(new GovernanceEntity.ProposalDecided(p.proposalId(), outcome, at));
    events.addAll(attendance.events());
    return new Closing(events, attendance.transfers());
  }

  /** Attendance alone, for a proposal whose outcome the caller persists. */
  static Closing attendance(Council council, Proposal p, long at, ElectionParameters ep) {
    AttendanceRecorded recorded = council.attendance(p, at, ep);
    List<Transfer> transfers = Council.transfers(recorded);
    List<DomainEvent> events = new ArrayList<>();
    events.add(recorded);
    transfers.forEach(t -> events.add(new DispatchSent(t)));
    return new Closing(events, transfers);
  }
}
