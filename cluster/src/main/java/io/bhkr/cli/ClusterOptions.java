package io.bhkr.cli;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The cluster options of {@code run} (--seed-nodes, --cluster-host, --management-port) as the
 * Akka configuration they mean: HOCON over application.conf, so the node reads them where it
 * reads every other setting (as {@link ChainMode#config} does for chain mode).
 */
final class ClusterOptions {

  /** Akka's address of a node of this cluster; the system is always called "bhkr" (Node). */
  private static final String SYSTEM = "akka://bhkr@";

  private ClusterOptions() {}

  /** The seed nodes' Akka addresses, in the order given (the first seed may form the cluster). */
  record Seeds(List<String> addresses) {}

  /**
   * A run with operator endpoints on: Akka Management on its configured port or {@code managementPort};
   * a null option leaves application.conf's setting.
   */
  static Config config(String clusterHost, Seeds seeds, Integer managementPort) {
    Map<String, Object> config = new HashMap<>();
    config.put("bhkr.management.enabled", true);
    if (seeds != null) config.put("akka.cluster.seed-nodes", seeds.addresses());
    if (clusterHost != null) {
      config.put("akka.remote.artery.canonical.hostname", clusterHost);
      config.put("akka.management.http.hostname", clusterHost);
    }
    if (managementPort != null) config.put("akka.management.http.port", managementPort);
    return ConfigFactory.parseMap(config, "run's cluster options");
  }

  /** {@code host:port,host:port} → Akka addresses. */
  static final class SeedNodes implements ITypeConverter<Seeds> {
    @Override
    public Seeds convert(String value) {
      List<String> addresses = new ArrayList<>();
      for (String part : value.split(",", -1)) {
        String seed = part.trim();
        int colon = seed.lastIndexOf(':');
        if (colon <= 0) throw new TypeConversionException("takes host:port,host:port…, not '" + value + "'");
        String host = new Converters.Host().convert(seed.substring(0, colon));
        int port = new Converters.Port().convert(seed.substring(colon + 1));
        if (port == 0) throw new TypeConversionException("needs a fixed port for each seed node, not 0");
        addresses.add(SYSTEM + host + ":" + port);
      }
      return new Seeds(List.copyOf(addresses));
    }
  }
}
