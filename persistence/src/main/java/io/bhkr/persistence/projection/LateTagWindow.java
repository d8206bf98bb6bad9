package io.bhkr.persistence.projection;

import akka.NotUsed;
import akka.actor.typed.ActorSystem;
import akka.persistence.query.Offset;
import akka.persistence.query.TimeBasedUUID;
import akka.projection.eventsourced.EventEnvelope;
import akka.projection.eventsourced.javadsl.EventSourcedProvider;
import akka.projection.javadsl.SourceProvider;
import akka.stream.javadsl.Source;
import com.datastax.oss.driver.api.core.uuid.Uuids;
import io.bhkr.persistence.ReadJournals;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Where a projection's events-by-tag query starts. On JDBC journals (H2, PostgreSQL) exactly at the
 * stored offset: an event and its tags are inserted in one transaction, so none can appear behind
 * an offset already read.
 *
 * <p>On Cassandra they can. akka-persistence-cassandra writes an event's tag row after the event
 * itself; when a node dies between the two, the tag row is written only when that entity recovers on
 * another node (tens of seconds later), with the event's original time. A live query finds such
 * late rows by its back-track and gap detection, but a query started again from its stored offset
 * never looks behind it, so a projection that moved to another node would skip them for good. So on
 * Cassandra the query starts {@code bhkr.persistence.cassandra.late-tag-window} before the stored
 * offset, and the handler skips what it already folded ({@link FoldedEvents}).
 */
public final class LateTagWindow {

  public static final String SETTING = "bhkr.persistence.cassandra.late-tag-window";

  private LateTagWindow() {}

  /** The events of {@code tag} for a projection, from the read journal of the system's profile. */
  public static <E> SourceProvider<Offset, EventEnvelope<E>> eventsByTag(ActorSystem<?> system, String tag) {
    SourceProvider<Offset, EventEnvelope<E>> exact = EventSourcedProvider.eventsByTag(system, ReadJournals.id(system), tag);
    if (ReadJournals.isJdbc(system)) return exact;
    return new Rewound<>(exact, system.settings().config().getDuration(SETTING));
  }

  /** {@code offset} moved back by {@code window} if it is a time offset (Cassandra); any other as it is. */
  static Offset rewound(Offset offset, Duration window) {
    if (!(offset instanceof TimeBasedUUID t)) return offset;
    long millis = Uuids.unixTimestamp(t.value()) - window.toMillis();
    return Offset.timeBasedUUID(Uuids.startOf(Math.max(0, millis)));
  }

  private static final class Rewound<E> extends SourceProvider<Offset, EventEnvelope<E>> {
    private final SourceProvider<Offset, EventEnvelope<E>> exact;
    private final Duration window;

    Rewound(SourceProvider<Offset, EventEnvelope<E>> exact, Duration window) {
      this.exact = exact;
      this.window = window;
    }

    @Override
    public CompletionStage<Source<EventEnvelope<E>, NotUsed>> source(Supplier<CompletionStage<Optional<Offset>>> offset) {
      return exact.source(() -> offset.get().thenApply(stored -> stored.map(o -> rewound(o, window))));
    }

    @Override
    public Offset extractOffset(EventEnvelope<E> envelope) {
      return exact.extractOffset(envelope);
    }

    @Override
    public long extractCreationTime(EventEnvelope<E> envelope) {
      return exact.extractCreationTime(envelope);
    }
  }
}
