package io.bhkr.cli.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bhkr.http.auth.DevelopmentAccounts;
import io.bhkr.http.client.SignedClient;
import io.bhkr.persistence.testing.PostgresTestDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar as an operator runs it: a deposit made through the API, a SIGTERM that must run
 * Coordinated Shutdown, and a second start on the same journal that still knows the deposit.
 */
class NodeRestartIT {

  private static final String DEPOSITOR = DevelopmentAccounts.address(5);

  @TempDir Path dataDir;
  @TempDir Path workDir;

  @Test
  void embeddedJournalKeepsADepositAcrossARestart() throws Exception {
    depositStopRestart("embedded", List.of("--profile", "embedded", "--data-dir", dataDir.toString()));
  }

  @Test
  void postgresJournalKeepsADepositAcrossARestart() throws Exception {
    PostgresTestDatabase database = PostgresTestDatabase.create();
    try {
      // --data-dir as well, so nothing lands in ./data of the working folder.
      depositStopRestart("postgres", List.of("--profile", "postgres", "--postgres-url", database.url(),
          "--postgres-user", PostgresTestDatabase.USER, "--data-dir", dataDir.toString()));
    } finally {
      database.close();
    }
  }

  private void depositStopRestart(String name, List<String> options) throws Exception {
    try (NodeProcess first = NodeProcess.startNode(name + "-first", workDir, options)) {
      SignedClient operator = new SignedClient(first.base(), DevelopmentAccounts.credentials(0));
      SignedClient.Response deposit = operator.post("/api/v1/dev/deposits",
          "{\"account\":\"" + DEPOSITOR + "\",\"asset\":\"BHKR\",\"amount\":\"1000\"}");
      assertEquals(201, deposit.status(), deposit.body());
      assertEquals("1000", bhkrBalance(first));

      String output = first.stop();
      assertTrue(output.contains("Running CoordinatedShutdown"), "no Coordinated Shutdown in the output:\n" + output);
      assertTrue(output.contains("BHKR node stopped"), "no 'BHKR node stopped' in the output:\n" + output);
    }
    try (NodeProcess second = NodeProcess.startNode(name + "-second", workDir, options)) {
      assertEquals("1000", bhkrBalance(second), "the deposit did not survive the restart");
      second.stop();
    }
  }

  private static String bhkrBalance(NodeProcess node) {
    SignedClient.Response account = node.client().get("/api/v1/accounts/" + DEPOSITOR);
    assertEquals(200, account.status(), account.body());
    return NodeProcess.json(account.body()).path("balances").path("BHKR").asText();
  }
}
