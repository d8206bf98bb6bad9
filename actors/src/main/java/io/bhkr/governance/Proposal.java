package io.bhkr.governance;

import io.bhkr.serialization.JsonSerializable;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/** A proposal and its votes. One governor, one vote; it passes at n + 1 yes votes before its deadline. */
public record Proposal(
    String proposalId,
    Kind kind,
    String providerId,
    String proposer,
    long createdAt,
    long deadline,
    Set<String> yes,
    Set<String> no,
    Status status)
    implements JsonSerializable {

  public enum Kind { QUALIFY_PROVIDER }

  public enum Status { OPEN, PASSED, REJECTED, EXPIRED }

  public Proposal {
    yes = Collections.unmodifiableSet(new TreeSet<>(yes));
    no = Collections.unmodifiableSet(new TreeSet<>(no));
  }

  public boolean hasVoted(String governor) {
    return yes.contains(governor) || no.contains(governor);
  }

  Proposal withVote(String governor, boolean inFavour) {
    TreeSet<String> y = new TreeSet<>(yes);
    TreeSet<String> n = new TreeSet<>(no);
    (inFavour ? y : n).add(governor);
    return new Proposal(proposalId, kind, providerId, proposer, createdAt, deadline, y, n, status);
  }

  Proposal withStatus(Status s) {
    return new Proposal(proposalId, kind, providerId, proposer, createdAt, deadline, yes, no, s);
  }

  /** The status a reader at {@code now} should see: an open proposal past its deadline has expired. */
  public Status statusAt(long now) {
    return status == Status.OPEN && now > deadline ? Status.EXPIRED : status;
  }
}
