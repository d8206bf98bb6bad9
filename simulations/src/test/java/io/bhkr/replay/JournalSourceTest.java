package io.bhkr.replay;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bhkr.persistence.JournalProfile;
import io.bhkr.persistence.JournalSettings;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Replay reads JDBC journals; on a Cassandra journal it says so instead of failing on a missing table. */
class JournalSourceTest {

  @Test
  void aCassandraJournalIsRefusedWithAClearReason() {
    JournalSource source = new JournalSource(JournalProfile.CASSANDRA, JournalSettings.defaults(Path.of("unused")));
    IllegalStateException e = assertThrows(IllegalStateException.class, source::count);
    assertTrue(e.getMessage().contains("a Cassandra journal cannot be replayed yet"), e.getMessage());
    assertThrows(IllegalStateException.class, () -> source.forEach(row -> {}));
  }
}
