package io.bhkr.replay;

import io.bhkr.persistence.journal.StoredEvent;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/** The researchers' replays of a journal: reading it once, decoded, in global order. */
public final class Replay {

  private Replay() {}

  /** {@code bhkr replay verify}: every decision re-derived, and the conservation audit, over the whole journal. */
  public static Verification verify(JournalSource source, PrintStream progressTo) {
    return verify(source, AnchoredRoots.none(), progressTo);
  }

  /** The same, checking each payout epoch's root against the anchor {@code chain} reads. */
  public static Verification verify(JournalSource source, AnchoredRoots chain, PrintStream progressTo) {
    Verifier verifier = new Verifier(chain);
    each(source, "verify", progressTo, verifier::accept);
    return verifier.finish();
  }

  /** {@code bhkr replay state --at}: the market folded from every event written up to {@code at}. */
  public static MarketAsOf state(JournalSource source, java.time.Instant at, PrintStream progressTo) {
    MarketAsOf state = new MarketAsOf(at);
    each(source, "state", progressTo, state::accept);
    return state;
  }

  /** {@code bhkr replay what-if}: the window's decisions re-run under changed parameters. */
  public static WhatIf whatIf(JournalSource source, Map<String, String> settings, long from, long to, PrintStream progressTo) {
    WhatIf whatIf = new WhatIf(settings, from, to);
    each(source, "what-if", progressTo, whatIf::accept);
    return whatIf;
  }

  /** Reads the whole journal once, decoded, with a progress line. */
  static void each(JournalSource source, String task, PrintStream progressTo, java.util.function.Consumer<Replayed> each) {
    try (JournalDecoder decoder = new JournalDecoder()) {
      Progress progress = progressTo == null ? Progress.silent() : new Progress(progressTo, task, source.count());
      source.forEach(row -> {
        each.accept(new Replayed(row, decoder.decode(row)));
        progress.step();
      });
      progress.finish();
    }
  }

  /** The same over events already in memory (a golden journal, a test's journal). */
  public static Verification verify(List<StoredEvent> rows) {
    Verifier verifier = new Verifier();
    each(rows, verifier::accept);
    return verifier.finish();
  }

  /** Every row in memory, decoded, in order: for golden journals and tests. */
  public static void each(List<StoredEvent> rows, java.util.function.Consumer<Replayed> each) {
    try (JournalDecoder decoder = new JournalDecoder()) {
      for (StoredEvent row : rows) each.accept(new Replayed(row, decoder.decode(row)));
    }
  }
}
