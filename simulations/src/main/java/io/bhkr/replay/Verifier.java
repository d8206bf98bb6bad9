package io.bhkr.replay;

import io.bhkr.audit.AuditPeriodClosed;
import io.bhkr.audit.AuditPeriodOpened;
import io.bhkr.audit.AuditRoundState;
import io.bhkr.chain.PayoutBook;
import io.bhkr.chain.PayoutEpochs;
import io.bhkr.chain.SettlementEpoch;
import io.bhkr.governance.InsuranceExcessDecided;
import io.bhkr.governance.Parameters;
import io.bhkr.micropool.MicroPoolDecisions;
import io.bhkr.micropool.MicroPoolEvents;
import io.bhkr.micropool.MicroPoolSlashingClaim;
import io.bhkr.micropool.MicroPoolState;
import io.bhkr.persistence.ledger.LedgerEntry;
import io.bhkr.persistence.ledger.RunningLedger;
import io.bhkr.pool.CompensationPaid;
import io.bhkr.pool.PoolDecisions;
import io.bhkr.pool.PoolState;
import io.bhkr.pool.PoolView;
import io.bhkr.pool.RewardPoolEntity;
import io.bhkr.pool.RewardsDistributed;
import io.bhkr.project.AuctionClosed;
import io.bhkr.project.BidPlaced;
import io.bhkr.project.ProjectFailed;
import io.bhkr.project.ProjectDecisions;
import io.bhkr.project.ProjectState;
import io.bhkr.provider.ProviderDecisions;
import io.bhkr.provider.ProviderState;
import io.bhkr.provider.ScoreRecorded;
import io.bhkr.rules.Auction;
import io.bhkr.rules.AuditAssignment;
import io.bhkr.rules.Keccak256;
import io.bhkr.rules.PayoutEpochRule;
import io.bhkr.serialization.DomainEvent;
import io.bhkr.transfer.Dispatch;
import io.bhkr.transfer.DispatchReceived;
import io.bhkr.transfer.Party;
import io.bhkr.transfer.ValueEvent;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Re-derives every decision in a journal with the production rules, reading it once in global
 * order. Each entity's state is folded with its own event handler ({@link MarketFold}); where an
 * event starts a decision (a dispatch arriving, an auction closing, an epoch distributed, …) the
 * decision function the entity calls is called again on the state before it, and every event it
 * returns must be the next event that entity recorded, field for field. Value events are folded
 * into the conservation audit's ledger as well.
 */
public final class Verifier {

  private record Run(String decision, Deque<DomainEvent> expected) {}

  private final MarketFold market = new MarketFold();
  private final RunningLedger ledger = new RunningLedger();
  private final Verification result = new Verification();
  private final Map<String, Run> runs = new HashMap<>();
  /** projectId → providerId → the row of its (latest) bid, to name a bid an auction disagrees with. */
  private final Map<String, Map<String, Replayed>> bids = new HashMap<>();
  private final AnchoredRoots chain;
  private long events;

  public Verifier() {
    this(AnchoredRoots.none());
  }

  /** @param chain where payout epochs' anchored roots are read ({@code --chain-rpc}), or none */
  public Verifier(AnchoredRoots chain) {
    this.chain = chain;
  }

  public void accept(Replayed r) {
    events++;
    if (r.event() instanceof DomainEvent e) {
      String pid = r.persistenceId();
      Run run = runs.get(pid);
      if (run != null) {
        DomainEvent expected = run.expected().poll();
        if (!e.equals(expected)) result.mismatch(r, run.decision(), e, expected);
        if (run.expected().isEmpty()) runs.remove(pid);
      } else {
        derive(r, e);
      }
      if (e instanceof ValueEvent v && !v.changes().isEmpty()) ledger.add(new LedgerEntry(r.row().ordering(), pid, v.changes()));
    }
    market.apply(r);
  }

  /** The report, once every event was accepted. */
  public Verification finish() {
    // a decision whose events the journal does not hold to the end
    runs.forEach((pid, run) -> result.mismatch(pid + " (at the end of the journal)", run.decision(), "no further event", run.expected().peek()));
    result.finish(events, ledger.report(20));
    return result;
  }

  public MarketFold market() {
    return market;
  }

  private void derive(Replayed r, DomainEvent e) {
    String type = r.row().entityType();
    String id = r.row().entityId();
    switch (type) {
      case "Project" -> project(r, e, id, market.state(r.persistenceId()));
      case "Provider" -> provider(r, e, id, market.state(r.persistenceId()));
      case "MicroPool" -> microPool(r, e, id, market.state(r.persistenceId()));
      case "Pool" -> pool(r, e, id, market.state(r.persistenceId()));
      case "AuditRound" -> audit(r, e, market.state(r.persistenceId()));
      case "PayoutEpochs" -> payouts(r, e, id, market.state(r.persistenceId()));
      default -> { } // accounts, nodes, governance and the chain record facts other entities decided, or votes
    }
  }

  private void project(Replayed r, DomainEvent e, String id, ProjectState s) {
    if (e instanceof DispatchReceived d) start(r, e, "project funding or refund", ProjectDecisions.onArrival(id, s, d.dispatch()));
    else if (e instanceof AuctionClosed closed) {
      if (!start(r, e, "auction", ProjectDecisions.close(id, s))) blameBids(id, closed);
    } else if (e instanceof ProjectFailed f)
      start(r, e, "service failure", ProjectDecisions.fail(id, s, f.failedAt(), f.reason(), f.bhkrPriceMicroUsd(), f.ethPriceMicroUsd()));
    else if (e instanceof BidPlaced b) {
      result.checked("bid admissibility");
      bids.computeIfAbsent(id, k -> new HashMap<>()).put(b.providerId(), r);
      Optional<Auction.Refusal> refusal = ProjectDecisions.refusal(s, b.providerId(), b.price(), b.standing());
      refusal.ifPresent(why -> result.mismatch(r, "bid admissibility", "admitted", "refused: " + why));
    }
  }

  /** An auction that closed otherwise than its bids give: name each bid whose price the close does not show. */
  private void blameBids(String projectId, AuctionClosed closed) {
    Map<String, BigInteger> closedWith = new TreeMap<>();
    for (Auction.Candidate c : closed.admissible()) closedWith.put(c.providerId(), c.price().amount());
    bids.getOrDefault(projectId, Map.of()).forEach((provider, row) -> {
      BigInteger bid = ((BidPlaced) row.event()).price().amount();
      BigInteger atClose = closedWith.get(provider);
      if (atClose != null && !atClose.equals(bid))
        result.mismatch(row, "auction", "BidPlaced price " + bid, "the auction closed on a bid of " + atClose + " by " + provider);
    });
  }

  private void provider(Replayed r, DomainEvent e, String id, ProviderState s) {
    if (e instanceof DispatchReceived d) start(r, e, "provider notice", ProviderDecisions.onArrival(id, s, d.dispatch()));
    else if (e instanceof ScoreRecorded score) {
      result.checked("reputation score");
      var derived = ProviderDecisions.scoreAt(s, score.at());
      if (!derived.equals(score.score())) result.mismatch(r, "reputation score", score.score(), derived);
    }
  }

  private void microPool(Replayed r, DomainEvent e, String id, MicroPoolState s) {
    Party self = Party.microPool(id);
    if (e instanceof MicroPoolEvents.Slashed x) start(r, e, "micro-pool slashing", MicroPoolDecisions.slash(s, self, x.loss(), x.at()));
    else if (e instanceof MicroPoolEvents.Closed x) start(r, e, "micro-pool closure", MicroPoolDecisions.close(s, self, x.at()));
    else arrival(e).ifPresent(d -> start(r, e, "micro-pool stake or return", MicroPoolDecisions.onReceive(s, self, d)));
  }

  /** The dispatch whose arrival a micro-pool event records first, when it names one. */
  private static Optional<Dispatch> arrival(DomainEvent e) {
    if (e instanceof DispatchReceived x) return Optional.of(x.dispatch());
    if (e instanceof MicroPoolEvents.MicroPoolOpened x) return Optional.of(x.opening());
    if (e instanceof MicroPoolEvents.Staked x) return Optional.of(x.stake());
    if (e instanceof MicroPoolEvents.FeeReceived x) return Optional.of(x.fee());
    if (e instanceof MicroPoolEvents.AethReturned x) return Optional.of(x.aeth());
    if (e instanceof MicroPoolEvents.Completed x) return Optional.of(x.rewards());
    if (e instanceof MicroPoolEvents.MigratedIn x) return Optional.of(x.migration());
    if (e instanceof MicroPoolEvents.SlashingRefunded x) return Optional.of(x.refund());
    return Optional.empty();
  }

  private void pool(Replayed r, DomainEvent e, String id, PoolState s) {
    if (id.equals(PoolView.REWARD)) {
      if (e instanceof RewardsDistributed x)
        start(r, e, "reward distribution", RewardPoolEntity.distribution(s, x.windowEnd(), x.split(), x.stakeTimes(), x.developmentFund()));
      return;
    }
    if (e instanceof DispatchReceived d) {
      Dispatch in = d.dispatch();
      if (in instanceof InsuranceExcessDecided decided) start(r, e, "insurance excess", PoolDecisions.moveExcess(s, decided));
      else if (in instanceof MicroPoolSlashingClaim claim) start(r, e, "compensation", PoolDecisions.onMicroPoolClaim(s, claim));
      else if (in.value().isPresent()) start(r, e, "insurance inflow", PoolDecisions.onInflow(s, in));
    } else if (e instanceof CompensationPaid c && c.trigger() == null) {
      SortedMap<String, BigInteger> losses = new TreeMap<>(c.paid());
      c.stillOwed().forEach((victim, owed) -> losses.merge(victim, owed, BigInteger::add));
      start(r, e, "compensation", PoolDecisions.compensate(s, c.claimId(), c.slashed(), c.asset(), losses, c.at()));
    }
  }

  private void audit(Replayed r, DomainEvent e, AuditRoundState s) {
    if (e instanceof AuditPeriodOpened o) {
      result.checked("audit assignment");
      byte[] seed = AuditAssignment.seed(o.period(), Keccak256.fromHex(o.beacon()));
      if (!Keccak256.hex(seed).equals(o.seed())) result.mismatch(r, "audit assignment", "seed " + o.seed(), "seed " + Keccak256.hex(seed));
      var assignment = AuditAssignment.assign(seed, o.nodes(), o.k());
      if (!assignment.equals(o.assignment())) result.mismatch(r, "audit assignment", o.assignment(), assignment);
    } else if (e instanceof AuditPeriodClosed c) {
      result.checked("period uptimes");
      Parameters p = market.parameters();
      var uptimes = s.uptimes(p.audits().disputeToleranceBps());
      if (!uptimes.equals(c.uptimes())) result.mismatch(r, "period uptimes", c.uptimes(), uptimes);
    }
  }

  /** A payout epoch's leaves (one per account, summed), root and total; with a chain, the root the anchor holds. */
  private void payouts(Replayed r, DomainEvent e, String id, PayoutEpochs.State s) {
    if (!(e instanceof PayoutEpochs.EpochClosed closed)) return;
    PayoutBook.Closed recorded = closed.epoch();
    String token = PayoutEpochRule.assetOf(recorded.epoch()) == io.bhkr.money.Asset.ETH || recorded.leaves().isEmpty()
        ? SettlementEpoch.ETH : recorded.leaves().get(0).asset();
    start(r, e, "payout epoch", List.of(new PayoutEpochs.EpochClosed(s.book().close(recorded.epoch(), token))));
    String anchor = id.substring(id.indexOf('-') + 1); // PayoutEpochs|<chainId>-<anchor>
    chain.rootOf(anchor, recorded.epoch()).ifPresent(root -> {
      result.checked("payout root on chain");
      if (!root.equalsIgnoreCase(recorded.root())) result.mismatch(r, "payout root on chain", "root " + recorded.root(), "anchored " + root);
    });
  }

  /**
   * Checks the first event of a decision now and queues the rest for the entity's next events.
   * Counts the decision by what it decided. True when the first event agrees.
   */
  private boolean start(Replayed r, DomainEvent recorded, String decision, List<DomainEvent> derived) {
    String kind = kind(decision, derived);
    result.checked(kind);
    boolean agrees = !derived.isEmpty() && derived.get(0).equals(recorded);
    if (!agrees) result.mismatch(r, kind, recorded, derived.isEmpty() ? "no event" : derived.get(0));
    if (derived.size() > 1) runs.put(r.persistenceId(), new Run(kind, new ArrayDeque<>(derived.subList(1, derived.size()))));
    return agrees;
  }

  /** A decision is named by the weightiest fact it records. */
  private static String kind(String decision, List<DomainEvent> derived) {
    for (DomainEvent e : derived) {
      if (e instanceof AuctionClosed) return "auction";
      if (e instanceof io.bhkr.project.ProjectSettled) return "settlement";
      if (e instanceof ProjectFailed) return "service failure";
      if (e instanceof MicroPoolEvents.Completed) return "micro-pool reward split";
      if (e instanceof MicroPoolEvents.Slashed) return "micro-pool slashing";
      if (e instanceof MicroPoolEvents.FeeCharged) return "micro-pool fee";
      if (e instanceof CompensationPaid) return "compensation";
      if (e instanceof ScoreRecorded) return "reputation score";
      if (e instanceof RewardsDistributed) return "reward distribution";
      if (e instanceof PayoutEpochs.EpochClosed) return "payout epoch";
    }
    return decision;
  }
}
