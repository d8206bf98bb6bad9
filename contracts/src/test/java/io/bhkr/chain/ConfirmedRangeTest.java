package io.bhkr.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConfirmedRangeTest {

  private static String hash(String fork, long n) {
    return "0x" + fork + "-" + n;
  }

  /** Blocks from..to of a fork whose block {@code from - 1} is {@code parent}. */
  private static List<BlockHeader> chain(String fork, long from, long to, String parent) {
    List<BlockHeader> out = new ArrayList<>();
    String p = parent;
    for (long n = from; n <= to; n++) {
      out.add(new BlockHeader(n, hash(fork, n), p));
      p = hash(fork, n);
    }
    return out;
  }

  private static ChainLog log(long block, String blockHash, long index) {
    return new ChainLog("0xvault", List.of("0xtopic"), "0x", block, blockHash, "0xtx" + block, index, false);
  }

  private static final BlockHeader CURSOR = new BlockHeader(10, hash("a", 10), hash("a", 9));

  @Test
  void onlyBlocksWithEnoughConfirmationsAreRead() {
    assertEquals(Optional.empty(), ConfirmedRange.next(CURSOR, 12, 3, 100)); // 11 needs head 14
    assertEquals(Optional.empty(), ConfirmedRange.next(CURSOR, 13, 3, 100));
    assertEquals(Optional.of(new ConfirmedRange.Span(11, 11)), ConfirmedRange.next(CURSOR, 14, 3, 100));
    assertEquals(Optional.of(new ConfirmedRange.Span(11, 20)), ConfirmedRange.next(CURSOR, 1000, 3, 10));
    assertEquals(Optional.of(new ConfirmedRange.Span(11, 14)), ConfirmedRange.next(CURSOR, 14, 0, 100));
    assertEquals(Optional.of(new ConfirmedRange.Span(0, 0)), ConfirmedRange.next(BlockHeader.before(0), 5, 5, 100));
  }

  @Test
  void aConsistentRangeAdvancesTheCursorWithItsLogsInChainOrder() {
    List<BlockHeader> headers = chain("a", 11, 13, CURSOR.hash());
    ChainLog late = log(13, hash("a", 13), 0);
    ChainLog early = log(11, hash("a", 11), 4);
    ChainLog earlier = log(11, hash("a", 11), 2);
    var verdict = ConfirmedRange.judge(CURSOR, new ConfirmedRange.Span(11, 13), headers, List.of(late, early, earlier, early));
    var advance = assertInstanceOf(ConfirmedRange.Advance.class, verdict);
    assertEquals(headers.get(2), advance.to());
    assertEquals(List.of(earlier, early, late), advance.logs()); // sorted, the duplicate once
  }

  @Test
  void aLogFromAnotherForkIsNotTakenTheRangeIsReadAgain() {
    List<BlockHeader> headers = chain("a", 11, 13, CURSOR.hash());
    var verdict = ConfirmedRange.judge(CURSOR, new ConfirmedRange.Span(11, 13), headers, List.of(log(12, hash("b", 12), 0)));
    assertInstanceOf(ConfirmedRange.Retry.class, verdict);
  }

  @Test
  void aRemovedLogOrOneOutsideTheRangeIsNotTaken() {
    List<BlockHeader> headers = chain("a", 11, 13, CURSOR.hash());
    ChainLog removed = new ChainLog("0xvault", List.of("0xtopic"), "0x", 12, hash("a", 12), "0xtx", 0, true);
    assertInstanceOf(ConfirmedRange.Retry.class, ConfirmedRange.judge(CURSOR, new ConfirmedRange.Span(11, 13), headers, List.of(removed)));
    assertInstanceOf(ConfirmedRange.Retry.class,
        ConfirmedRange.judge(CURSOR, new ConfirmedRange.Span(11, 13), headers, List.of(log(14, hash("a", 14), 0))));
  }

  @Test
  void headersThatDoNotLinkUpAreReadAgain() {
    List<BlockHeader> mixed = new ArrayList<>(chain("a", 11, 12, CURSOR.hash()));
    mixed.add(new BlockHeader(13, hash("b", 13), hash("b", 12))); // read after a re-org of 12..13
    assertInstanceOf(ConfirmedRange.Retry.class, ConfirmedRange.judge(CURSOR, new ConfirmedRange.Span(11, 13), mixed, List.of()));
    List<BlockHeader> missing = new ArrayList<>(chain("a", 11, 13, CURSOR.hash()));
    missing.set(1, null);
    assertInstanceOf(ConfirmedRange.Retry.class, ConfirmedRange.judge(CURSOR, new ConfirmedRange.Span(11, 13), missing, List.of()));
    assertInstanceOf(ConfirmedRange.Retry.class,
        ConfirmedRange.judge(CURSOR, new ConfirmedRange.Span(11, 13), chain("a", 11, 12, CURSOR.hash()), List.of()));
  }

  @Test
  void aFirstBlockThatDoesNotBuildOnTheCursorMeansTheCursorWasReorgedAway() {
    List<BlockHeader> other = chain("b", 11, 13, hash("b", 10)); // same number 10, another hash
    var verdict = assertInstanceOf(ConfirmedRange.Orphaned.class,
        ConfirmedRange.judge(CURSOR, new ConfirmedRange.Span(11, 13), other, List.of(log(11, hash("b", 11), 0))));
    assertEquals(CURSOR, verdict.cursor());
    assertEquals(other.get(0), verdict.successor());
  }

  @Test
  void theStartingPointHasNoHashToCompare() {
    BlockHeader start = BlockHeader.before(11);
    var verdict = ConfirmedRange.judge(start, new ConfirmedRange.Span(11, 12), chain("a", 11, 12, "0xanything"), List.of());
    assertTrue(verdict instanceof ConfirmedRange.Advance);
  }
}
