package io.bhkr.persistence.events;

import akka.NotUsed;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.javadsl.Adapter;
import akka.persistence.jdbc.query.javadsl.JdbcReadJournal;
import akka.persistence.query.EventEnvelope;
import akka.persistence.query.Offset;
import akka.persistence.query.PersistenceQuery;
import akka.persistence.query.Sequence;
import akka.stream.javadsl.Source;
import java.util.ArrayList;
import java.util.List;

/**
 * The journal's events of the market's public entities (projects, providers, pools, governance),
 * live, as journaled: one events-by-tag query per entity tag, merged. Each element carries the
 * cursor to resume after it. What of these is public, and how it reads, the HTTP layer decides.
 */
public final class MarketEvents {

  /** The entity tags read, in the order of an {@link EventCursor}'s offsets. */
  public static final List<String> TAGS = List.of("project", "provider", "pool", "governance");

  /**
   * An event as journaled.
   *
   * @param offset the journal's global ordering of this event
   * @param timestamp when the row was written, milliseconds since the epoch
   * @param cursor where a reader stands once it has this event
   */
  public record Journaled(String tag, long offset, String persistenceId, long sequenceNr, long timestamp, Object event,
      EventCursor cursor) {}

  private MarketEvents() {}

  /** Every event of {@link #TAGS} after {@code from}, then each new one as it is journaled; never completes. */
  public static Source<Journaled, NotUsed> live(ActorSystem<?> system, EventCursor from) {
    JdbcReadJournal journal = PersistenceQuery.get(Adapter.toClassic(system))
        .getReadJournalFor(JdbcReadJournal.class, JdbcReadJournal.Identifier());
    List<Source<Tagged, NotUsed>> sources = new ArrayList<>();
    for (int i = 0; i < TAGS.size(); i++) {
      int index = i;
      // exclusive: a Sequence offset N gives the events whose ordering is above N
      sources.add(journal.eventsByTag(TAGS.get(i), Offset.sequence(from.offset(i))).map(e -> new Tagged(index, e)));
    }
    Source<Tagged, NotUsed> merged = sources.get(0);
    for (Source<Tagged, NotUsed> s : sources.subList(1, sources.size())) merged = merged.merge(s);
    // the cursor is state of each materialization, so the same Source may run twice
    return merged.statefulMapConcat(() -> {
      EventCursor[] at = {from};
      return t -> {
        long offset = t.envelope.offset() instanceof Sequence s ? s.value() : 0;
        at[0] = at[0].with(t.tagIndex, offset);
        return List.of(new Journaled(TAGS.get(t.tagIndex), offset, t.envelope.persistenceId(), t.envelope.sequenceNr(),
            t.envelope.timestamp(), t.envelope.event(), at[0]));
      };
    });
  }

  private record Tagged(int tagIndex, EventEnvelope envelope) {}
}
