package io.bhkr.cli.e2e;

import static io.bhkr.cli.walkthrough.DevelopmentMarket.GOVERNOR_1;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.OPERATOR;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.P1;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.REQUESTER;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.STRANGER;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.address;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.expect;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.tokens;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.bhkr.cli.Node;
import io.bhkr.cli.NodeOptions;
import io.bhkr.cli.walkthrough.DevelopmentMarket;
import io.bhkr.persistence.JournalProfile;
import io.bhkr.persistence.testing.TestJournal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 5 through the API: an account stands with a BHKR stake, a sidecar staker gives it votes,
 * the operator holds the election, and the new governor proposes a parameter change that passes
 * with a second governor's vote; the one that did not vote has a missed vote, and the governor
 * stake shows in the conservation audit.
 */
class GovernorElectionTest {

  private static final String NODE = "node-elect";

  @ParameterizedTest
  // a representative set runs on Cassandra (docs/operations.md, "Cassandra"); this one on H2 and PostgreSQL
  @EnumSource(value = JournalProfile.class, names = "CASSANDRA", mode = EnumSource.Mode.EXCLUDE)
  void anElectedGovernorVotesAParameterChange(JournalProfile profile, @TempDir Path dir) {
    try (TestJournal journal = TestJournal.create(profile, dir);
        Node node = Node.start(NodeOptions.defaults().withHttpPort(0).withProfile(journal.profile(), journal.settings()))) {
      DevelopmentMarket market = new DevelopmentMarket(node.baseUrl(), null);
      JsonNode genesis = market.get("/api/v1/governance");
      assertEquals("AUTOMATED", genesis.get("phase").asText(), "the development genesis seats all 2n + 1");
      assertEquals(3, genesis.get("governors").size());
      assertEquals("0", genesis.get("governors").get(0).get("stake").asText());

      market.deposit(STRANGER, "BHKR", tokens(1000));
      market.deposit(REQUESTER, "BHKR", tokens(500));
      String candidacy = "/api/v1/governance/candidacies";
      expect(400, market.as(STRANGER).post(candidacy, "{}")); // governorMinStake is 0 in development: say how much
      expect(409, market.as(STRANGER).post(candidacy, stake(5000))); // more than the account holds
      JsonNode standing = expect(201, market.as(STRANGER).post(candidacy, stake(100)));
      assertEquals("CANDIDATE", standing.get("role").asText());
      assertEquals(tokens(100), standing.get("stake").asText());
      assertEquals(tokens(900), market.balances(STRANGER).get("BHKR").asText());

      // the requester stakes 50 BHKR on a sidecar and gives them as votes
      market.becomeActiveProvider(P1, 90);
      expect(201, market.as(P1).post("/api/v1/providers/" + address(P1) + "/nodes", """
          {"nodeId":"%s","endpoint":"http://127.0.0.1:8545","sidecarAddress":"%s",
           "capacity":{"cpuGhz":4,"ramGb":16,"storageGb":256,"bandwidthMbps":100}}""".formatted(NODE, address(9))));
      expect(200, market.as(REQUESTER).post("/api/v1/nodes/" + NODE + "/stakes", "{\"amount\":" + bhkr(50) + "}"));
      String votes = "/api/v1/governance/election-votes";
      expect(409, market.as(REQUESTER).post(votes, give(address(STRANGER), 60)));
      expect(404, market.as(REQUESTER).post(votes, give(address(9), 10)));
      JsonNode given = expect(200, market.as(REQUESTER).post(votes, give(address(STRANGER), 50)));
      assertEquals(tokens(50), given.get("totalGiven").get("amount").asText());

      // the operator holds the election now: the candidate's 150 votes beat the genesis governors' 0
      expect(403, market.as(STRANGER).post("/api/v1/governance/elections", "{}"));
      JsonNode election = expect(200, market.as(OPERATOR).post("/api/v1/governance/elections", "{}"));
      assertEquals(address(STRANGER), election.get("elected").get(0).asText());
      assertEquals(3, election.get("elected").size());
      JsonNode after = market.get("/api/v1/governance");
      assertEquals("AUTOMATED", after.get("phase").asText());
      List<String> seated = new ArrayList<>();
      after.get("governors").forEach(g -> seated.add(g.get("address").asText()));
      assertTrue(seated.contains(address(STRANGER)), seated.toString());
      assertEquals(3, seated.size());
      JsonNode newcomer = governor(after, address(STRANGER));
      assertEquals(tokens(100), newcomer.get("stake").asText());
      assertEquals(tokens(50), newcomer.get("votesGiven").asText());

      // the new governor proposes; one more governor's yes passes it (n + 1 = 2)
      int other = seated.contains(address(GOVERNOR_1)) ? GOVERNOR_1 : GOVERNOR_1 + 1;
      String absent = seated.stream().filter(a -> !a.equals(address(STRANGER)) && !a.equals(address(other))).findFirst().orElseThrow();
      JsonNode opened = expect(201, market.as(STRANGER).post("/api/v1/governance/proposals",
          "{\"kind\":\"SET_PARAMETER\",\"name\":\"rpBps\",\"value\":1500}"));
      String id = opened.get("proposalId").asText();
      expect(200, market.as(STRANGER).post("/api/v1/governance/proposals/" + id + "/votes", "{\"vote\":\"YES\"}"));
      JsonNode passed = expect(200, market.as(other).post("/api/v1/governance/proposals/" + id + "/votes", "{\"vote\":\"YES\"}"));
      assertEquals("PASSED", passed.get("status").asText());
      JsonNode decided = market.get("/api/v1/governance");
      assertEquals(1500, decided.get("parameters").get("rpBps").asInt());
      assertEquals(governor(after, absent).get("missedVotes").asInt() + 1, governor(decided, absent).get("missedVotes").asInt(),
          "the governor that did not vote missed one more");
      assertEquals(0, governor(decided, address(STRANGER)).get("missedVotes").asInt());

      // the governor stake is held by governance and counted among the stakes: nothing made or lost
      AtomicReference<JsonNode> report = new AtomicReference<>();
      DevelopmentMarket.await("the ledger projection to catch up", () -> {
        JsonNode r = market.get("/api/v1/audit/conservation");
        report.set(r);
        return r.get("transfers").get("inFlight").asLong() == 0
            && r.get("assets").get("BHKR").get("heldBy").get("stakes").asText().equals(tokens(150));
      });
      assertTrue(report.get().get("ok").asBoolean(), report.get().toPrettyString());
      assertFalse(report.get().get("anomalies").size() > 0);
    }
  }

  private static JsonNode governor(JsonNode governance, String address) {
    for (JsonNode g : governance.get("governors")) if (g.get("address").asText().equals(address)) return g;
    throw new AssertionError(address + " is not seated: " + governance);
  }

  private static String bhkr(long whole) {
    return "{\"asset\":\"BHKR\",\"amount\":\"" + tokens(whole) + "\"}";
  }

  private static String stake(long whole) {
    return "{\"stake\":" + bhkr(whole) + "}";
  }

  private static String give(String candidate, long whole) {
    return "{\"candidate\":\"" + candidate + "\",\"amount\":" + bhkr(whole) + "}";
  }
}
