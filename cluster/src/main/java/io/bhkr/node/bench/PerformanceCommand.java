package io.bhkr.node.bench;

import io.bhkr.persistence.JournalProfile;
import io.bhkr.persistence.JournalSettings;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * {@code bench lifecycles [--profile P] [--seconds N] [--runs N] [--in-flight N,N] [--bid-window S]} and
 * {@code bench entities [--profile P] [--entities N]}: their options read here, so that the
 * command line's parser has one case for both.
 */
public final class PerformanceCommand {

  /** The command line was wrong; the message says how. */
  public static final class Invalid extends IllegalArgumentException {
    Invalid(String message) {
      super(message);
    }
  }

  private PerformanceCommand() {}

  public static boolean names(String benchmark) {
    return benchmark.equals("lifecycles") || benchmark.equals("entities");
  }

  /** @param args the benchmark's name and its options */
  public static int run(List<String> args, String postgresPassword, PrintStream out) throws Exception {
    String name = args.get(0);
    JournalProfile profile = JournalProfile.EMBEDDED;
    int seconds = 10;
    int runs = 3;
    int entities = 100_000;
    int[] inFlight = {16, 128};
    int bidWindow = 3; // the development genesis's (application.conf)
    for (int i = 1; i < args.size(); i += 2) {
      String option = args.get(i);
      if (i + 1 >= args.size()) throw new Invalid(option + " needs a value");
      String value = args.get(i + 1);
      switch (option) {
        case "--profile" -> {
          try {
            profile = JournalProfile.parse(value);
          } catch (IllegalArgumentException e) {
            throw new Invalid(e.getMessage());
          }
          if (profile == JournalProfile.CASSANDRA) throw new Invalid("bench " + name + " runs on embedded or postgres");
        }
        case "--seconds" -> seconds = number(option, value, 1, 600);
        case "--runs" -> runs = number(option, value, 1, 20);
        case "--bid-window" -> bidWindow = number(option, value, 1, 60);
        case "--entities" -> entities = number(option, value, 20, 10_000_000);
        case "--in-flight" -> {
          try {
            inFlight = Arrays.stream(value.split(",")).mapToInt(v -> Integer.parseInt(v.trim())).toArray();
          } catch (NumberFormatException e) {
            throw new Invalid("--in-flight takes whole numbers separated by commas");
          }
          if (Arrays.stream(inFlight).anyMatch(n -> n < 1 || n > 2_000)) throw new Invalid("--in-flight must be from 1 to 2000");
        }
        default -> throw new Invalid("unknown option " + option + " for bench " + name);
      }
      boolean forLifecycles = !option.equals("--entities");
      boolean forEntities = option.equals("--profile") || option.equals("--entities");
      if (name.equals("lifecycles") ? !forLifecycles : !forEntities) throw new Invalid("unknown option " + option + " for bench " + name);
    }
    JournalSettings base = JournalSettings.defaults(Path.of("data")).withPostgres(JournalSettings.DEFAULT_POSTGRES_URL,
        JournalSettings.DEFAULT_POSTGRES_USER, postgresPassword == null ? JournalSettings.DEFAULT_POSTGRES_PASSWORD : postgresPassword);
    if (name.equals("lifecycles")) LifecycleBenchmark.run(profile, base, seconds, runs, inFlight, bidWindow, out);
    else EntityBenchmark.run(profile, base, entities, out);
    return 0;
  }

  private static int number(String option, String value, int min, int max) {
    int n;
    try {
      n = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new Invalid(option + " must be a whole number");
    }
    if (n < min || n > max) throw new Invalid(option + " must be from " + min + " to " + max);
    return n;
  }
}
