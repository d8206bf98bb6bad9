package io.bhkr.persistence.ledger;

/**
 * How many transfer ids are in each state. Every count is a sum over the ids of
 * {@link #of(TransferRecord)}, so a step can keep them up to date from the one record it changes.
 *
 * @param sent ids with a SENT
 * @param received ids with a RECEIVED
 * @param inFlight ids sent and not (yet) received
 * @param receivedTwice ids credited more than once: value created
 * @param receivedUnsent ids credited before (or without) any SENT: value from nowhere
 * @param sentTwice ids debited more than once
 * @param amountDiffers ids whose SENT and RECEIVED name different amounts or assets
 */
public record TransferCounts(
    long sent, long received, long inFlight, long receivedTwice, long receivedUnsent, long sentTwice, long amountDiffers) {

  public static final TransferCounts ZERO = new TransferCounts(0, 0, 0, 0, 0, 0, 0);

  /** What one transfer contributes to the counts. */
  public static TransferCounts of(TransferRecord t) {
    return new TransferCounts(t.sent() > 0 ? 1 : 0, t.received() > 0 ? 1 : 0, t.sent() > 0 && t.received() == 0 ? 1 : 0,
        t.received() > 1 ? 1 : 0, t.receivedUnsent() ? 1 : 0, t.sent() > 1 ? 1 : 0, t.amountDiffers() ? 1 : 0);
  }

  /** Transfers that break the once-only rule: none in a sound journal. */
  public long anomalies() {
    return receivedTwice + receivedUnsent + sentTwice + amountDiffers;
  }

  public TransferCounts plus(TransferCounts o) {
    return new TransferCounts(sent + o.sent, received + o.received, inFlight + o.inFlight, receivedTwice + o.receivedTwice,
        receivedUnsent + o.receivedUnsent, sentTwice + o.sentTwice, amountDiffers + o.amountDiffers);
  }

  public TransferCounts minus(TransferCounts o) {
    return new TransferCounts(sent - o.sent, received - o.received, inFlight - o.inFlight, receivedTwice - o.receivedTwice,
        receivedUnsent - o.receivedUnsent, sentTwice - o.sentTwice, amountDiffers - o.amountDiffers);
  }
}
