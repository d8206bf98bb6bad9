package io.bhkr.persistence.testing;

import io.bhkr.persistence.JournalProfile;
import io.bhkr.persistence.journal.JournalFile;
import io.bhkr.persistence.journal.JournalTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Makes golden journals: run end-to-end tests with {@code -Dbhkr.golden.capture=DIR} and each
 * embedded journal a test closes is written to {@code DIR/<TestClass>.<testMethod>.jsonl}
 * ({@link JournalFile}). docs/events.md says which of them are committed and how to add one.
 */
final class GoldenCapture {

  static final String PROPERTY = "bhkr.golden.capture";

  private GoldenCapture() {}

  static void dumpIfAsked(TestJournal journal) {
    String dir = System.getProperty(PROPERTY);
    if (dir == null || dir.isBlank() || journal.profile() != JournalProfile.EMBEDDED) return;
    Path out = Path.of(dir).resolve(testName() + ".jsonl");
    try (Connection c = DriverManager.getConnection(journal.settings().h2Url(), "sa", "")) {
      Files.createDirectories(out.getParent());
      JournalFile.write(JournalTable.readAll(c), out);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot dump the journal to " + out, e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The test that is closing the journal: the first caller outside this package. */
  private static String testName() {
    return StackWalker.getInstance().walk(frames -> frames
        .filter(f -> !f.getClassName().startsWith(GoldenCapture.class.getPackageName()))
        .findFirst()
        .map(f -> f.getClassName().substring(f.getClassName().lastIndexOf('.') + 1) + "." + f.getMethodName())
        .orElse("journal"));
  }
}
