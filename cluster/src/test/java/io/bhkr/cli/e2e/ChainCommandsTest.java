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
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.bhkr.chain.Deployment;
import io.bhkr.chain.contracts.BhkrToken;
import io.bhkr.chain.contracts.MicroPool;
import io.bhkr.cli.Main;
import io.bhkr.cli.Node;
import io.bhkr.cli.NodeOptions;
import io.bhkr.cli.process.Anvil;
import io.bhkr.cli.walkthrough.DevelopmentMarket;
import io.bhkr.persistence.JournalProfile;
import io.bhkr.persistence.testing.TestJournal;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.tx.gas.DefaultGasProvider;

/**
 * Issue 14: every step docs/chain.md leaves to an account, done with {@code bhkr chain …} through
 * the real command line against anvil and a chain-mode node: ETH and BHKR deposited and credited,
 * a withdrawal through the vault paid and counted withdrawn, a payout epoch claimed once (and the
 * second claim finds nothing), a stake and an unstake in a micro-pool contract recorded by its pool;
 * refusals of the node and of the contracts exit 1 with their reason, and change nothing.
 */
class ChainCommandsTest {

  /** Deploys the micro-pool contract: not the node's key, whose nonces its bridge takes. */
  private static final int DEPLOYER = 9;

  record Run(int exit, String out, String err) {}

  @Test
  void everyAccountStepOnChainIsACommand(@TempDir Path dir) throws Exception {
    assumeTrue(Anvil.installed(), "anvil is not installed at " + Anvil.BINARY);
    try (ChainNode chain = new ChainNode(dir); TestJournal journal = TestJournal.create(JournalProfile.EMBEDDED, dir)) {
      String contracts = dir.resolve("contracts.json").toString();
      String requester = address(REQUESTER);
      // the token's owner is the node's key: mint before the node's bridge sends with it
      Run minted = bhkr(chain, contracts, "mint", "--chain-dev-account", "0", "--to", requester, tokens(100));
      assertEquals(0, minted.exit(), minted.err());
      Config config = ConfigFactory.parseMap(Map.of("bhkr.chain.payout-epoch-seconds", 4,
          "bhkr.chain.payout-check-interval", "300ms", "bhkr.chain.payout-close-delay", "1s")).withFallback(chain.config);
      try (Node node = Node.start(NodeOptions.defaults().withHttpPort(0).withProfile(journal.profile(), journal.settings()), config)) {
        DevelopmentMarket market = chain.market(node.baseUrl());
        String api = node.baseUrl();
        String vault = chain.deployment.contracts().vault();

        // deposits: ETH for itself and for another account, BHKR after the approval the command makes
        Run eth = bhkr(chain, contracts, "deposit", "--chain-dev-account", "7", "ETH", tokens(2));
        assertEquals(0, eth.exit(), eth.err());
        assertTrue(eth.out().matches("(?s)deposited " + tokens(2) + " ETH base units for " + requester + " into the vault " + vault
            + ": tx 0x[0-9a-f]{64} .*"), eth.out());
        assertEquals(0, bhkr(chain, contracts, "deposit", "--chain-dev-account", "7", "--account", address(STRANGER), "ETH", tokens(1)).exit());
        Run bhkr = bhkr(chain, contracts, "deposit", "--chain-dev-account", "7", "BHKR", tokens(60));
        assertEquals(0, bhkr.exit(), bhkr.err());
        assertTrue(bhkr.out().startsWith("approved the vault " + vault + " for " + tokens(60)), bhkr.out());
        ChainNode.await("the deposits credited", () -> balance(market, REQUESTER, "ETH").equals(tokens(2))
            && balance(market, REQUESTER, "BHKR").equals(tokens(60)) && balance(market, STRANGER, "ETH").equals(tokens(1)));
        Run tooMuch = bhkr(chain, contracts, "deposit", "--chain-dev-account", "7", "BHKR", tokens(41));
        assertEquals(1, tooMuch.exit());
        assertEquals("bhkr: chain deposit failed: insufficient BHKR: " + requester + " holds " + tokens(40) + " base units on chain, needs "
            + tokens(41) + "\n", tooMuch.err());

        // a withdrawal: the node reserves and signs, the account signs, the vault pays, the node counts it withdrawn
        Run refused = bhkr(chain, contracts, "withdraw", "--chain-dev-account", "7", "--api", api, "ETH", tokens(3));
        assertEquals(1, refused.exit());
        assertTrue(refused.err().startsWith("bhkr: chain withdraw failed: the node answered POST /api/v1/accounts/" + requester
            + "/vault-withdrawals with HTTP 409: "), refused.err());
        assertTrue(refused.err().contains("insufficient ETH"), refused.err());
        assertEquals("0", market.get("/api/v1/accounts/" + requester).get("withdrawing").get("ETH").asText(), "nothing reserved");
        BigInteger vaultBefore = ethOf(chain, vault);
        BigInteger requesterBefore = ethOf(chain, requester);
        Run withdrawn = bhkr(chain, contracts, "withdraw", "--chain-dev-account", "7", "--api", api, "--to", address(STRANGER), "ETH", tokens(1));
        assertEquals(0, withdrawn.exit(), withdrawn.err());
        assertTrue(withdrawn.out().contains("the vault paid " + tokens(1) + " ETH base units to " + address(STRANGER)
            + " with both signatures: tx 0x"), withdrawn.out());
        assertEquals(vaultBefore.subtract(new BigInteger(tokens(1))), ethOf(chain, vault));
        assertTrue(ethOf(chain, requester).compareTo(requesterBefore) < 0, "the account paid the gas, the stranger got the ETH");
        ChainNode.await("the withdrawal counted withdrawn", () -> {
          JsonNode audited = market.get("/api/v1/audit/conservation").get("assets").get("ETH");
          return audited.get("withdrawn").asText().equals(tokens(1))
              && market.get("/api/v1/accounts/" + requester).get("withdrawing").get("ETH").asText().equals("0");
        });
        assertEquals(tokens(1), balance(market, REQUESTER, "ETH"));

        // a payout epoch: funded by the node, claimed by the command (a stranger pays the gas), then nothing left to claim
        Run none = bhkr(chain, contracts, "claim", "--chain-dev-account", "8", "--account", requester, "--api", api);
        assertEquals(0, none.exit(), none.err());
        assertEquals("nothing to claim for " + requester + ": no funded payout epoch has a payout of it\n", none.out());
        expect(201, market.as(REQUESTER).post("/api/v1/accounts/" + requester + "/payouts",
            "{\"amount\":{\"asset\":\"ETH\",\"amount\":\"100000000000000000\"}}"));
        ChainNode.await("the payout epoch funded", () -> market.get("/api/v1/accounts/" + requester).get("payingOut").get("ETH")
            .asText().equals("0"));
        BigInteger beforeClaim = ethOf(chain, requester);
        Run claimed = bhkr(chain, contracts, "claim", "--chain-dev-account", "8", "--account", requester, "--api", api);
        assertEquals(0, claimed.exit(), claimed.err());
        assertTrue(claimed.out().matches("claimed epoch \\d+: 100000000000000000 ETH base units paid to " + requester + ": tx 0x[0-9a-f]{64} .*\n"),
            claimed.out());
        assertEquals(beforeClaim.add(new BigInteger("100000000000000000")), ethOf(chain, requester));
        Run again = bhkr(chain, contracts, "claim", "--chain-dev-account", "8", "--account", requester, "--api", api);
        assertEquals(0, again.exit(), again.err());
        assertEquals("nothing to claim for " + requester + ": its 1 payout(s) are claimed\n", again.out());
        assertEquals(beforeClaim.add(new BigInteger("100000000000000000")), ethOf(chain, requester));

        // a micro-pool contract: stake (the fee approved and paid into the vault), unstake; redeem before completion is refused
        market.becomeActiveProvider(P1, 90);
        market.deposit(P1, "ETH", tokens(10));
        long endsAt = chain.eth.timestamp(chain.eth.head()) + 3600;
        String contract = Deployment.deployMicroPool(chain.eth, io.bhkr.http.auth.DevelopmentAccounts.credentials(DEPLOYER),
            chain.deployment.contracts(), address(P1), endsAt, new BigInteger(tokens(24)), new BigInteger(tokens(100)));
        String id = expect(201, market.as(P1).post("/api/v1/micropools", """
            {"stake":{"asset":"ETH","amount":"%s"},"endsAt":%d,"fp":{"asset":"BHKR","amount":"%s"},"chainPool":"%s"}"""
            .formatted(tokens(8), endsAt, tokens(100), contract))).get("poolId").asText();
        MicroPool pool = MicroPool.load(contract, chain.eth.web3j(), ChainNode.BRIDGE, new DefaultGasProvider());
        ChainNode.await("the bridge opened the contract", () -> call(() -> pool.opened().send()));
        BhkrToken token = BhkrToken.load(chain.deployment.contracts().token(), chain.eth.web3j(), ChainNode.BRIDGE, new DefaultGasProvider());
        BigInteger vaultBhkr = token.balanceOf(vault).send();

        Run staked = bhkr(chain, contracts, "stake", "--chain-dev-account", "7", "--pool", contract, tokens(4));
        assertEquals(0, staked.exit(), staked.err());
        assertTrue(staked.out().startsWith("approved the pool " + contract.toLowerCase() + " for 12500000000000000000 BHKR base units"), staked.out());
        assertTrue(staked.out().contains(requester + " holds " + tokens(4) + " aETH of the pool"), staked.out());
        assertEquals(vaultBhkr.add(new BigInteger("12500000000000000000")), token.balanceOf(vault).send(), "the fee into the vault");
        String poolPath = "/api/v1/micropools/" + id;
        ChainNode.await("the stake recorded", () -> market.get(poolPath).get("total").get("amount").asText().equals(tokens(12)));
        Run unstaked = bhkr(chain, contracts, "unstake", "--chain-dev-account", "7", "--pool", contract, tokens(1));
        assertEquals(0, unstaked.exit(), unstaked.err());
        assertEquals(new BigInteger(tokens(3)), pool.balanceOf(requester).send());
        ChainNode.await("the unstake recorded", () -> market.get(poolPath).get("total").get("amount").asText().equals(tokens(11)));
        Run early = bhkr(chain, contracts, "redeem", "--chain-dev-account", "7", "--pool", contract, tokens(1));
        assertEquals(1, early.exit());
        assertEquals("bhkr: chain redeem failed: MicroPool.redeem would revert: NotCompleted()\n", early.err());
        Run notOurs = bhkr(chain, contracts, "stake", "--chain-dev-account", "7", "--pool", vault, tokens(1));
        assertEquals(1, notOurs.exit());
        assertEquals("bhkr: chain stake failed: " + vault + " is not a micro-pool contract of the contracts file's deployment\n", notOurs.err());

        JsonNode report = market.get("/api/v1/audit/conservation");
        assertTrue(report.get("ok").asBoolean(), report::toPrettyString);
      }
    }
  }

  @Test
  void usageErrorsExit2BeforeAnythingIsSent() {
    assertEquals(2, run(List.of("chain", "deposit", "ETH", "1")).exit(), "no --chain-rpc");
    Run asset = run(List.of("chain", "deposit", "--chain-rpc", "http://127.0.0.1:1", "--chain-contracts", "x", "AETH", "1"));
    assertEquals(2, asset.exit());
    assertTrue(asset.err().startsWith("bhkr: ASSET must be ETH or BHKR, not 'AETH'"), asset.err());
    assertEquals(2, run(List.of("chain", "withdraw", "ETH", "-5")).exit());
    assertEquals(2, run(List.of("chain", "stake", "1")).exit(), "no --pool");
    assertEquals(2, run(List.of("chain", "claim", "--account", "0x12")).exit());
    Run noKey = run(List.of("chain", "claim", "--chain-rpc", "http://127.0.0.1:1", "--chain-contracts", "x", "--chain-dev-account", "x"));
    assertEquals(2, noKey.exit());
    assertTrue(noKey.err().startsWith("bhkr: --chain-dev-account must be a development account number 0-9"), noKey.err());
    assertEquals(2, run(List.of("chain")).exit(), "a step is needed");
  }

  private static Run bhkr(ChainNode chain, String contracts, String step, String... rest) {
    List<String> words = new ArrayList<>(List.of("chain", step, "--chain-rpc", chain.anvil.url(), "--chain-contracts", contracts));
    words.addAll(List.of(rest));
    return run(words);
  }

  private static Run run(List<String> words) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.execute(words, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(exit, out.toString(), err.toString());
  }

  private static String balance(DevelopmentMarket market, int account, String asset) {
    return market.balances(account).get(asset).asText();
  }

  private static BigInteger ethOf(ChainNode chain, String address) throws Exception {
    return chain.eth.web3j().ethGetBalance(address, DefaultBlockParameterName.LATEST).send().getBalance();
  }

  private interface Check {
    boolean get() throws Exception;
  }

  private static boolean call(Check check) {
    try {
      return check.get();
    } catch (Exception e) {
      return false;
    }
  }
}
