package io.bhkr.persistence.ledger;

import io.bhkr.money.Amount;

/** One movement that breaks the once-only rule, with where it is in the journal. */
public record Anomaly(Kind kind, String transferId, Amount amount, String persistenceId, long offset) {

  public enum Kind {
    /** A transfer credited a second (third, …) time. */
    RECEIVED_TWICE,
    /** A transfer credited with no SENT before it in the journal's order. */
    RECEIVED_UNSENT,
    /** A transfer debited a second time. */
    SENT_TWICE,
    /** A SENT or RECEIVED whose amount or asset is not the one first recorded for its id. */
    AMOUNT_DIFFERS
  }
}
