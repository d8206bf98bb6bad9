package io.bhkr.persistence.rewards;

import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.Behaviors;
import io.bhkr.pool.RewardPoolEntity;
import java.time.Clock;
import java.time.Duration;

/**
 * Distributes the Reward Pool by itself every epoch (economics 5). Run as a cluster singleton, so
 * one node does it. It only reads the clock to know when; the window and the split are facts of
 * the pool's journal, so a restart or a slow tick never distributes an epoch twice.
 */
public final class RewardEpochClock {

  public sealed interface Message {}

  private record Check() implements Message {}

  private record Due(long at) implements Message {}

  private record Done(String outcome) implements Message {}

  private RewardEpochClock() {}

  public static Behavior<Message> create(RewardEpochs epochs, Clock clock, Duration checkEvery) {
    return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> {
      long startedAt = clock.instant().getEpochSecond();
      timers.startTimerWithFixedDelay(new Check(), checkEvery);
      return Behaviors.receive(Message.class)
          .onMessage(Check.class, c -> {
            ctx.pipeToSelf(epochs.nextDue(startedAt), (due, failure) -> failure != null ? new Done("not checked: " + failure) : new Due(due));
            return Behaviors.same();
          })
          .onMessage(Due.class, d -> {
            long now = clock.instant().getEpochSecond();
            if (now >= d.at()) ctx.pipeToSelf(epochs.distribute(now), (result, failure) -> new Done(
                failure != null ? "failed: " + failure
                    : result instanceof RewardPoolEntity.Distributed done ? "epoch " + done.event().epoch() + " distributed, "
                        + done.event().legs().size() + " legs" : result.toString()));
            return Behaviors.same();
          })
          .onMessage(Done.class, d -> {
            ctx.getLog().info("Reward Pool {}", d.outcome());
            return Behaviors.same();
          })
          .build();
    }));
  }
}
