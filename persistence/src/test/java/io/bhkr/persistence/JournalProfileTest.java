package io.bhkr.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class JournalProfileTest {

  private static final JournalSettings SETTINGS = JournalSettings.defaults(Path.of("/var/bhkr"));

  @Test
  void parsesTheProfileNames() {
    assertEquals(JournalProfile.EMBEDDED, JournalProfile.parse("embedded"));
    assertEquals(JournalProfile.POSTGRES, JournalProfile.parse(" Postgres "));
    assertEquals(JournalProfile.CASSANDRA, JournalProfile.parse("cassandra"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JournalProfile.parse("mongo"));
    assertEquals("unknown journal profile 'mongo' (expected embedded, postgres or cassandra)", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> JournalProfile.parse(null));
  }

  @Test
  void bothJdbcProfilesSelectTheJdbcPluginsOnOneSharedPool() {
    for (JournalProfile profile : new JournalProfile[] {JournalProfile.EMBEDDED, JournalProfile.POSTGRES}) {
      Config c = profile.config(SETTINGS).withFallback(ConfigFactory.load()).resolve();
      assertEquals("jdbc-journal", c.getString("akka.persistence.journal.plugin"));
      assertEquals("jdbc-snapshot-store", c.getString("akka.persistence.snapshot-store.plugin"));
      assertEquals("jdbc-durable-state-store", c.getString("akka.persistence.state.plugin"));
      for (String plugin : new String[] {"jdbc-journal", "jdbc-snapshot-store", "jdbc-read-journal", "jdbc-durable-state-store"})
        assertEquals("slick", c.getString(plugin + ".use-shared-db"), plugin);
      assertEquals(200, c.getDuration("jdbc-read-journal.refresh-interval").toMillis());
      // Pool settings not overridden still come from akka-persistence-jdbc's reference.conf.
      assertEquals("HikariCP", c.getString("akka-persistence-jdbc.shared-databases.slick.db.connectionPool"));
      assertEquals("jdbc-read-journal", c.getString(ReadJournals.SETTING));
    }
  }

  @Test
  void cassandraKeepsEventsInCassandraAndTheReadSideInPostgres() {
    CassandraSettings cassandra = new CassandraSettings(java.util.List.of("10.0.0.1:9042", "10.0.0.2:9043"), "dc1", "events_ks",
        "snapshots_ks", 3, true,
        "20270115T08:00");
    Config c = JournalProfile.CASSANDRA.config(SETTINGS.withCassandra(cassandra)).withFallback(ConfigFactory.load()).resolve();
    assertEquals("akka.persistence.cassandra.journal", c.getString("akka.persistence.journal.plugin"));
    assertEquals("akka.persistence.cassandra.snapshot", c.getString("akka.persistence.snapshot-store.plugin"));
    assertEquals("akka.persistence.cassandra.query", c.getString(ReadJournals.SETTING));
    assertEquals(java.util.List.of("10.0.0.1:9042", "10.0.0.2:9043"), c.getStringList("datastax-java-driver.basic.contact-points"));
    assertEquals("dc1", c.getString("datastax-java-driver.basic.load-balancing-policy.local-datacenter"));
    assertEquals("events_ks", c.getString("akka.persistence.cassandra.journal.keyspace"));
    assertEquals("snapshots_ks", c.getString("akka.persistence.cassandra.snapshot.keyspace"));
    assertEquals(3, c.getInt("akka.persistence.cassandra.journal.replication-factor"));
    assertEquals(3, c.getInt("akka.persistence.cassandra.snapshot.replication-factor"));
    assertEquals("20270115T08:00", c.getString("akka.persistence.cassandra.events-by-tag.first-time-bucket"));
    // created by CassandraSchema before the system starts, never lazily by the plugin
    assertEquals(false, c.getBoolean("akka.persistence.cassandra.journal.tables-autocreate"));
    // the read side: PostgreSQL through akka-projection-jdbc, as on the postgres profile
    assertEquals("jdbc:postgresql://127.0.0.1:5432/bhkr?reWriteBatchedInserts=true",
        c.getString("akka-persistence-jdbc.shared-databases.slick.db.url"));
    assertEquals("postgres-dialect", c.getString("akka.projection.jdbc.dialect"));
    // event migrations still apply
    assertTrue(c.hasPath("akka.serialization.jackson.migrations"));
  }

  @Test
  void cassandraSettingsRefuseWhatCassandraWouldRefuseLater() {
    CassandraSettings d = CassandraSettings.defaults();
    assertThrows(IllegalArgumentException.class, () -> d.withKeyspaces("bad-name", "snap"));
    assertThrows(IllegalArgumentException.class, () -> d.withKeyspaces("same", "SAME"));
    assertThrows(IllegalArgumentException.class, () -> new CassandraSettings(java.util.List.of("127.0.0.1"), "dc", "a", "b", 1, false, "20261201T00:00"));
    assertThrows(IllegalArgumentException.class, () -> new CassandraSettings(java.util.List.of(), "dc", "a", "b", 1, false, "20261201T00:00"));
    assertThrows(IllegalArgumentException.class, () -> new CassandraSettings(d.contactPoints(), "dc", "a", "b", 0, false, "20261201T00:00"));
    assertThrows(IllegalArgumentException.class, () -> d.withFirstTimeBucket("2026-12-01"));
    assertThrows(IllegalArgumentException.class, () -> d.withFirstTimeBucket("20261201T00:30"));
  }

  @Test
  void embeddedIsAnH2FileUnderTheDataFolder() {
    Config slick = JournalProfile.EMBEDDED.config(SETTINGS).getConfig("akka-persistence-jdbc.shared-databases.slick");
    assertEquals("slick.jdbc.H2Profile$", slick.getString("profile"));
    assertEquals("org.h2.Driver", slick.getString("db.driver"));
    assertEquals("jdbc:h2:file:/var/bhkr/journal;DATABASE_TO_UPPER=false;WRITE_DELAY=0", slick.getString("db.url"));
  }

  @Test
  void postgresUsesTheConfiguredServer() {
    Config slick = JournalProfile.POSTGRES.config(SETTINGS).getConfig("akka-persistence-jdbc.shared-databases.slick");
    assertEquals("slick.jdbc.PostgresProfile$", slick.getString("profile"));
    assertEquals("org.postgresql.Driver", slick.getString("db.driver"));
    assertEquals("jdbc:postgresql://127.0.0.1:5432/bhkr?reWriteBatchedInserts=true", slick.getString("db.url"));
    assertEquals("postgres", slick.getString("db.user"));
    assertEquals("", slick.getString("db.password"));
  }

  @Test
  void theJarAloneSwitchesNoJournal() {
    // Only JournalProfile.config selects the JDBC plugins; the classpath's own config does not.
    assertEquals("", ConfigFactory.load().getString("akka.persistence.journal.plugin"));
    assertEquals("", ConfigFactory.load().getString("akka.persistence.snapshot-store.plugin"));
  }

  @Test
  void relativeDataFoldersBecomeAbsolute() {
    // H2 2.x refuses "jdbc:h2:file:data/journal" (implicitly relative path).
    assertTrue(JournalSettings.defaults(Path.of("data")).dataDir().isAbsolute());
    assertThrows(IllegalArgumentException.class, () -> JournalSettings.defaults(Path.of("/tmp/a;b")));
  }
}
