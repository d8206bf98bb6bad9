package io.bhkr.cli.e2e;

import static io.bhkr.cli.walkthrough.DevelopmentMarket.P1;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.REQUESTER;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.STRANGER;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.expect;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.tokens;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.bhkr.chain.Deployment;
import io.bhkr.chain.SettlementEpoch;
import io.bhkr.chain.contracts.CustodyVault;
import io.bhkr.http.auth.DevelopmentAccounts;
import io.bhkr.cli.Node;
import io.bhkr.cli.NodeOptions;
import io.bhkr.cli.process.Anvil;
import io.bhkr.cli.walkthrough.DevelopmentMarket;
import io.bhkr.persistence.JournalProfile;
import io.bhkr.persistence.testing.TestJournal;
import java.math.BigInteger;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Economics 3 in chain mode: the winner deposits the project's profit X into the custody vault
 * on chain, and the bridge pays it into the project's escrow, which settles as vector S1 (X 300 ETH:
 * 30 ETH to each pool, 240 ETH to the requester). A profit deposit by someone who did not win the
 * project is not taken by it and stays with the depositor.
 */
class ChainProfitDepositTest {

  @ParameterizedTest
  // chain mode against anvil: run on H2 and PostgreSQL; the Cassandra set (docs/operations.md) keeps the suite short
  @EnumSource(value = JournalProfile.class, names = "CASSANDRA", mode = EnumSource.Mode.EXCLUDE)
  void theProfitDepositedOnChainSettlesTheProject(JournalProfile profile, @TempDir Path dir) throws Exception {
    assumeTrue(Anvil.installed(), "anvil is not installed at " + Anvil.BINARY);
    try (ChainNode chain = new ChainNode(dir); TestJournal journal = TestJournal.create(profile, dir);
        Node node = Node.start(NodeOptions.defaults().withHttpPort(0).withProfile(journal.profile(), journal.settings()), chain.config)) {
      DevelopmentMarket market = chain.market(node.baseUrl()); // chain mode: deposits come from the chain
      market.becomeActiveProvider(P1, 90);
      market.deposit(REQUESTER, "BHKR", tokens(100));
      String projectId = market.openQ1Project();
      expect(202, market.bid(P1, projectId, tokens(60)));
      market.awaitProjectStatus(projectId, "RUNNING");

      vault(chain, P1).depositProfit(projectId, SettlementEpoch.ETH, new BigInteger(tokens(300)), new BigInteger(tokens(300))).send();
      ChainNode.await("the project settled", () -> market.get("/api/v1/projects/" + projectId).get("status").asText().equals("SETTLED"));
      ChainNode.await("the requester's share", () -> market.balances(REQUESTER).get("ETH").asText().equals(tokens(240)));
      assertEquals("0", market.balances(P1).get("ETH").asText(), "the provider's profit went into escrow");
      for (String pool : new String[] {"reward", "insurance"})
        assertEquals(tokens(30), market.get("/api/v1/pools/" + pool).get("balances").get("ETH").asText(), pool + ": 10 % of X");

      // a stranger's "profit" for the settled project is not taken: it stays with the stranger
      vault(chain, STRANGER).depositProfit(projectId, SettlementEpoch.ETH, new BigInteger(tokens(1)), new BigInteger(tokens(1))).send();
      ChainNode.await("the stranger's deposit back", () -> market.balances(STRANGER).get("ETH").asText().equals(tokens(1)));
      assertEquals(tokens(240), market.balances(REQUESTER).get("ETH").asText(), "settled once");
      ChainNode.await("the audit caught up", () -> {
        JsonNode eth = market.get("/api/v1/audit/conservation").get("assets").get("ETH");
        return eth != null && eth.get("deposited").asText().equals(tokens(301));
      });
      JsonNode report = market.get("/api/v1/audit/conservation");
      assertEquals(true, report.get("ok").asBoolean(), report.toPrettyString());
    }
  }

  private static CustodyVault vault(ChainNode chain, int who) {
    return CustodyVault.load(chain.deployment.contracts().vault(), chain.eth.web3j(),
        Deployment.transactions(chain.eth, DevelopmentAccounts.credentials(who), chain.eth.chainId()),
        Deployment.gas(chain.eth, chain.eth.chainId()));
  }
}
