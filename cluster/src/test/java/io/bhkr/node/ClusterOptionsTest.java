package io.bhkr.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code run}'s cluster options become the Akka settings they stand for; bad ones are usage errors. */
class ClusterOptionsTest {

  private static Config effective(ClusterOptions.Split split) {
    return split.config().withFallback(ConfigFactory.load()).resolve();
  }

  @Test
  void seedNodesHostAndManagementPortBecomeAkkaSettings() {
    ClusterOptions.Split split = ClusterOptions.split(List.of("--http-port", "18620", "--seed-nodes", "127.0.0.1:25620, 10.0.0.2:25521",
        "--cluster-host=10.0.0.1", "--management-port", "19620", "--profile", "postgres"));
    assertEquals(List.of("--http-port", "18620", "--profile", "postgres"), split.rest());
    assertTrue(split.seedNodesGiven());
    Config c = effective(split);
    assertEquals(List.of("akka://bhkr@127.0.0.1:25620", "akka://bhkr@10.0.0.2:25521"), c.getStringList("akka.cluster.seed-nodes"));
    assertEquals("10.0.0.1", c.getString("akka.remote.artery.canonical.hostname"));
    assertEquals("10.0.0.1", c.getString("akka.management.http.hostname"));
    assertEquals(19620, c.getInt("akka.management.http.port"));
    assertTrue(c.getBoolean("bhkr.management.enabled"));
  }

  @Test
  void withoutOptionsTheNodeJoinsItselfAndManagementUsesTheConfiguredPort() {
    ClusterOptions.Split split = ClusterOptions.split(List.of());
    assertFalse(split.seedNodesGiven());
    Config c = effective(split);
    assertTrue(c.getStringList("akka.cluster.seed-nodes").isEmpty());
    assertEquals(8558, c.getInt("akka.management.http.port"));
    assertEquals("keep-majority", c.getString("akka.cluster.split-brain-resolver.active-strategy"));
    assertFalse(ConfigFactory.load().getBoolean("bhkr.management.enabled"), "an embedded node binds no management port");
  }

  @Test
  void badValuesAreUsageErrors() {
    for (List<String> words : List.of(List.of("--seed-nodes", "127.0.0.1"), List.of("--seed-nodes", "127.0.0.1:0"),
        List.of("--seed-nodes", "127.0.0.1:25520,"), List.of("--seed-nodes", "h@st:25520"), List.of("--seed-nodes"),
        List.of("--management-port", "70000"), List.of("--cluster-host", "a b")))
      assertThrows(UsageError.class, () -> ClusterOptions.split(words), words.toString());
  }

  @Test
  void anEmbeddedJournalCannotJoinOthers() {
    java.io.PrintStream err = System.err;
    java.io.ByteArrayOutputStream said = new java.io.ByteArrayOutputStream();
    System.setErr(new java.io.PrintStream(said, true, java.nio.charset.StandardCharsets.UTF_8));
    try {
      assertEquals(2, Main.execute(List.of("run", "--seed-nodes", "127.0.0.1:25520")));
    } finally {
      System.setErr(err);
    }
    assertTrue(said.toString(java.nio.charset.StandardCharsets.UTF_8).contains("--seed-nodes needs a shared journal"), said.toString());
  }
}
