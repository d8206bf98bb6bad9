package io.bhkr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.bhkr.persistence.JournalProfile;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code run}'s cluster options become the Akka settings they stand for; bad ones are usage errors. */
class ClusterOptionsTest {

  private static NodeCommands.Settings settings(String... words) {
    return CommandLines.parsed(NodeCommands.Run.class, words).settings(null, null);
  }

  private static Config effective(NodeCommands.Settings settings) {
    return settings.overrides().withFallback(ConfigFactory.load()).resolve();
  }

  @Test
  void seedNodesHostAndManagementPortBecomeAkkaSettings() {
    NodeCommands.Settings s = settings("run", "--http-port", "18620", "--seed-nodes", "127.0.0.1:25620, 10.0.0.2:25521",
        "--cluster-host=10.0.0.1", "--management-port", "19620", "--profile", "postgres");
    assertEquals(18620, s.options().httpPort());
    assertEquals(JournalProfile.POSTGRES, s.options().profile());
    Config c = effective(s);
    assertEquals(List.of("akka://bhkr@127.0.0.1:25620", "akka://bhkr@10.0.0.2:25521"), c.getStringList("akka.cluster.seed-nodes"));
    assertEquals("10.0.0.1", c.getString("akka.remote.artery.canonical.hostname"));
    assertEquals("10.0.0.1", c.getString("akka.management.http.hostname"));
    assertEquals(19620, c.getInt("akka.management.http.port"));
    assertTrue(c.getBoolean("bhkr.management.enabled"));
  }

  @Test
  void withoutOptionsTheNodeJoinsItselfAndManagementUsesTheConfiguredPort() {
    Config c = effective(settings("run"));
    assertTrue(c.getStringList("akka.cluster.seed-nodes").isEmpty());
    assertEquals(8558, c.getInt("akka.management.http.port"));
    assertEquals("keep-majority", c.getString("akka.cluster.split-brain-resolver.active-strategy"));
    assertFalse(ConfigFactory.load().getBoolean("bhkr.management.enabled"), "an embedded node binds no management port");
  }

  @Test
  void badValuesAreUsageErrorsNamingTheOption() {
    for (List<String> words : List.of(List.of("--seed-nodes", "127.0.0.1"), List.of("--seed-nodes", "127.0.0.1:0"),
        List.of("--seed-nodes", "127.0.0.1:25520,"), List.of("--seed-nodes", "h@st:25520"), List.of("--seed-nodes"),
        List.of("--management-port", "70000"), List.of("--cluster-host", "a b"))) {
      List<String> line = new java.util.ArrayList<>(List.of("run", "--profile", "postgres"));
      line.addAll(words);
      String why = CommandLines.refused(line);
      assertTrue(why.contains(words.get(0)), why);
    }
    assertEquals("--management-port must be a port number 0..65535, not '70000'", CommandLines.refused("run", "--management-port", "70000"));
    assertEquals("--seed-nodes needs a fixed port for each seed node, not 0",
        CommandLines.refused("run", "--profile", "postgres", "--seed-nodes", "127.0.0.1:0"));
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
