package io.bhkr.cli;

import akka.Done;
import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.javadsl.AskPattern;
import akka.cluster.sharding.typed.ShardedDaemonProcessSettings;
import akka.cluster.sharding.typed.javadsl.ShardedDaemonProcess;
import akka.projection.ProjectionBehavior;
import akka.projection.ProjectionId;
import akka.projection.eventsourced.EventEnvelope;
import akka.projection.eventsourced.javadsl.EventSourcedProvider;
import akka.projection.javadsl.Handler;
import akka.projection.jdbc.javadsl.JdbcProjection;
import io.bhkr.account.AccountEntity;
import io.bhkr.chain.ChainBridge;
import io.bhkr.chain.ChainTransaction;
import io.bhkr.chain.ContractAddresses;
import io.bhkr.chain.FailureRecords;
import io.bhkr.chain.PayoutEpochs;
import io.bhkr.market.Market;
import io.bhkr.micropool.MicroPoolEntity;
import io.bhkr.micropool.MicroPoolEvents;
import io.bhkr.persistence.ReadJournals;
import io.bhkr.persistence.ledger.LedgerDatabase;
import io.bhkr.persistence.ledger.LedgerSession;
import io.bhkr.pool.CompensationPaid;
import io.bhkr.pool.InsurancePoolEntity;
import io.bhkr.project.ProjectEntity;
import io.bhkr.project.ProjectFailed;
import io.bhkr.project.ProjectView;
import io.bhkr.serialization.DomainEvent;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Chain mode: what the journal tells the chain bridge. Every project failure and every slashing
 * claim goes to the bridge's outbox as a {@code Registry.recordFailure} call ({@link FailureRecords});
 * every vault withdrawal an account authorized is watched by the bridge until paid or expired;
 * every payout to chain an account reserved is recorded in its payout epoch ({@link PayoutEpochs});
 * every micro-pool opened with its principal on chain has its contract followed (and opened for
 * stakes) by the bridge. At-least-once projections of the "project", "pool", "account" and "micropool" tags, whose offsets live in the
 * read side's database (the journal's own; PostgreSQL on the cassandra profile): after a restart they go on from their offset, and what they read twice the
 * bridge ignores (a transaction's id is derived from the fact; a withdrawal is keyed by account
 * and nonce). An offset moves only once the bridge has persisted what it was told, so nothing is
 * lost. One instance per tag in the cluster.
 */
final class ChainFeed {

  private static final List<String> TAGS = List.of(ProjectEntity.TAG, InsurancePoolEntity.TAG, AccountEntity.TAG, MicroPoolEntity.TAG);
  private static final Duration ASK = Duration.ofSeconds(10);

  private ChainFeed() {}

  static void init(ActorSystem<?> system, Market market, ActorRef<ChainBridge.Command> bridge, ActorRef<PayoutEpochs.Command> payouts,
      ContractAddresses contracts) {
    ShardedDaemonProcess.get(system).init(ProjectionBehavior.Command.class, "chain-feed", TAGS.size(),
        i -> ProjectionBehavior.create(JdbcProjection.atLeastOnceAsync(
            ProjectionId.of("chain-feed", TAGS.get(i)),
            EventSourcedProvider.<DomainEvent>eventsByTag(system, ReadJournals.id(system), TAGS.get(i)),
            () -> new LedgerSession(LedgerDatabase.get(system)),
            () -> new Publish(system, market, bridge, payouts, contracts), system)),
        ShardedDaemonProcessSettings.create(system), Optional.of(ProjectionBehavior.stopMessage()));
  }

  private static final class Publish extends Handler<EventEnvelope<DomainEvent>> {
    private final ActorSystem<?> system;
    private final Market market;
    private final ActorRef<ChainBridge.Command> bridge;
    private final ActorRef<PayoutEpochs.Command> payouts;
    private final ContractAddresses contracts;

    Publish(ActorSystem<?> system, Market market, ActorRef<ChainBridge.Command> bridge, ActorRef<PayoutEpochs.Command> payouts,
        ContractAddresses contracts) {
      this.system = system;
      this.market = market;
      this.bridge = bridge;
      this.payouts = payouts;
      this.contracts = contracts;
    }

    @Override
    public CompletionStage<Done> process(EventEnvelope<DomainEvent> envelope) {
      String pid = envelope.persistenceId();
      long seq = envelope.sequenceNr();
      if (envelope.event() instanceof ProjectFailed failed) {
        String projectId = pid.substring(pid.indexOf('|') + 1);
        // the failed project's provider is its winner, which a failed project keeps for good
        return market.project(projectId).<ProjectView>ask(ProjectEntity.Get::new, ASK)
            .thenCompose(view -> submit(FailureRecords.projectFailed(contracts, pid, seq, projectId, view.winner(), failed)));
      }
      if (envelope.event() instanceof AccountEntity.WithdrawalAuthorized authorized) {
        String account = pid.substring(pid.indexOf('|') + 1);
        var w = authorized.withdrawal();
        return AskPattern.ask(bridge, (ActorRef<Done> r) -> new ChainBridge.Watch(account, w.nonce(), w.deadline(), r), ASK,
            system.scheduler());
      }
      if (envelope.event() instanceof AccountEntity.PayoutReserved reserved) {
        String account = pid.substring(pid.indexOf('|') + 1);
        var p = reserved.payout();
        long at = envelope.timestamp() / 1000; // when the account journaled it
        return AskPattern.ask(payouts, (ActorRef<Done> r) -> new PayoutEpochs.Record(account, p.number(), p.epoch(), p.amount(), at, r),
            ASK, system.scheduler());
      }
      if (envelope.event() instanceof MicroPoolEvents.MicroPoolOpened opened && opened.opening().terms().onChain()) {
        String poolId = pid.substring(pid.indexOf('|') + 1);
        String contract = opened.opening().terms().chainPool();
        return AskPattern.ask(bridge, (ActorRef<Done> r) -> new ChainBridge.Follow(contract, poolId, r), ASK, system.scheduler());
      }
      if (envelope.event() instanceof CompensationPaid paid)
        return FailureRecords.slashing(contracts, pid, seq, paid).map(this::submit).orElse(CompletableFuture.completedFuture(Done.getInstance()));
      return CompletableFuture.completedFuture(Done.getInstance());
    }

    private CompletionStage<Done> submit(ChainTransaction tx) {
      return AskPattern.ask(bridge, (ActorRef<Done> r) -> new ChainBridge.Submit(tx, r), ASK, system.scheduler());
    }
  }
}
