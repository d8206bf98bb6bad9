package io.bhkr.chain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The inbound rule: which blocks the bridge may read next, and whether what it read is one
 * consistent piece of the chain that extends what it already took in. Pure, so every re-org case
 * is tested without a chain.
 *
 * <p>A block b counts as confirmed once the head is at b + confirmations or higher. The bridge
 * only ever reads confirmed blocks, and it accepts a range only if (1) its first block's parent
 * is the block the bridge stopped at (same hash, not only the same number), (2) every block's
 * parent is the block before it, and (3) every log names the hash of the block read at its
 * number. Otherwise the chain changed while it was being read: nothing is taken, and the next
 * round reads again. A first block whose parent is not the cursor means the cursor itself was
 * re-orged away, deeper than {@code confirmations}: what was credited cannot be taken back by
 * the bridge, so it stops following and says so.
 */
public final class ConfirmedRange {

  private ConfirmedRange() {}

  /** Blocks {@code from..to}, both included. */
  public record Span(long from, long to) implements io.bhkr.serialization.JsonSerializable {
    public Span {
      if (to < from) throw new IllegalArgumentException("empty span " + from + ".." + to);
    }
  }

  public sealed interface Verdict {}

  /** Take the range in: the cursor moves to {@code to}, the logs (in chain order) are confirmed. */
  public record Advance(BlockHeader to, List<ChainLog> logs) implements Verdict {}

  /** The chain moved while it was read; read again next round. */
  public record Retry(String reason) implements Verdict {}

  /** The cursor's block is no longer on the chain: a re-org deeper than the confirmations. */
  public record Orphaned(BlockHeader cursor, BlockHeader successor) implements Verdict {}

  /** The next range to read after {@code cursor}, at most {@code maxBlocks} long, if any block is confirmed. */
  public static Optional<Span> next(BlockHeader cursor, long head, int confirmations, int maxBlocks) {
    if (confirmations < 0 || maxBlocks < 1) throw new IllegalArgumentException("confirmations >= 0 and maxBlocks >= 1");
    long lastConfirmed = head - confirmations;
    long from = cursor.number() + 1;
    if (lastConfirmed < from) return Optional.empty();
    return Optional.of(new Span(from, Math.min(lastConfirmed, from + maxBlocks - 1)));
  }

  public static Verdict judge(BlockHeader cursor, Span span, List<BlockHeader> headers, List<ChainLog> logs) {
    if (headers.size() != span.to() - span.from() + 1) return new Retry("expected " + (span.to() - span.from() + 1) + " headers, got " + headers.size());
    Map<Long, BlockHeader> byNumber = new HashMap<>();
    BlockHeader previous = cursor;
    for (int i = 0; i < headers.size(); i++) {
      BlockHeader h = headers.get(i);
      if (h == null || h.hash() == null || h.number() != span.from() + i) return new Retry("block " + (span.from() + i) + " missing or out of order");
      if (previous.hash() != null && !previous.hash().equalsIgnoreCase(h.parentHash())) {
        if (i == 0) return new Orphaned(cursor, h);
        return new Retry("block " + h.number() + " does not extend block " + previous.number() + " as read");
      }
      byNumber.put(h.number(), h);
      previous = h;
    }
    for (ChainLog log : logs) {
      if (log.removed()) return new Retry("log " + log.depositId() + " was removed by a re-org");
      BlockHeader h = byNumber.get(log.blockNumber());
      if (h == null) return new Retry("log " + log.depositId() + " is outside " + span.from() + ".." + span.to());
      if (!h.hash().equalsIgnoreCase(log.blockHash()))
        return new Retry("log " + log.depositId() + " belongs to block " + log.blockHash() + ", not " + h.hash());
    }
    List<ChainLog> ordered = new ArrayList<>(logs);
    ordered.sort(Comparator.comparingLong(ChainLog::blockNumber).thenComparingLong(ChainLog::logIndex));
    // a node may list a log twice (overlapping filters); it is still one deposit
    Map<String, ChainLog> once = new java.util.LinkedHashMap<>();
    ordered.forEach(l -> once.putIfAbsent(l.depositId(), l));
    return new Advance(headers.get(headers.size() - 1), List.copyOf(once.values()));
  }
}
