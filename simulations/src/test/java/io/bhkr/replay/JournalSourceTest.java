package io.bhkr.replay;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bhkr.persistence.CassandraSettings;
import io.bhkr.persistence.JournalProfile;
import io.bhkr.persistence.JournalSettings;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A Cassandra journal that cannot be reached is named, with where it was looked for. */
class JournalSourceTest {

  @Test
  void anUnreachableCassandraJournalIsNamed() {
    JournalSettings settings = JournalSettings.defaults(Path.of("unused")).withCassandra(
        CassandraSettings.defaults().withKeyspaces("nowhere", "nowhere_snapshot").withContactPoints(List.of("127.0.0.1:1")));
    JournalSource source = new JournalSource(JournalProfile.CASSANDRA, settings);
    IllegalStateException e = assertThrows(IllegalStateException.class, source::count);
    assertTrue(e.getMessage().contains("cannot read the Cassandra journal at [127.0.0.1:1] (keyspace nowhere)"), e.getMessage());
  }
}
