package io.bhkr.governance;

import io.bhkr.serialization.DomainEvent;
import io.bhkr.transfer.DispatchSent;
import io.bhkr.transfer.Transfer;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * What a tick of the election clock at {@code at} decides, in one write: every open proposal past
 * its deadline expires (counting attendance, one after the other), then the election is held if
 * it is due or asked for and anyone stands.
 */
record TimePassing(List<DomainEvent> events, List<Transfer> transfers, List<String> expired, ElectionHeld election, Council after) {

  static TimePassing at(long at, Map<String, Proposal> proposals, Council council, ElectionParameters ep,
      Map<String, BigInteger> stakedNow, boolean electNow) {
    List<DomainEvent> events = new ArrayList<>();
    List<Transfer> transfers = new ArrayList<>();
    List<String> expired = new ArrayList<>();
    for (Proposal p : proposals.values().stream().sorted(Comparator.comparing(Proposal::deadline).thenComparing(Proposal::proposalId))
        .toList()) {
      if (p.status() != Proposal.Status.OPEN || at <= p.deadline()) continue;
      Closing closing = Closing.of(council, p, Proposal.Status.EXPIRED, at, ep);
      events.addAll(closing.events());
      transfers.addAll(closing.transfers());
      expired.add(p.proposalId());
      council = council.attended((AttendanceRecorded) closing.events().get(1));
    }
    ElectionHeld election = null;
    if (electNow || council.electionDue(at, ep)) {
      ElectionHeld held = council.election(at, stakedNow, ep);
      if (!held.candidates().isEmpty()) {
        election = held;
        events.add(held);
        council = council.elected(held);
        for (Transfer t : Council.returns(held)) {
          events.add(new DispatchSent(t));
          transfers.add(t);
        }
      }
    }
    return new TimePassing(events, transfers, expired, election, council);
  }
}
