package io.bhkr.replay.export;

import io.bhkr.persistence.journal.StoredEvent;
import io.bhkr.replay.JournalDecoder;
import io.bhkr.replay.JournalSource;
import io.bhkr.replay.Progress;
import io.bhkr.replay.Replayed;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code bhkr replay export}: the journal as analysis-ready tables, read once in global order and
 * written as Parquet and/or CSV through an in-memory DuckDB (rows go in through its Appender, so
 * there is no SQL round trip per event).
 */
public final class Export {

  public enum Format { PARQUET, CSV }

  private Export() {}

  /** Reads the journal once and writes {@code out/<table>.parquet|csv}; returns rows per table. */
  public static Map<String, Long> run(JournalSource source, Path out, Set<Format> formats, PrintStream progressTo) {
    try (JournalDecoder decoder = new JournalDecoder(); ExportTables tables = new ExportTables()) {
      Progress progress = progressTo == null ? Progress.silent() : new Progress(progressTo, "export", source.count());
      source.forEach(row -> {
        tables.accept(new Replayed(row, decoder.decode(row)));
        progress.step();
      });
      progress.finish();
      return tables.write(directory(out), formats);
    } catch (SQLException e) {
      throw new IllegalStateException("export failed: " + e.getMessage(), e);
    }
  }

  /** The same over events already in memory (a golden journal, a test's journal). */
  public static Map<String, Long> run(List<StoredEvent> rows, Path out, Set<Format> formats) {
    try (JournalDecoder decoder = new JournalDecoder(); ExportTables tables = new ExportTables()) {
      for (StoredEvent row : rows) tables.accept(new Replayed(row, decoder.decode(row)));
      return tables.write(directory(out), formats);
    } catch (SQLException e) {
      throw new IllegalStateException("export failed: " + e.getMessage(), e);
    }
  }

  private static Path directory(Path out) {
    try {
      return Files.createDirectories(out);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("cannot create " + out + ": " + e.getMessage(), e);
    }
  }
}
