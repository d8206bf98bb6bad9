package io.bhkr.persistence.testing;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.bhkr.persistence.CassandraSettings;
import io.bhkr.persistence.JournalProfile;
import io.bhkr.persistence.JournalSchema;
import io.bhkr.persistence.JournalSettings;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Complete configurations for an ActorSystem on a real journal, schema already in place. Put
 * test-specific settings in front: {@code overrides.withFallback(JournalTestConfigs.embedded(dir))}.
 */
public final class JournalTestConfigs {

  private JournalTestConfigs() {}

  /** H2 file journal under {@code dir} (typically a JUnit {@code @TempDir}). */
  public static Config embedded(Path dir) {
    return ready(JournalProfile.EMBEDDED, JournalSettings.defaults(dir));
  }

  /** PostgreSQL journal in {@code db}. */
  public static Config postgres(PostgresTestDatabase db) {
    // The POSTGRES profile ignores the data folder; any path will do.
    return ready(JournalProfile.POSTGRES, db.settings(Path.of(System.getProperty("java.io.tmpdir"))));
  }

  /**
   * Settings for a Cassandra journal in keyspaces of its own on the test Cassandra (created when
   * the schema is ensured), with its read side in {@code db}.
   */
  public static JournalSettings cassandraSettings(PostgresTestDatabase db, Path dataDir) {
    String keyspace = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    // a new journal: its tag queries need not scan the hourly buckets since the production default
    String bucket = ZonedDateTime.now(ZoneOffset.UTC).minusHours(1).truncatedTo(ChronoUnit.HOURS)
        .format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HH:mm"));
    return db.settings(dataDir).withCassandra(new CassandraSettings(List.of(CassandraTestServer.contactPoint()),
        CassandraSettings.DEFAULT_DATACENTER, keyspace, keyspace + "_snapshot", 1, true, bucket));
  }

  /** Cassandra journal of {@link #cassandraSettings}: keyspaces and read side created. */
  public static Config cassandra(JournalSettings settings) {
    return ready(JournalProfile.CASSANDRA, settings);
  }

  private static Config ready(JournalProfile profile, JournalSettings settings) {
    JournalSchema.ensure(profile, settings);
    return profile.config(settings).withFallback(ConfigFactory.load());
  }
}
