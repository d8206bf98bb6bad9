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
    Status status,
    ExcessMove excess,
    ParameterSetting setting,
    Migration migration,
    java.math.BigInteger kWei)
    implements JsonSerializable {

  public enum Kind { QUALIFY_PROVIDER, MOVE_INSURANCE_EXCESS, SET_PARAMETER, MIGRATE_MICROPOOL, DISQUALIFY_PROVIDER, SET_PROVIDER_K }

  /** The provider kinds: QUALIFY_PROVIDER, DISQUALIFY_PROVIDER and SET_PROVIDER_K name a providerId. */
  public static boolean aboutProvider(Kind kind) {
    return kind == Kind.QUALIFY_PROVIDER || kind == Kind.DISQUALIFY_PROVIDER || kind == Kind.SET_PROVIDER_K;
  }

  /** A proposal without a provider's k (every kind but SET_PROVIDER_K). */
  public Proposal(String proposalId, Kind kind, String providerId, String proposer, long createdAt, long deadline,
      Set<String> yes, Set<String> no, Status status, ExcessMove excess, ParameterSetting setting, Migration migration) {
    this(proposalId, kind, providerId, proposer, createdAt, deadline, yes, no, status, excess, setting, migration, null);
  }

  /** What a MIGRATE_MICROPOOL proposal would do: move every staker of {@code poolId} to {@code toPoolId}. */
  public record Migration(String poolId, String toPoolId) implements JsonSerializable {}

  /** A proposal without a migration. */
  public Proposal(String proposalId, Kind kind, String providerId, String proposer, long createdAt, long deadline,
      Set<String> yes, Set<String> no, Status status, ExcessMove excess, ParameterSetting setting) {
    this(proposalId, kind, providerId, proposer, createdAt, deadline, yes, no, status, excess, setting, null);
  }

  /** What a SET_PARAMETER proposal would set: a parameter's name and its new value as JSON text. */
  public record ParameterSetting(String name, String value) implements JsonSerializable {}

  /** A proposal without a parameter setting. */
  public Proposal(String proposalId, Kind kind, String providerId, String proposer, long createdAt, long deadline,
      Set<String> yes, Set<String> no, Status status, ExcessMove excess) {
    this(proposalId, kind, providerId, proposer, createdAt, deadline, yes, no, status, excess, null, null);
  }

  /** What a MOVE_INSURANCE_EXCESS proposal would do with the Insurance Pool's excess above the cap. */
  public record ExcessMove(String action, io.bhkr.money.Amount amount) implements JsonSerializable {
    public ExcessMove {
      if (!"TO_REWARD".equals(action) && !"BURN".equals(action)) throw new IllegalArgumentException("action must be TO_REWARD or BURN");
    }
  }

  /** A proposal about a provider. */
  public Proposal(String proposalId, Kind kind, String providerId, String proposer, long createdAt, long deadline,
      Set<String> yes, Set<String> no, Status status) {
    this(proposalId, kind, providerId, proposer, createdAt, deadline, yes, no, status, null);
  }

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
    return new Proposal(proposalId, kind, providerId, proposer, createdAt, deadline, y, n, status, excess, setting, migration, kWei);
  }

  Proposal withStatus(Status s) {
    return new Proposal(proposalId, kind, providerId, proposer, createdAt, deadline, yes, no, s, excess, setting, migration, kWei);
  }

  /** The status a reader at {@code now} should see: an open proposal past its deadline has expired. */
  public Status statusAt(long now) {
    return status == Status.OPEN && now > deadline ? Status.EXPIRED : status;
  }
}
