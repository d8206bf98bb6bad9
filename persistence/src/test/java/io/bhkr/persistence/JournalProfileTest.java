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
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JournalProfile.parse("cassandra"));
    assertEquals("unknown journal profile 'cassandra' (expected embedded or postgres)", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> JournalProfile.parse(null));
  }

  @Test
  void bothProfilesSelectTheJdbcPluginsOnOneSharedPool() {
    for (JournalProfile profile : JournalProfile.values()) {
      Config c = profile.config(SETTINGS).withFallback(ConfigFactory.load()).resolve();
      assertEquals("jdbc-journal", c.getString("akka.persistence.journal.plugin"));
      assertEquals("jdbc-snapshot-store", c.getString("akka.persistence.snapshot-store.plugin"));
      assertEquals("jdbc-durable-state-store", c.getString("akka.persistence.state.plugin"));
      for (String plugin : new String[] {"jdbc-journal", "jdbc-snapshot-store", "jdbc-read-journal", "jdbc-durable-state-store"})
        assertEquals("slick", c.getString(plugin + ".use-shared-db"), plugin);
      assertEquals(200, c.getDuration("jdbc-read-journal.refresh-interval").toMillis());
      // Pool settings not overridden still come from akka-persistence-jdbc's reference.conf.
      assertEquals("HikariCP", c.getString("akka-persistence-jdbc.shared-databases.slick.db.connectionPool"));
    }
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
