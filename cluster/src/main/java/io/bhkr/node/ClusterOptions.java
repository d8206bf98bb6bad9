package io.bhkr.node;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The cluster options of {@code run} (--seed-nodes, --cluster-host, --management-port), taken out
 * of its words and turned into the Akka configuration they mean. Kept apart from
 * {@link RunCommand} the way {@link ChainMode#split} is: the options become HOCON over
 * application.conf, so the node reads them where it reads every other setting.
 */
final class ClusterOptions {

  private static final Set<String> OPTIONS = Set.of("--seed-nodes", "--cluster-host", "--management-port");
  /** Akka's address of a node of this cluster; the system is always called "bhkr" (Node). */
  private static final String SYSTEM = "akka://bhkr@";

  private ClusterOptions() {}

  /** The words of {@code run} without the cluster options, and those options as configuration. */
  record Split(List<String> rest, Config config, boolean seedNodesGiven) {}

  /** A run with operator endpoints on: Akka Management on its configured (or given) port. */
  static Split split(List<String> words) {
    List<String> rest = new ArrayList<>();
    Map<String, Object> config = new HashMap<>();
    config.put("bhkr.management.enabled", true);
    boolean seeds = false;
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      int eq = w.indexOf('=');
      String name = eq < 0 ? w : w.substring(0, eq);
      if (!OPTIONS.contains(name)) {
        rest.add(w);
        continue;
      }
      if (eq < 0 && i + 1 >= words.size()) throw new UsageError(name + " needs a value");
      CommandArguments.Option o = new CommandArguments.Option(name, eq >= 0 ? w.substring(eq + 1) : words.get(++i));
      switch (name) {
        case "--seed-nodes" -> {
          config.put("akka.cluster.seed-nodes", seedNodes(o));
          seeds = true;
        }
        case "--cluster-host" -> {
          String host = host(o.name(), o.value());
          config.put("akka.remote.artery.canonical.hostname", host);
          config.put("akka.management.http.hostname", host);
        }
        case "--management-port" -> config.put("akka.management.http.port", CommandArguments.port(o));
        default -> throw new IllegalStateException("unreachable: " + name);
      }
    }
    return new Split(rest, ConfigFactory.parseMap(config, "run's cluster options"), seeds);
  }

  /** {@code host:port,host:port} → Akka addresses; the order matters (the first seed may form the cluster). */
  static List<String> seedNodes(CommandArguments.Option o) {
    List<String> addresses = new ArrayList<>();
    for (String part : o.value().split(",", -1)) {
      String seed = part.trim();
      int colon = seed.lastIndexOf(':');
      if (colon <= 0) throw new UsageError(o.name() + " takes host:port,host:port…, not '" + o.value() + "'");
      String host = host(o.name(), seed.substring(0, colon));
      int port = CommandArguments.port(new CommandArguments.Option(o.name(), seed.substring(colon + 1)));
      if (port == 0) throw new UsageError(o.name() + ": a seed node needs a fixed port, not 0");
      addresses.add(SYSTEM + host + ":" + port);
    }
    return addresses;
  }

  private static String host(String option, String host) {
    if (!host.matches("[A-Za-z0-9.\\-]+")) throw new UsageError(option + ": '" + host + "' is not a host name or IPv4 address");
    return host;
  }
}
