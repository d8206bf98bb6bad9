package io.bhkr.transfer;

import akka.actor.typed.ActorSystem;
import akka.actor.typed.BackoffSupervisorStrategy;
import akka.actor.typed.SupervisorStrategy;
import com.typesafe.config.Config;

/**
 * What an entity does when the journal refuses or loses a write: it stops (its in-memory state may
 * be ahead of the journal) and sharding starts it again after a backoff that grows from {@code min}
 * to {@code max}, so a database outage does not turn into a storm of recoveries. The times are
 * {@code bhkr.entities.persist-failure-backoff} in HOCON.
 */
public final class JournalFailureBackoff {

  private JournalFailureBackoff() {}

  public static BackoffSupervisorStrategy of(ActorSystem<?> system) {
    return of(system.settings().config());
  }

  public static BackoffSupervisorStrategy of(Config config) {
    Config c = config.getConfig("bhkr.entities.persist-failure-backoff");
    return SupervisorStrategy.restartWithBackoff(c.getDuration("min"), c.getDuration("max"), c.getDouble("random-factor"));
  }
}
