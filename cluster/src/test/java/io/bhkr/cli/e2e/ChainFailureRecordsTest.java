package io.bhkr.cli.e2e;

import static io.bhkr.cli.walkthrough.DevelopmentMarket.OPERATOR;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.P1;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.P2;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.REQUESTER;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.STRANGER;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.address;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.expect;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.tokens;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.bhkr.chain.contracts.Registry;
import io.bhkr.cli.Node;
import io.bhkr.cli.NodeOptions;
import io.bhkr.cli.process.Anvil;
import io.bhkr.cli.walkthrough.DevelopmentMarket;
import io.bhkr.persistence.JournalProfile;
import io.bhkr.persistence.testing.TestJournal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.web3j.abi.EventEncoder;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;

/**
 * Issue 6: every project failure and slashing claim of the journal is published once on the
 * Registry ({@code FailureRecorded}), by a node in chain mode against anvil, also over a restart.
 */
class ChainFailureRecordsTest {

  @ParameterizedTest
  // also on Cassandra: the chain feed (an at-least-once projection) over Cassandra's tag query
  @EnumSource(JournalProfile.class)
  void failuresAndSlashingsAreRecordedOnChainOnceAcrossARestart(JournalProfile profile, @TempDir Path dir) throws Exception {
    assumeTrue(Anvil.installed(), "anvil is not installed at " + Anvil.BINARY);
    try (ChainNode chain = new ChainNode(dir); TestJournal journal = TestJournal.create(profile, dir)) {
      NodeOptions options = NodeOptions.defaults().withHttpPort(0).withProfile(journal.profile(), journal.settings());
      String failing;
      String compensation;
      try (Node node = Node.start(options, chain.config)) {
        DevelopmentMarket market = chain.market(node.baseUrl()); // chain mode: deposits come from the chain
        market.becomeActiveProvider(P1, 90);
        market.becomeActiveProvider(P2, 90);
        market.deposit(REQUESTER, "BHKR", tokens(300));
        failing = running(market, P1);
        compensation = expect(200, market.as(OPERATOR).post("/api/v1/projects/" + failing + "/failure", "{\"reason\":\"node down\"}"))
            .get("failure").get("compensation").get("amount").asText();
        expect(200, market.as(OPERATOR).post("/api/v1/pools/insurance/claims",
            "{\"claimId\":\"slash-1\",\"provider\":\"%s\",\"asset\":\"ETH\",\"losses\":{\"%s\":\"%s\"}}"
                .formatted(address(P2), address(STRANGER), tokens(2))));
        ChainNode.await("both records on chain", () -> failures(chain).size() == 2);
      }
      try (Node again = Node.start(options, chain.config)) {
        DevelopmentMarket market = new DevelopmentMarket(again.baseUrl(), null);
        // a later failure of each kind: once it is on chain, the projections have read past the first ones again
        String later = running(market, P2);
        expect(200, market.as(OPERATOR).post("/api/v1/projects/" + later + "/failure", "{\"reason\":\"disk lost\"}"));
        expect(200, market.as(OPERATOR).post("/api/v1/pools/insurance/claims",
            "{\"claimId\":\"slash-2\",\"asset\":\"ETH\",\"losses\":{\"%s\":\"%s\"}}".formatted(address(STRANGER), tokens(1))));
        ChainNode.await("the later records on chain", () -> failures(chain).size() >= 4);
        Map<String, Registry.FailureRecordedEventResponse> byId = new TreeMap<>();
        for (Registry.FailureRecordedEventResponse f : failures(chain))
          assertEquals(null, byId.put(f.projectId, f), f.projectId + " is recorded once");
        assertEquals(List.of(failing, later, "slash-1", "slash-2").stream().sorted().toList(), List.copyOf(byId.keySet()));
        Registry.FailureRecordedEventResponse first = byId.get(failing);
        assertEquals(address(P1), first.provider.toLowerCase());
        assertEquals(BigInteger.ZERO, first.kind); // SERVICE_FAILURE
        assertEquals(new BigInteger(compensation), first.amount);
        Registry.FailureRecordedEventResponse slash = byId.get("slash-1");
        assertEquals(address(P2), slash.provider.toLowerCase());
        assertEquals(BigInteger.ONE, slash.kind); // SLASHING
        assertEquals(new BigInteger(tokens(2)), slash.amount);
        assertEquals("0x0000000000000000000000000000000000000000", byId.get("slash-2").provider);
        assertEquals(BigInteger.valueOf(4), registry(chain).failureCount().send());
      }
    }
  }

  /** A Q1 project won by {@code provider}'s single bid, awaited until it runs. */
  private static String running(DevelopmentMarket market, int provider) {
    String projectId = market.openQ1Project();
    expect(202, market.bid(provider, projectId, tokens(60)));
    JsonNode project = market.awaitProjectStatus(projectId, "RUNNING");
    assertEquals(address(provider), project.get("winner").asText());
    return projectId;
  }

  private static Registry registry(ChainNode chain) {
    return Registry.load(chain.deployment.contracts().registry(), chain.eth.web3j(), ChainNode.BRIDGE,
        new org.web3j.tx.gas.DefaultGasProvider());
  }

  private static List<Registry.FailureRecordedEventResponse> failures(ChainNode chain) {
    try {
      EthFilter filter = new EthFilter(DefaultBlockParameter.valueOf(BigInteger.valueOf(chain.deployment.startBlock())),
          DefaultBlockParameterName.LATEST, chain.deployment.contracts().registry());
      filter.addSingleTopic(EventEncoder.encode(Registry.FAILURERECORDED_EVENT));
      EthLog logs = chain.eth.web3j().ethGetLogs(filter).send();
      return logs.getLogs().stream().map(r -> Registry.getFailureRecordedEventFromLog((Log) r.get())).toList();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
