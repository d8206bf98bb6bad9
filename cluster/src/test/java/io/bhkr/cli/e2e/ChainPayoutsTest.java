package io.bhkr.cli.e2e;

import static io.bhkr.cli.walkthrough.DevelopmentMarket.REQUESTER;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.STRANGER;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.address;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.expect;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.tokens;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.bhkr.bytes.Hex;
import io.bhkr.chain.Deployment;
import io.bhkr.chain.SettlementEpoch;
import io.bhkr.chain.contracts.CustodyVault;
import io.bhkr.chain.contracts.SettlementAnchor;
import io.bhkr.http.auth.DevelopmentAccounts;
import io.bhkr.cli.Node;
import io.bhkr.cli.NodeOptions;
import io.bhkr.cli.process.Anvil;
import io.bhkr.cli.walkthrough.DevelopmentMarket;
import io.bhkr.persistence.JournalProfile;
import io.bhkr.persistence.testing.TestJournal;
import io.bhkr.replay.AnchoredRoots;
import io.bhkr.replay.JournalSource;
import io.bhkr.replay.Replay;
import io.bhkr.replay.Verification;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
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
import org.web3j.tx.gas.DefaultGasProvider;

/**
 * Issue 6's settlement epoch through the node against anvil: ETH deposited on chain; the account
 * asks for payouts to chain; the node goes down and comes back; the payout epoch closes, its root
 * is anchored and the vault funds it, once; the account claims the exact amount with the proof
 * from the API, and a second claim fails; the conservation audit counts the payouts withdrawn,
 * once, also after another restart. A chain-less node refuses payouts.
 */
class ChainPayoutsTest {

  private static final String TENTH = "100000000000000000"; // 0.1 ETH

  @ParameterizedTest
  // chain mode against anvil: run on H2 and PostgreSQL; the Cassandra set (docs/operations.md) keeps the suite short
  @EnumSource(value = JournalProfile.class, names = "CASSANDRA", mode = EnumSource.Mode.EXCLUDE)
  void aPayoutEpochIsAnchoredFundedOnceAndClaimedExactlyOnce(JournalProfile profile, @TempDir Path dir) throws Exception {
    assumeTrue(Anvil.installed(), "anvil is not installed at " + Anvil.BINARY);
    try (ChainNode chain = new ChainNode(dir); TestJournal journal = TestJournal.create(profile, dir)) {
      Config config = ConfigFactory.parseMap(Map.of("bhkr.chain.payout-epoch-seconds", 4,
          "bhkr.chain.payout-check-interval", "300ms", "bhkr.chain.payout-close-delay", "1s"))
          .withFallback(chain.config);
      NodeOptions options = NodeOptions.defaults().withHttpPort(0).withProfile(journal.profile(), journal.settings());
      String account = address(REQUESTER);
      String vaultAddress = chain.deployment.contracts().vault();
      String anchorAddress = chain.deployment.contracts().anchor();
      List<JsonNode> asked = new ArrayList<>();
      long epochs;
      try (Node node = Node.start(options, config)) {
        DevelopmentMarket market = new DevelopmentMarket(node.baseUrl(), null);
        vault(chain, REQUESTER).depositEth(account, new BigInteger(tokens(2))).send();
        ChainNode.await("the deposit credited", () -> eth(market, "balances").equals(tokens(2)));

        expect(409, market.as(REQUESTER).post(path(account), body(tokens(3)))); // more than it holds
        expect(403, market.as(STRANGER).post(path(account), body(TENTH)));
        expect(400, market.as(REQUESTER).post(path(account), "{\"amount\":{\"asset\":\"AETH\",\"amount\":\"1\"}}"));
        asked.add(expect(201, market.as(REQUESTER).post(path(account), body(tokens(1)))));
        asked.add(expect(201, market.as(REQUESTER).post(path(account), body(TENTH))));
        assertEquals(0, asked.get(0).get("number").asInt());
        assertEquals(1, asked.get(1).get("number").asInt());
        assertEquals(0, asked.get(0).get("epoch").asLong() % 2, "an ETH epoch is even");
        assertEquals("900000000000000000", eth(market, "balances"));
        assertEquals("1100000000000000000", eth(market, "payingOut"));
      }
      // down and up again: whatever was or was not done before, each epoch is anchored and funded once
      try (Node node = Node.start(options, config)) {
        DevelopmentMarket market = new DevelopmentMarket(node.baseUrl(), null);
        ChainNode.await("the payouts counted withdrawn", () -> eth(market, "payingOut").equals("0"));
        JsonNode claims = market.get("/api/v1/accounts/" + account + "/claims").get("claims");
        // the two payouts fell into one epoch (one leaf, summed) or, across a boundary (or read by the
        // closer after their epoch closed), into two later ETH epochs: never less, never twice
        Map<Long, BigInteger> listed = new TreeMap<>();
        claims.forEach(c -> assertEquals(null, listed.put(c.get("epoch").asLong(), new BigInteger(c.get("amount").asText())), "one leaf per epoch"));
        assertEquals(new BigInteger("1100000000000000000"), listed.values().stream().reduce(BigInteger.ZERO, BigInteger::add));
        long firstAsked = asked.get(0).get("epoch").asLong();
        listed.keySet().forEach(e -> assertTrue(e % 2 == 0 && e >= firstAsked, "an ETH epoch, not before the request: " + e));

        SettlementAnchor anchor = SettlementAnchor.load(anchorAddress, chain.eth.web3j(), DevelopmentAccounts.credentials(STRANGER),
            new DefaultGasProvider());
        assertEquals(new BigInteger("1100000000000000000"), ethOf(chain, anchorAddress), "the vault funded exactly the totals");
        assertEquals(new BigInteger("900000000000000000"), ethOf(chain, vaultAddress));
        for (JsonNode c : claims) {
          long epoch = c.get("epoch").asLong();
          BigInteger amount = new BigInteger(c.get("amount").asText());
          assertEquals("ETH", c.get("asset").asText());
          assertEquals(anchorAddress, c.get("anchor").asText());
          assertEquals(false, c.get("claimed").asBoolean());
          SettlementEpoch tree = new SettlementEpoch(epoch, List.of(new SettlementEpoch.Payout(account, SettlementEpoch.ETH, amount)));
          assertArrayEquals(tree.root(), anchor.rootOf(BigInteger.valueOf(epoch)).send(), "the root on chain is the epoch's");
          assertEquals(amount, anchor.totalOf(BigInteger.valueOf(epoch)).send());
          List<byte[]> proof = new ArrayList<>();
          c.get("proof").forEach(h -> proof.add(Hex.decode(h.asText())));

          // a stranger submits the claim (and pays its gas): the account's balance rises by exactly the amount
          BigInteger before = ethOf(chain, account);
          anchor.claim(BigInteger.valueOf(epoch), account, SettlementEpoch.ETH, amount, proof).send();
          assertEquals(before.add(amount), ethOf(chain, account));
          assertThrows(Exception.class, () -> anchor.claim(BigInteger.valueOf(epoch), account, SettlementEpoch.ETH, amount, proof).send(),
              "a second claim of the same leaf");
          assertThrows(Exception.class, () -> anchor.claim(BigInteger.valueOf(epoch), account, SettlementEpoch.ETH, amount.add(BigInteger.ONE),
              proof).send(), "one base unit more is no leaf");
          assertEquals(before.add(amount), ethOf(chain, account));
        }
        assertEquals(BigInteger.ZERO, ethOf(chain, anchorAddress), "every funded unit was claimed, no more");
        epochs = listed.size();
        JsonNode after = market.get("/api/v1/accounts/" + account + "/claims").get("claims");
        after.forEach(c -> assertTrue(c.get("claimed").asBoolean(), c.toString()));
        assertAudit(market);
      }
      try (Node node = Node.start(options, config)) {
        DevelopmentMarket market = new DevelopmentMarket(node.baseUrl(), null);
        assertAudit(market);
        assertEquals("900000000000000000", eth(market, "balances"));
        assertEquals(epochs, logs(chain, anchorAddress, EventEncoder.encode(SettlementAnchor.ROOTANCHORED_EVENT)), "each epoch anchored once");
        assertEquals(epochs, logs(chain, vaultAddress, EventEncoder.encode(CustodyVault.EPOCHFUNDED_EVENT)), "each epoch funded once");
      }
      // replay verify --chain-rpc: every epoch's leaves and root re-derived, and the root on the anchor the same
      Verification replayed = Replay.verify(new JournalSource(journal.profile(), journal.settings()), AnchoredRoots.over(chain.anvil.url()), null);
      assertTrue(replayed.ok(), replayed.mismatches().toString());
      assertEquals(epochs, replayed.checked().get("payout epoch"));
      assertEquals(epochs, replayed.checked().get("payout root on chain"));
    }
  }

  @ParameterizedTest
  // chain mode against anvil: run on H2 and PostgreSQL; the Cassandra set (docs/operations.md) keeps the suite short
  @EnumSource(value = JournalProfile.class, names = "CASSANDRA", mode = EnumSource.Mode.EXCLUDE)
  void aChainLessNodeHasNoAnchorToPayOutThrough(JournalProfile profile, @TempDir Path dir) {
    try (TestJournal journal = TestJournal.create(profile, dir);
        Node node = Node.start(NodeOptions.defaults().withHttpPort(0).withProfile(journal.profile(), journal.settings()))) {
      DevelopmentMarket market = new DevelopmentMarket(node.baseUrl(), null);
      market.deposit(REQUESTER, "ETH", tokens(1));
      var answer = market.as(REQUESTER).post(path(address(REQUESTER)), body(tokens(1)));
      assertEquals(409, answer.status());
      assertTrue(answer.body().contains("chain-less"), answer.body());
      assertEquals(tokens(1), market.balances(REQUESTER).get("ETH").asText(), "nothing changed");
      assertEquals(409, market.as(REQUESTER).get("/api/v1/accounts/" + address(REQUESTER) + "/claims").status());
    }
  }

  /** Deposited 2 ETH, withdrawn the 1.1 paid out, held 0.9: once, whatever the restarts. */
  private static void assertAudit(DevelopmentMarket market) {
    ChainNode.await("the audit caught up", () -> {
      JsonNode r = market.get("/api/v1/audit/conservation").get("assets").get("ETH");
      return r != null && r.get("withdrawn").asText().equals("1100000000000000000") && r.get("held").asText().equals("900000000000000000");
    });
    JsonNode report = market.get("/api/v1/audit/conservation");
    assertTrue(report.get("ok").asBoolean(), report::toPrettyString);
    assertEquals(tokens(2), report.get("assets").get("ETH").get("deposited").asText());
  }

  private static CustodyVault vault(ChainNode chain, int account) throws Exception {
    return CustodyVault.load(chain.deployment.contracts().vault(), chain.eth.web3j(),
        Deployment.transactions(chain.eth, DevelopmentAccounts.credentials(account), chain.eth.chainId()),
        Deployment.gas(chain.eth, chain.eth.chainId()));
  }

  private static String path(String account) {
    return "/api/v1/accounts/" + account + "/payouts";
  }

  private static String body(String amount) {
    return "{\"amount\":{\"asset\":\"ETH\",\"amount\":\"" + amount + "\"}}";
  }

  private static String eth(DevelopmentMarket market, String field) {
    return market.get("/api/v1/accounts/" + address(REQUESTER)).get(field).get("ETH").asText();
  }

  private static BigInteger ethOf(ChainNode chain, String address) throws Exception {
    return chain.eth.web3j().ethGetBalance(address, DefaultBlockParameterName.LATEST).send().getBalance();
  }

  private static long logs(ChainNode chain, String contract, String topic) throws Exception {
    EthFilter filter = new EthFilter(DefaultBlockParameter.valueOf(BigInteger.valueOf(chain.deployment.startBlock())),
        DefaultBlockParameterName.LATEST, contract);
    filter.addSingleTopic(topic);
    return chain.eth.web3j().ethGetLogs(filter).send().getLogs().size();
  }
}
