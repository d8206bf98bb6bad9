package io.bhkr.cli.process;

import static io.bhkr.cli.walkthrough.DevelopmentMarket.P1;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.REQUESTER;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.tokens;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.bhkr.cli.walkthrough.DevelopmentMarket;
import io.bhkr.cli.walkthrough.Walkthrough;
import io.bhkr.persistence.testing.CassandraTestServer;
import io.bhkr.persistence.testing.PostgresTestDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged node on the cassandra profile, as docs/operations.md runs it: the first start
 * creates the keyspaces (--cassandra-create-tables), the whitepaper's worked example reproduces
 * vector S1 and the conservation audit balances; then SIGKILL (no Coordinated Shutdown), and a
 * second process on the same keyspaces and read side recovers every balance from Cassandra and
 * reports the same audit; a deposit made after the restart is the one event the audit adds.
 */
class CassandraKillIT {

  private static final String AUDIT = "/api/v1/audit/conservation";

  @TempDir Path workDir;
  @TempDir Path dataDir;

  @Test
  void theWorkedExampleSurvivesASigkillOnCassandra() throws Exception {
    String keyspace = "kill_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (PostgresTestDatabase readSide = PostgresTestDatabase.create()) {
      List<String> options = List.of("--profile", "cassandra", "--cassandra-contact-points", CassandraTestServer.contactPoint(),
          "--cassandra-keyspace", keyspace, "--cassandra-snapshot-keyspace", keyspace + "_snap",
          "--cassandra-first-time-bucket", firstTimeBucket(),
          "--postgres-url", readSide.url(), "--postgres-user", PostgresTestDatabase.USER, "--data-dir", dataDir.toString());
      JsonNode before;
      try (NodeProcess first = NodeProcess.startNode("cassandra-first", workDir, with(options, "--cassandra-create-tables"))) {
        assertTrue(first.output().contains("Cassandra schema at"), "the first node created the schema:\n" + first.output());
        Walkthrough.Outcome outcome = Walkthrough.run(first.base().toString(), System.out);
        assertTrue(outcome.reproducedS1(), "the walkthrough reports S1");
        before = settledAudit(new DevelopmentMarket(first.base().toString(), null));
        assertTrue(before.get("ok").asBoolean(), before::toPrettyString);
        first.kill();
      }
      try (NodeProcess second = NodeProcess.startNode("cassandra-second", workDir, options)) {
        DevelopmentMarket market = new DevelopmentMarket(second.base().toString(), null);
        assertEquals(tokens(60), market.balances(P1).get("BHKR").asText(), "provider: the auction price");
        assertEquals(tokens(20), market.balances(REQUESTER).get("BHKR").asText());
        assertEquals(tokens(240), market.balances(REQUESTER).get("ETH").asText());
        assertEquals(tokens(30), market.get("/api/v1/pools/insurance").get("balances").get("ETH").asText());
        JsonNode after = settledAudit(market);
        assertEquals(before, after, "the audit after the restart reads as before");
        // The projection must have resumed past its stored offset, not merely kept its tables: a new
        // deposit after the restart shows up, and it is the only event added (nothing re-read twice).
        market.deposit(REQUESTER, "BHKR", "1");
        java.math.BigInteger deposited = new java.math.BigInteger(before.get("assets").get("BHKR").get("deposited").asText());
        DevelopmentMarket.await("the deposit after the restart to be audited", () ->
            market.get(AUDIT).get("assets").get("BHKR").get("deposited").asText().equals(deposited.add(java.math.BigInteger.ONE).toString()));
        JsonNode resumed = market.get(AUDIT);
        assertTrue(resumed.get("ok").asBoolean(), resumed::toPrettyString);
        assertEquals(before.get("events").asLong() + 1, resumed.get("events").asLong(), resumed::toPrettyString);
        assertEquals(before.get("transfers"), resumed.get("transfers"));
        second.stop();
      }
    }
  }

  /** The audit once the example's twelve transfers are all received (the tag query lags ~5 s on Cassandra). */
  private static JsonNode settledAudit(DevelopmentMarket market) {
    AtomicReference<JsonNode> last = new AtomicReference<>();
    DevelopmentMarket.await("the ledger projection to catch up", () -> {
      last.set(market.get(AUDIT));
      JsonNode t = last.get().get("transfers");
      return t.get("sent").asLong() >= 12 && t.get("inFlight").asLong() == 0;
    });
    return last.get();
  }

  private static String firstTimeBucket() {
    return java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).minusHours(1).truncatedTo(java.time.temporal.ChronoUnit.HOURS)
        .format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HH:mm"));
  }

  private static List<String> with(List<String> options, String more) {
    List<String> all = new ArrayList<>(options);
    all.add(more);
    return all;
  }
}
