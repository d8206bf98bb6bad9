package io.bhkr.cli.bench;

import io.bhkr.persistence.JournalProfile;
import io.bhkr.persistence.JournalSettings;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * {@code bench lifecycles [--profile P] [--seconds N] [--runs N] [--in-flight N,N] [--bid-window S]},
 * {@code bench entities [--profile P] [--entities N]} and {@code bench all}, from the values the command line read
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

  /** What {@code bench all} runs, and how long: each benchmark's own options. */
  public record Sizes(int seconds, int runs, int[] inFlight, int entities, long replayEvents) {
    /** The defaults of {@code bench all}: about 15 minutes on 2 cores. */
    public static Sizes defaults(int seconds, int entities) {
      return new Sizes(seconds, 3, new int[] {16, 128}, entities, 200_000);
    }
  }

  /**
   * {@code bench all}: every benchmark in turn on one profile (signed writes with the signature
   * limits, lifecycles with the read sides' catch-up, resident entities and recovery, replay), each
   * printing the limits of this machine measured in its own run.
   */
  public static int all(JournalProfile profile, Sizes sizes, String postgresPassword, PrintStream out, PrintStream progress)
      throws Exception {
    journal(profile, "all");
    range("--seconds", sizes.seconds(), 1, 600);
    range("--entities", sizes.entities(), 20, 10_000_000);
    JournalSettings base = base(postgresPassword);
    out.println("== 1/4 signed writes through the API (bench api)");
    ApiBenchmark.run(profile, base, sizes.seconds(), out);
    out.println();
    out.println("== 2/4 project lifecycles, journal events per lifecycle, read sides (bench lifecycles)");
    LifecycleBenchmark.run(profile, base, sizes.seconds(), sizes.runs(), sizes.inFlight(), 3, out);
    out.println();
    out.println("== 3/4 resident entities and recovery (bench entities)");
    EntityBenchmark.run(profile, base, sizes.entities(), out);
    out.println();
    out.println("== 4/4 replaying a journal (replay benchmark)");
    io.bhkr.replay.ReplayBenchmark.run(profile, base, sizes.replayEvents(), sizes.runs(), out, progress);
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
