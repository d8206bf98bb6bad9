package io.bhkr.persistence.rewards;

import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import io.bhkr.governance.GovernanceEntity;
import io.bhkr.market.Market;
import io.bhkr.pool.PoolView;
import io.bhkr.pool.RewardPoolEntity;
import java.time.Duration;
import java.util.concurrent.CompletionStage;

/**
 * Runs a Reward Pool distribution for the window from the last epoch's end to {@code now}: takes
 * the census, then asks the pool to split (economics 5). Used by the operator endpoint and by
 * {@link RewardEpochClock}, which calls it every {@code epochSeconds}.
 */
public final class RewardEpochs {

  private final Market market;
  private final StakeTimeCensus census;
  private final String developmentFund;
  private final Duration askTimeout;

  public RewardEpochs(ActorSystem<?> system, Market market, String developmentFund, Duration askTimeout) {
    this.market = market;
    this.census = new StakeTimeCensus(system, market, askTimeout);
    this.developmentFund = developmentFund;
    this.askTimeout = askTimeout;
  }

  public CompletionStage<PoolView> pool() {
    return market.rewardPool().ask(RewardPoolEntity.Get::new, askTimeout);
  }

  public CompletionStage<RewardPoolEntity.Distribution> distribute(long now) {
    return market.governance().<GovernanceEntity.GovernanceView>ask(GovernanceEntity.Get::new, askTimeout)
        .thenCompose(gov -> pool().thenCompose(pool -> census.take(pool.lastEpochEnd(), now)
            .thenCompose(stakeTimes -> market.rewardPool().<RewardPoolEntity.Distribution>ask(
                (ActorRef<RewardPoolEntity.Distribution> r) -> new RewardPoolEntity.Distribute(
                    now, gov.parameters().rewardSplit(), stakeTimes, developmentFund, r), askTimeout))));
  }

  /** When the next epoch is due: one epoch after the last, or after {@code startedAt} before any. */
  public CompletionStage<Long> nextDue(long startedAt) {
    return market.governance().<GovernanceEntity.GovernanceView>ask(GovernanceEntity.Get::new, askTimeout)
        .thenCompose(gov -> pool().thenApply(pool ->
            (pool.lastEpochEnd() == 0 ? startedAt : pool.lastEpochEnd()) + gov.parameters().epochSeconds()));
  }
}
