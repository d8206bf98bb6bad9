package io.bhkr.cli.e2e;

import static io.bhkr.cli.walkthrough.DevelopmentMarket.P1;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.REQUESTER;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.STRANGER;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.address;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.expect;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.tokens;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.bhkr.chain.Deployment;
import io.bhkr.chain.contracts.BhkrToken;
import io.bhkr.chain.contracts.MicroPool;
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
import org.web3j.crypto.Credentials;

/**
 * Issue 6's stakes through the API against anvil: a provider links its new pool to a MicroPool
 * contract (a mismatched one is refused and changes nothing), the bridge follows and opens it,
 * users stake on chain, and the pool records the stakes, charges the fees that came through the
 * vault and activates with the contract; completion splits vector M1's way; the conservation
 * audit adds up. A second pool that never activates closes only once the chain is past its end.
 */
class ChainMicroPoolsTest {

  /**
   * Anyone may deploy a micro-pool contract; not the node's own key, whose nonces its bridge takes
   * as it sends (a deployment with that key could take a nonce the bridge has pending).
   */
  private static final org.web3j.crypto.Credentials DEPLOYER = io.bhkr.http.auth.DevelopmentAccounts.credentials(9);

  @ParameterizedTest
  // chain mode against anvil: run on H2 and PostgreSQL; the Cassandra set (docs/operations.md) keeps the suite short
  @EnumSource(value = JournalProfile.class, names = "CASSANDRA", mode = EnumSource.Mode.EXCLUDE)
  void stakesMadeOnChainReachTheirPoolAndSettleExactly(JournalProfile profile, @TempDir Path dir) throws Exception {
    assumeTrue(Anvil.installed(), "anvil is not installed at " + Anvil.BINARY);
    try (ChainNode chain = new ChainNode(dir); TestJournal journal = TestJournal.create(profile, dir);
        Node node = Node.start(NodeOptions.defaults().withHttpPort(0).withProfile(journal.profile(), journal.settings()), chain.config)) {
      DevelopmentMarket market = chain.market(node.baseUrl()); // chain mode: deposits come from the chain
      market.becomeActiveProvider(P1, 90);
      market.deposit(P1, "ETH", tokens(10));
      long endsAt = chain.eth.timestamp(chain.eth.head()) + 3600;
      String contract = Deployment.deployMicroPool(chain.eth, DEPLOYER, chain.deployment.contracts(), address(P1), endsAt,
          new BigInteger(tokens(24)), new BigInteger(tokens(100)));

      var mismatched = market.as(P1).post("/api/v1/micropools", open(8, endsAt, 50, contract));
      assertEquals(409, mismatched.status());
      assertTrue(mismatched.body().contains("chain-pool-mismatch"), mismatched.body());
      assertEquals(tokens(10), market.balances(P1).get("ETH").asText(), "nothing changed");
      String id = expect(201, market.as(P1).post("/api/v1/micropools", open(8, endsAt, 100, contract))).get("poolId").asText();
      String pool = "/api/v1/micropools/" + id;
      ChainNode.await("the bridge opened the contract", () -> call(() -> pool(chain, contract, REQUESTER).opened().send()));

      expect(409, market.as(REQUESTER).post(pool + "/stakes", eth(4))); // stake-on-chain
      BigInteger bhkrBefore = new BigInteger(market.get("/api/v1/audit/conservation").get("assets").get("BHKR").get("deposited").asText());
      BhkrToken token = BhkrToken.load(chain.deployment.contracts().token(), chain.eth.web3j(),
          Deployment.transactions(chain.eth, ChainNode.BRIDGE, chain.eth.chainId()), Deployment.gas(chain.eth, chain.eth.chainId()));
      // P1's collateral came in through the vault too (chain mode has no development deposits)
      BigInteger vaultBhkrBefore = token.balanceOf(chain.deployment.contracts().vault()).send();
      for (int who : new int[] {REQUESTER, STRANGER}) {
        token.mint(address(who), new BigInteger(tokens(100))).send();
        BhkrToken.load(token.getContractAddress(), chain.eth.web3j(), Deployment.transactions(chain.eth, key(who), chain.eth.chainId()),
            Deployment.gas(chain.eth, chain.eth.chainId())).approve(contract, new BigInteger(tokens(100))).send();
      }
      pool(chain, contract, REQUESTER).stake(new BigInteger(tokens(4))).send();
      pool(chain, contract, STRANGER).stake(new BigInteger(tokens(20))).send(); // 24 of users + k 8: the validator's 32

      ChainNode.await("the pool active with the chain", () -> market.get(pool).get("status").asText().equals("ACTIVE"));
      JsonNode active = market.get(pool);
      assertEquals(contract.toLowerCase(), active.get("chainPool").asText());
      assertEquals(tokens(32), active.get("total").get("amount").asText());
      assertEquals("0", active.get("aethOutstanding").get("amount").asText(), "aETH is the contract's");
      // fees: 4 ETH → 12.5 BHKR, 20 ETH → 62.5 BHKR; 90 % to the provider
      ChainNode.await("the provider's share of the fees", () -> market.balances(P1).get("BHKR").asText().equals("67500000000000000000"));
      assertEquals(0, vaultBhkrBefore.add(new BigInteger(tokens(75))).compareTo(token.balanceOf(chain.deployment.contracts().vault()).send()),
          "the fees are in the vault");
      expect(409, market.as(REQUESTER).post(pool + "/withdrawals", eth(1))); // principal-on-chain

      // the operator's view of the bridge: the contract followed for the pool, opened by a mined transaction
      JsonNode bridge = market.get("/api/v1/chain");
      assertEquals(id, bridge.get("microPools").get("followed").get(contract.toLowerCase()).asText());
      assertTrue(bridge.get("halted").isNull(), bridge::toPrettyString);
      assertEquals(1, bridge.get("confirmations").asInt());
      assertTrue(bridge.get("outbox").get("finished").get("MINED").asInt() >= 1, bridge::toPrettyString);

      JsonNode done = expect(200, market.as(P1).post(pool + "/completion",
          "{\"rewards\":{\"asset\":\"ETH\",\"amount\":\"1600000000000000000\"}}"));
      assertEquals("COMPLETED", done.get("status").asText());
      ChainNode.await("the requester's share of the rewards", () -> market.balances(REQUESTER).get("ETH").asText()
          .equals("160000000000000000"));  // vector M1: 4/32 of the stakers' 1.28 ETH
      // the audit is a projection: wait until it has read the fees, which came in through the vault
      String deposited = bhkrBefore.add(new BigInteger(tokens(75))).toString();
      ChainNode.await("the audit caught up", () -> market.get("/api/v1/audit/conservation").get("assets").get("BHKR").get("deposited")
          .asText().equals(deposited));
      JsonNode report = market.get("/api/v1/audit/conservation");
      assertTrue(report.get("ok").asBoolean(), report::toPrettyString);
      // P1: 10 deposited, k 8 in, 1.6 rewards paid in, its 0.32 share and k 8 back
      ChainNode.await("the provider's k and share back", () -> market.balances(P1).get("ETH").asText().equals("8720000000000000000"));

      // a second pool nobody stakes in: closed only once a confirmed block is past its end, with the contract inactive
      long soon = chain.eth.timestamp(chain.eth.head()) + 10;
      String idle = Deployment.deployMicroPool(chain.eth, DEPLOYER, chain.deployment.contracts(), address(P1), soon,
          new BigInteger(tokens(24)), new BigInteger(tokens(100)));
      String second = "/api/v1/micropools/" + expect(201, market.as(P1).post("/api/v1/micropools", open(8, soon, 100, idle)))
          .get("poolId").asText();
      expect(409, market.as(P1).post(second + "/closure", "{}")); // pool-not-ended
      ChainNode.await("the chain past the end", () -> chain.eth.timestamp(chain.eth.head()) > soon + 2);
      ChainNode.await("the pool closed", () -> market.as(P1).post(second + "/closure", "{}").status() == 200);
      assertEquals("CLOSED", market.get(second).get("status").asText());
      ChainNode.await("k back", () -> market.balances(P1).get("ETH").asText().equals("8720000000000000000"));
    }
  }

  private static String open(long k, long endsAt, long fp, String chainPool) {
    return """
        {"stake":{"asset":"ETH","amount":"%s"},"endsAt":%d,"fp":{"asset":"BHKR","amount":"%s"},"chainPool":"%s"}"""
        .formatted(tokens(k), endsAt, tokens(fp), chainPool);
  }

  private static String eth(long whole) {
    return "{\"amount\":{\"asset\":\"ETH\",\"amount\":\"" + tokens(whole) + "\"}}";
  }

  private static Credentials key(int who) {
    return DevelopmentAccounts.credentials(who);
  }

  private static MicroPool pool(ChainNode chain, String address, int who) {
    return MicroPool.load(address, chain.eth.web3j(), Deployment.transactions(chain.eth, key(who), chain.eth.chainId()),
        Deployment.gas(chain.eth, chain.eth.chainId()));
  }

  interface Call<T> {
    T get() throws Exception;
  }

  private static <T> T call(Call<T> c) {
    try {
      return c.get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
