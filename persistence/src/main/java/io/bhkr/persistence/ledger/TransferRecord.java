package io.bhkr.persistence.ledger;

import io.bhkr.money.Amount;
import java.util.Objects;

/**
 * What the audit knows of one transfer id: its amount (as first seen), how many times it was
 * SENT and RECEIVED, and whether it was received before any SENT or with another amount. A sound
 * journal has sent = 1 and received ≤ 1 for every id.
 */
public record TransferRecord(String id, Amount amount, int sent, int received, boolean receivedUnsent, boolean amountDiffers) {

  public TransferRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(amount, "amount");
  }

  static TransferRecord first(String id, Amount amount) {
    return new TransferRecord(id, amount, 0, 0, false, false);
  }

  TransferRecord sentOnce(Amount seen) {
    return new TransferRecord(id, amount, sent + 1, received, receivedUnsent, amountDiffers || !amount.equals(seen));
  }

  TransferRecord receivedOnce(Amount seen) {
    return new TransferRecord(id, amount, sent, received + 1, receivedUnsent || sent == 0, amountDiffers || !amount.equals(seen));
  }
}
