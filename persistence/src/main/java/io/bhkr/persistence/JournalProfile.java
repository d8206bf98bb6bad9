package io.bhkr.persistence;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Which database holds the event journal. The profile is chosen explicitly by the node (never by
 * merely having this jar on the classpath), so {@link #config} is the only place that switches
 * Akka Persistence to akka-persistence-jdbc or akka-persistence-cassandra.
 *
 * <p>The read sides (ledger tables, projection offsets) always live in a JDBC database, the
 * journal's own on H2 and PostgreSQL; on Cassandra in the PostgreSQL database of the settings,
 * because their exactly-once projections need a transaction around the tables and the offset,
 * which Cassandra does not have (docs/operations.md, "Cassandra").
 */
public enum JournalProfile {
  /** H2 file database under the data folder: nothing to install. */
  EMBEDDED("embedded", "slick.jdbc.H2Profile$", "org.h2.Driver", "h2-dialect"),
  /** PostgreSQL, for production. */
  POSTGRES("postgres", "slick.jdbc.PostgresProfile$", "org.postgresql.Driver", "postgres-dialect"),
  /** akka-persistence-cassandra for events, snapshots and events-by-tag; the read side in PostgreSQL. */
  CASSANDRA("cassandra", "slick.jdbc.PostgresProfile$", "org.postgresql.Driver", "postgres-dialect");

  private static final String SHARED_DB = "akka-persistence-jdbc.shared-databases.slick";
  private static final String EXPECTED = "expected embedded, postgres or cassandra";
  private static final String DRIVER = "datastax-java-driver.basic";
  private static final String PLUGIN = "akka.persistence.cassandra";

  private final String id;
  private final String slickProfile;
  private final String driver;
  private final String projectionDialect;

  JournalProfile(String id, String slickProfile, String driver, String projectionDialect) {
    this.id = id;
    this.slickProfile = slickProfile;
    this.driver = driver;
    this.projectionDialect = projectionDialect;
  }

  /** The name used on the command line and in configuration: "embedded", "postgres" or "cassandra". */
  public String id() {
    return id;
  }

  public static JournalProfile parse(String name) {
    if (name == null || name.isBlank()) throw new IllegalArgumentException("journal profile is missing (" + EXPECTED + ")");
    String wanted = name.trim().toLowerCase(Locale.ROOT);
    for (JournalProfile p : values()) if (p.id.equals(wanted)) return p;
    throw new IllegalArgumentException("unknown journal profile '" + name + "' (" + EXPECTED + ")");
  }

  /**
   * The configuration selecting akka-persistence-jdbc for journal, snapshots, durable state and
   * the read journal, all sharing one connection pool, and akka-projection-jdbc's dialect for
   * the read sides kept in the same database. Not resolved against anything: use it as
   * {@code profile.config(settings).withFallback(ConfigFactory.load())}.
   */
  public Config config(JournalSettings settings) {
    Map<String, Object> db = new HashMap<>(Map.of(
        SHARED_DB + ".profile", slickProfile,
        SHARED_DB + ".db.driver", driver,
        SHARED_DB + ".db.url", url(settings),
        SHARED_DB + ".db.user", user(settings),
        SHARED_DB + ".db.password", password(settings),
        "akka.projection.jdbc.dialect", projectionDialect));
    Config jdbc = resource("persistence.conf");
    if (this != CASSANDRA) return ConfigFactory.parseMap(db, "journal profile " + id).withFallback(jdbc);
    CassandraSettings c = settings.cassandra();
    db.put(DRIVER + ".contact-points", c.contactPoints());
    db.put(DRIVER + ".load-balancing-policy.local-datacenter", c.localDatacenter());
    db.put(PLUGIN + ".journal.keyspace", c.keyspace());
    db.put(PLUGIN + ".journal.replication-factor", c.replicationFactor());
    db.put(PLUGIN + ".snapshot.keyspace", c.snapshotKeyspace());
    db.put(PLUGIN + ".snapshot.replication-factor", c.replicationFactor());
    db.put(PLUGIN + ".events-by-tag.first-time-bucket", c.firstTimeBucket());
    // persistence.conf still applies below cassandra.conf: event migrations, the read side's JDBC settings
    return ConfigFactory.parseMap(db, "journal profile " + id).withFallback(resource("cassandra.conf")).withFallback(jdbc);
  }

  private static Config resource(String name) {
    return ConfigFactory.parseResources(JournalProfile.class.getClassLoader(), name, ConfigParseOptions.defaults().setAllowMissing(false));
  }

  /** The JDBC URL of the journal database; on Cassandra, of the read side's database. */
  public String url(JournalSettings settings) {
    return this == EMBEDDED ? settings.h2Url() : settings.postgresUrl();
  }

  /** Where the events are, for the log: a JDBC URL, or Cassandra's contact points and keyspace. */
  public String describe(JournalSettings settings) {
    if (this != CASSANDRA) return url(settings);
    CassandraSettings c = settings.cassandra();
    return "Cassandra " + String.join(",", c.contactPoints()) + " keyspace " + c.keyspace() + ", read side " + url(settings);
  }

  // H2 makes the first user of a new file database its admin; "sa" is the H2 convention.
  public String user(JournalSettings settings) {
    return this == EMBEDDED ? "sa" : settings.postgresUser();
  }

  public String password(JournalSettings settings) {
    return this == EMBEDDED ? "" : settings.postgresPassword();
  }

  @Override
  public String toString() {
    return id;
  }
}
