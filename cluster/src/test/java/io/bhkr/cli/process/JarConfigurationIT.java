package io.bhkr.cli.process;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The configuration inside bhkr.jar as Akka loads it there (application.conf over the one merged
 * reference.conf): the settings BHKR overrides must survive the merge, where Akka's defaults
 * follow the modules' own reference.conf and would otherwise win.
 */
class JarConfigurationIT {

  @Test
  void theNodeSettingsSurviveTheMergedReferenceConf() throws Exception {
    // Only the jar's resources, as when it runs: no class path of the test behind it.
    try (URLClassLoader jarOnly = new URLClassLoader(new URL[] {NodeProcess.jar().toUri().toURL()}, null)) {
      check(ConfigFactory.load(jarOnly));
    }
  }

  private static void check(Config config) {
    assertEquals("eventsourced", config.getString("akka.cluster.sharding.remember-entities-store"),
        "remembered entities must live in the journal, not in a per-port LMDB folder");
    assertEquals(List.of(), config.getStringList("akka.cluster.sharding.distributed-data.durable.keys"));
    assertEquals(true, config.getBoolean("akka.http.server.raw-request-uri-header"), "signatures cover the raw path");
    assertEquals(64 * 1024, config.getBytes("akka.http.server.parsing.max-content-length"));
    assertEquals("jackson-json", config.getString("akka.actor.serialization-bindings.\"io.bhkr.serialization.JsonSerializable\""));
    // the cluster's operator settings (docs/operations.md) over Akka Management's and the SBR's own defaults
    assertEquals("keep-majority", config.getString("akka.cluster.split-brain-resolver.active-strategy"));
    assertEquals("akka.cluster.sbr.SplitBrainResolverProvider", config.getString("akka.cluster.downing-provider-class"));
    assertEquals("io.bhkr.cli.NodeReadiness", config.getString("akka.management.health-checks.readiness-checks.bhkr-node"));
    assertEquals("akka.management.cluster.scaladsl.ClusterMembershipCheck",
        config.getString("akka.management.health-checks.readiness-checks.cluster-membership"), "Akka's membership check stays beside ours");
    assertEquals(false, config.getBoolean("akka.management.http.route-providers-read-only"), "operators leave and down members over HTTP");
    assertEquals("akka.management.cluster.ClusterHttpManagementRouteProvider", config.getString("akka.management.http.routes.cluster-management"));
  }
}
