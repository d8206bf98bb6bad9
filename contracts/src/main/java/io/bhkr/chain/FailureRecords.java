package io.bhkr.chain;

import io.bhkr.pool.CompensationPaid;
import io.bhkr.project.ProjectFailed;
import java.math.BigInteger;
import java.util.Optional;

/**
 * The public record of failures (whitepaper 3.6): each journaled project failure and slashing
 * claim becomes one {@code Registry.recordFailure} call. The transaction id is derived from the
 * journal fact (a project fails once, a claim id is paid once), so however often the journal is
 * read the bridge sends each once. Pure.
 *
 * <p>The evidence hash is keccak256 of the canonical JSON ({@link CanonicalJson}) of
 * {@code {persistenceId, sequenceNr, type, event}}: the journal entry itself, which anyone with
 * the journal can hash again and compare.
 */
public final class FailureRecords {

  static final String NO_PROVIDER = "0x0000000000000000000000000000000000000000";

  /** What the hash covers: where in the journal the fact is, and the fact as journaled. */
  record Evidence(String persistenceId, long sequenceNr, String type, Object event) {}

  private FailureRecords() {}

  /** A project's failure: its provider owes {@code compensation} BHKR, in base units. */
  public static ChainTransaction projectFailed(ContractAddresses c, String persistenceId, long sequenceNr, String projectId,
      String provider, ProjectFailed failed) {
    return ChainCalls.recordFailure("failure:project:" + projectId, c, orNone(provider), ChainCalls.FailureKind.SERVICE_FAILURE, projectId,
        failed.compensation().amount(), evidenceHash(persistenceId, sequenceNr, failed));
  }

  /**
   * A slashing claim, when first paid (not its later shortfall payments): recorded under the claim
   * id with the victims' whole loss in base units of the claim's asset, against the slashed
   * provider or the zero address when the claim did not name one.
   */
  public static Optional<ChainTransaction> slashing(ContractAddresses c, String persistenceId, long sequenceNr, CompensationPaid paid) {
    if (paid.trigger() != null) return Optional.empty();
    BigInteger losses = paid.paid().values().stream().reduce(BigInteger.ZERO, BigInteger::add)
        .add(paid.stillOwed().values().stream().reduce(BigInteger.ZERO, BigInteger::add));
    return Optional.of(ChainCalls.recordFailure("failure:slashing:" + paid.claimId(), c,
        orNone(paid.slashed()), ChainCalls.FailureKind.SLASHING, paid.claimId(), losses,
        evidenceHash(persistenceId, sequenceNr, paid)));
  }

  /** A provider that is no Ethereum address (or none) is published as the zero address. */
  private static String orNone(String provider) {
    return provider != null && provider.matches("0x[0-9a-fA-F]{40}") ? provider : NO_PROVIDER;
  }

  public static byte[] evidenceHash(String persistenceId, long sequenceNr, Object event) {
    return CanonicalJson.keccak(new Evidence(persistenceId, sequenceNr, event.getClass().getSimpleName(), event));
  }
}
