package io.bhkr.replay;

import io.bhkr.persistence.journal.StoredEvent;
import java.time.Instant;

/** A journal row and the event it holds. */
public record Replayed(StoredEvent row, Object event) {

  public String persistenceId() {
    return row.persistenceId();
  }

  /** "Project|p-1#7 (AuctionClosed, ordering 123, 2026-12-02T18:40:00Z)": how a report names the event. */
  public String name() {
    return row.persistenceId() + "#" + row.sequenceNumber() + " (" + row.kind() + ", ordering " + row.ordering() + ", written "
        + Instant.ofEpochMilli(row.writeTimestamp()) + ")";
  }
}
