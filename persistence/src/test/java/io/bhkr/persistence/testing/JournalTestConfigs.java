package io.bhkr.persistence.testing;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.bhkr.persistence.JournalProfile;
import io.bhkr.persistence.JournalSchema;
import io.bhkr.persistence.JournalSettings;
import java.nio.file.Path;

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

  private static Config ready(JournalProfile profile, JournalSettings settings) {
    JournalSchema.ensure(profile, settings);
    return profile.config(settings).withFallback(ConfigFactory.load());
  }
}
