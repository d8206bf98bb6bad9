package io.bhkr.persistence.ledger;

import io.bhkr.transfer.ValueChange;
import java.util.List;
import java.util.Objects;

/**
 * One event of the "ledger" tag as the audit sees it: where it sits in the journal's global
 * order, which entity wrote it, and how it moves value.
 */
public record LedgerEntry(long offset, String persistenceId, List<ValueChange> changes) {

  public LedgerEntry {
    Objects.requireNonNull(persistenceId, "persistenceId");
    changes = List.copyOf(changes);
  }
}
