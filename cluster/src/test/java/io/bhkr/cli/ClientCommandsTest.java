package io.bhkr.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bhkr.http.auth.DevelopmentAccounts;
import io.bhkr.cli.walkthrough.DevelopmentMarket;
import io.bhkr.cli.walkthrough.Walkthrough;
import io.bhkr.persistence.JournalProfile;
import io.bhkr.persistence.testing.TestJournal;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** status, projects and providers against a node that played the worked example, through the command line as a person types it. */
class ClientCommandsTest {

  record Run(int exit, String out, String err) {}

  private static Run bhkr(String... words) {
    CommandLine line = Bhkr.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    line.setOut(new PrintWriter(out, true));
    line.setErr(new PrintWriter(err, true));
    return new Run(line.execute(words), out.toString(), err.toString());
  }

  @Test
  void statusAndTheListingsShowTheWorkedExample(@TempDir Path dir) throws Exception {
    int management;
    try (ServerSocket free = new ServerSocket(0)) {
      management = free.getLocalPort();
    }
    try (TestJournal journal = TestJournal.create(JournalProfile.EMBEDDED, dir);
        Node node = Node.start(NodeOptions.defaults().withHttpPort(0).withProfile(journal.profile(), journal.settings()),
            ClusterOptions.config(null, null, management))) {
      String api = node.baseUrl();
      String mgmt = "http://127.0.0.1:" + management;
      assertTrue(Walkthrough.run(api, System.out).reproducedS1());
      DevelopmentMarket.await("the audit's first reading after the settlement",
          () -> bhkr("status", "--api", api, "--management", mgmt).out().contains("ledger lag 0"));

      Run status = bhkr("status", "--api", api, "--management", mgmt);
      assertAll(
          () -> assertEquals(0, status.exit(), status.out() + status.err()),
          () -> assertTrue(status.out().contains("UP, journal profile embedded, development genesis"), status.out()),
          () -> assertTrue(status.out().contains("Readiness: ready"), status.out()),
          () -> assertTrue(status.out().contains(" Up ") && status.out().contains("(this node)"), status.out()),
          () -> assertTrue(status.out().contains("Chain bridge: none (a chain-less node)"), status.out()),
          () -> assertTrue(status.out().contains("Conservation audit: OK"), status.out()));

      Run projects = bhkr("projects", "--api", api, "--status", "SETTLED");
      String requester = DevelopmentAccounts.address(7);
      assertAll(
          () -> assertEquals(0, projects.exit(), projects.err()),
          () -> assertTrue(projects.out().startsWith("PROJECT "), projects.out()),
          () -> assertTrue(projects.out().contains("SETTLED  " + requester + "  100 BHKR  80 BHKR"), projects.out()),
          () -> assertTrue(projects.out().contains("60 BHKR"), "the auction price:\n" + projects.out()),
          () -> assertTrue(projects.out().endsWith("1 project.\n"), projects.out()));
      assertTrue(bhkr("projects", "--api", api, "--status", "BIDDING").out().endsWith("0 projects.\n"));

      Run page = bhkr("providers", "--api", api, "--limit", "1");
      String[] lines = page.out().split("\n");
      assertAll(
          () -> assertEquals(0, page.exit(), page.err()),
          () -> assertTrue(lines[0].matches("PROVIDER +BRAND +STATUS +SCORE +COLLATERAL +MAX PRICE +RUNNING"), lines[0]),
          () -> assertEquals(3, lines.length, page.out()),
          () -> assertTrue(lines[2].startsWith("More on the next page: java -jar bhkr.jar providers --after 0x"), lines[2]));
      String after = lines[2].split(" ")[10];
      Run rest = bhkr("providers", "--api", api, "--after", after);
      assertTrue(rest.out().contains("ACTIVE") && !rest.out().contains(after), rest.out());

      Run balance = call("--api", api, "--field", "balances.ETH", "GET", "/api/v1/accounts/" + requester);
      Run noSuchField = call("--api", api, "--field", "balances.DOGE", "GET", "/api/v1/accounts/" + requester);
      Run notFound = call("--api", api, "--field", "status", "GET", "/api/v1/projects/no-such-project");
      assertAll(
          () -> assertEquals(new Run(0, "240000000000000000000\n", ""), balance, "call --field prints the field alone"),
          () -> assertEquals(1, noSuchField.exit()),
          () -> assertTrue(noSuchField.out().isEmpty() && noSuchField.err().contains("the answer has no field balances.DOGE"), noSuchField.err()),
          () -> assertEquals(1, notFound.exit()),
          () -> assertTrue(notFound.out().isEmpty() && notFound.err().startsWith("HTTP 404"), notFound.err()));

      Run refused = bhkr("projects", "--api", api, "--status", "SLEEPING");
      assertEquals(1, refused.exit(), "the node's problem+json is shown: " + refused.err());
      assertTrue(refused.err().contains("HTTP 400"), refused.err());
    }
  }

  /** call prints on the streams it is given, not picocli's. */
  private static Run call(String... words) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(), err = new java.io.ByteArrayOutputStream();
    List<String> line = new java.util.ArrayList<>(List.of("call"));
    line.addAll(List.of(words));
    CallCommand.Request request = CommandLines.parsed(ToolCommands.Call.class, line.toArray(String[]::new)).request();
    int exit = CallCommand.call(request, new java.io.PrintStream(out, true), new java.io.PrintStream(err, true));
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void statusWithoutANodeSaysSoAndExits1() {
    Run run = bhkr("status", "--api", "http://127.0.0.1:9", "--management", "http://127.0.0.1:9");
    assertEquals(1, run.exit());
    assertTrue(run.out().contains("no answer (is a node running there?)"), run.out());
  }
}
