package io.bhkr.persistence.governance;

import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.Behaviors;
import java.time.Clock;
import java.time.Duration;

/**
 * Tells governance the time every {@code checkEvery}, so proposals past their deadline expire
 * (and count as missed votes) and elections are held when due, with nobody calling. Run as a
 * cluster singleton. Governance decides what is due from its journal, so a late or repeated
 * tick changes nothing twice.
 */
public final class ElectionClock {

  public sealed interface Message {}

  private record Check() implements Message {}

  private record Done(String outcome) implements Message {}

  private ElectionClock() {}

  public static Behavior<Message> create(Elections elections, Clock clock, Duration checkEvery) {
    return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> {
      timers.startTimerWithFixedDelay(new Check(), checkEvery);
      return Behaviors.receive(Message.class)
          .onMessage(Check.class, c -> {
            ctx.pipeToSelf(elections.tick(clock.instant().getEpochSecond(), false), (t, failure) -> new Done(
                failure != null ? "not checked: " + failure
                    : t.election() == null && t.expired().isEmpty() ? ""
                    : "expired " + t.expired() + (t.election() == null ? "" : ", elected " + t.election().elected())));
            return Behaviors.same();
          })
          .onMessage(Done.class, d -> {
            if (!d.outcome().isEmpty()) ctx.getLog().info("Governance: {}", d.outcome());
            return Behaviors.same();
          })
          .build();
    }));
  }
}
