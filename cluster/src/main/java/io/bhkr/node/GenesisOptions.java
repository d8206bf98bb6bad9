package io.bhkr.node;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The development genesis's timings as options of {@code run} and {@code demo} (--bid-window,
 * --audit-period), taken out of their words and turned into the {@code bhkr.development-…}
 * settings of application.conf. The genesis is journaled once, when the journal is new: on an
 * existing journal these change nothing (governance changes parameters by vote).
 */
final class GenesisOptions {

  private static final Map<String, String> SETTINGS = Map.of(
      "--bid-window", "bhkr.development-bid-window-seconds",
      "--audit-period", "bhkr.development-audit-period-seconds");
  /** A day: longer would only make a development market wait. */
  private static final long MAX_SECONDS = 86_400;

  private GenesisOptions() {}

  /** The words without the genesis options, and those options as configuration. */
  record Split(List<String> rest, Config config) {}

  static Split split(List<String> words) {
    List<String> rest = new ArrayList<>();
    Map<String, Object> config = new HashMap<>();
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      int eq = w.indexOf('=');
      String name = eq < 0 ? w : w.substring(0, eq);
      if (!SETTINGS.containsKey(name)) {
        rest.add(w);
        continue;
      }
      if (eq < 0 && i + 1 >= words.size()) throw new UsageError(name + " needs a value");
      String value = eq >= 0 ? w.substring(eq + 1) : words.get(++i);
      config.put(SETTINGS.get(name), seconds(name, value));
    }
    return new Split(rest, ConfigFactory.parseMap(config, "the development genesis options"));
  }

  private static long seconds(String name, String value) {
    try {
      long seconds = Long.parseLong(value);
      if (seconds >= 1 && seconds <= MAX_SECONDS) return seconds;
    } catch (NumberFormatException e) {
      // the same message as a number out of range
    }
    throw new UsageError(name + " takes whole seconds from 1 to " + MAX_SECONDS + ", not '" + value + "'");
  }
}
