package io.bhkr.cli.bench;

import io.bhkr.persistence.JournalProfile;
import io.bhkr.persistence.JournalSettings;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * {@code bench lifecycles [--profile P] [--seconds N] [--runs N] [--in-flight N,N] [--bid-window S]} and
 * {@code bench entities [--profile P] [--entities N]}, from the values the command line read
 * (ToolCommands.Bench): each checks its ranges, then runs on a fresh journal.
 */
public final class PerformanceCommand {

  /** The command line was wrong; the message says how. */
  public static final class Invalid extends IllegalArgumentException {
    Invalid(String message) {
      super(message);
    }
  }

  private PerformanceCommand() {}

  public static int api(JournalProfile profile, int seconds, String postgresPassword, PrintStream out) throws Exception {
    journal(profile, "api");
    range("--seconds", seconds, 1, 600);
    ApiBenchmark.run(profile, base(postgresPassword), seconds, out);
    return 0;
  }

  public static int lifecycles(JournalProfile profile, int seconds, int runs, int[] inFlight, int bidWindow, String postgresPassword,
      PrintStream out) throws Exception {
    journal(profile, "lifecycles");
    range("--seconds", seconds, 1, 600);
    range("--runs", runs, 1, 20);
    range("--bid-window", bidWindow, 1, 60);
    if (inFlight.length == 0 || Arrays.stream(inFlight).anyMatch(n -> n < 1 || n > 2_000)) throw new Invalid("--in-flight must be from 1 to 2000");
    LifecycleBenchmark.run(profile, base(postgresPassword), seconds, runs, inFlight, bidWindow, out);
    return 0;
  }

  public static int entities(JournalProfile profile, int entities, String postgresPassword, PrintStream out) throws Exception {
    journal(profile, "entities");
    range("--entities", entities, 20, 10_000_000);
    EntityBenchmark.run(profile, base(postgresPassword), entities, out);
    return 0;
  }

  private static void journal(JournalProfile profile, String name) {
    if (profile == JournalProfile.CASSANDRA) throw new Invalid("bench " + name + " runs on embedded or postgres");
  }

  private static JournalSettings base(String postgresPassword) {
    return JournalSettings.defaults(Path.of("data")).withPostgres(JournalSettings.DEFAULT_POSTGRES_URL,
        JournalSettings.DEFAULT_POSTGRES_USER, postgresPassword == null ? JournalSettings.DEFAULT_POSTGRES_PASSWORD : postgresPassword);
  }

  private static void range(String option, int n, int min, int max) {
    if (n < min || n > max) throw new Invalid(option + " must be from " + min + " to " + max);
  }
}
