package io.bhkr.replay;

import io.bhkr.persistence.journal.StoredEvent;
import java.io.PrintStream;
import java.util.List;

/** The researchers' replays of a journal: reading it once, decoded, in global order. */
public final class Replay {

  private Replay() {}

  /** {@code bhkr replay verify}: every decision re-derived, and the conservation audit, over the whole journal. */
  public static Verification verify(JournalSource source, PrintStream progressTo) {
    try (JournalDecoder decoder = new JournalDecoder()) {
      Verifier verifier = new Verifier();
      Progress progress = progressTo == null ? Progress.silent() : new Progress(progressTo, "verify", source.count());
      source.forEach(row -> {
        verifier.accept(new Replayed(row, decoder.decode(row)));
        progress.step();
      });
      progress.finish();
      return verifier.finish();
    }
  }

  /** The same over events already in memory (a golden journal, a test's journal). */
  public static Verification verify(List<StoredEvent> rows) {
    try (JournalDecoder decoder = new JournalDecoder()) {
      Verifier verifier = new Verifier();
      for (StoredEvent row : rows) verifier.accept(new Replayed(row, decoder.decode(row)));
      return verifier.finish();
    }
  }
}
