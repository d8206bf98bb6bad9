package io.bhkr.persistence;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import java.util.Locale;
import java.util.Map;

/**
 * Which database holds the event journal. The profile is chosen explicitly by the node (never by
 * merely having this jar on the classpath), so {@link #config} is the only place that switches
 * Akka Persistence to akka-persistence-jdbc.
 */
public enum JournalProfile {
  /** H2 file database under the data folder: nothing to install. */
  EMBEDDED("embedded", "slick.jdbc.H2Profile$", "org.h2.Driver", "h2-dialect"),
  /** PostgreSQL, for production. */
  POSTGRES("postgres", "slick.jdbc.PostgresProfile$", "org.postgresql.Driver", "postgres-dialect");

  private static final String SHARED_DB = "akka-persistence-jdbc.shared-databases.slick";

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

  /** The name used on the command line and in configuration: "embedded" or "postgres". */
  public String id() {
    return id;
  }

  public static JournalProfile parse(String name) {
    if (name == null || name.isBlank()) throw new IllegalArgumentException("journal profile is missing (expected embedded or postgres)");
    String wanted = name.trim().toLowerCase(Locale.ROOT);
    for (JournalProfile p : values()) if (p.id.equals(wanted)) return p;
    throw new IllegalArgumentException("unknown journal profile '" + name + "' (expected embedded or postgres)");
  }

  /**
   * The configuration selecting akka-persistence-jdbc for journal, snapshots, durable state and
   * the read journal, all sharing one connection pool, and akka-projection-jdbc's dialect for
   * the read sides kept in the same database. Not resolved against anything: use it as
   * {@code profile.config(settings).withFallback(ConfigFactory.load())}.
   */
  public Config config(JournalSettings settings) {
    Map<String, Object> db = Map.of(
        SHARED_DB + ".profile", slickProfile,
        SHARED_DB + ".db.driver", driver,
        SHARED_DB + ".db.url", url(settings),
        SHARED_DB + ".db.user", user(settings),
        SHARED_DB + ".db.password", password(settings),
        "akka.projection.jdbc.dialect", projectionDialect);
    return ConfigFactory.parseMap(db, "journal profile " + id)
        .withFallback(ConfigFactory.parseResources(JournalProfile.class.getClassLoader(), "persistence.conf",
            ConfigParseOptions.defaults().setAllowMissing(false)));
  }

  /** The JDBC URL of the journal database. */
  public String url(JournalSettings settings) {
    return this == EMBEDDED ? settings.h2Url() : settings.postgresUrl();
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
