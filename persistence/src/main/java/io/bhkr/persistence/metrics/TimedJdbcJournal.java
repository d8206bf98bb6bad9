package io.bhkr.persistence.metrics;

import akka.actor.typed.javadsl.Adapter;
import akka.persistence.AtomicWrite;
import com.typesafe.config.Config;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.HashMap;
import java.util.Map;
import scala.collection.immutable.Seq;
import scala.concurrent.Future;
import scala.jdk.javaapi.CollectionConverters;
import scala.jdk.javaapi.FutureConverters;
import scala.runtime.BoxedUnit;
import scala.util.Try;

/**
 * akka-persistence-jdbc's journal, measured where the writes happen: how long each batch of
 * atomic writes takes to reach the database, and how many events each entity type wrote. It adds
 * nothing to the events or the rows; {@code persistence.conf} names it as the journal's class.
 */
public final class TimedJdbcJournal extends akka.persistence.jdbc.journal.JdbcAsyncWriteJournal {

  /** Time for a batch of writes to reach the journal's database, per entity type. */
  public static final String PERSIST = "bhkr.journal.persist";

  private final MeterRegistry registry;

  public TimedJdbcJournal(Config config) {
    super(config);
    this.registry = NodeMetrics.get(Adapter.toTyped(context().system())).registry();
  }

  @Override
  public Future<Seq<Try<BoxedUnit>>> asyncWriteMessages(Seq<AtomicWrite> messages) {
    long started = System.nanoTime();
    Map<String, Integer> events = new HashMap<>();
    for (AtomicWrite write : CollectionConverters.asJava(messages))
      events.merge(NodeMetrics.entityType(write.persistenceId()), write.size(), Integer::sum);
    Future<Seq<Try<BoxedUnit>>> written = super.asyncWriteMessages(messages);
    FutureConverters.asJava(written).whenComplete((results, failure) -> {
      boolean ok = failure == null && CollectionConverters.asJava(results).stream().allMatch(Try::isSuccess);
      long nanos = System.nanoTime() - started;
      events.forEach((type, count) -> {
        Timer.builder(PERSIST).description("time for a batch of writes to reach the journal's database")
            .tag("entity", type).tag("outcome", ok ? "ok" : "failed").publishPercentileHistogram()
            .minimumExpectedValue(java.time.Duration.ofMillis(1)).maximumExpectedValue(java.time.Duration.ofSeconds(10))
            .register(registry).record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
        if (ok) Counter.builder("bhkr.journal.events.written").description("events persisted, per entity type")
            .tag("entity", type).register(registry).increment(count);
      });
    });
    return written;
  }
}
