package io.bhkr.cli.e2e;

import static io.bhkr.cli.walkthrough.DevelopmentMarket.REQUESTER;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.STRANGER;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.address;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.expect;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.tokens;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.bhkr.bytes.Hex;
import io.bhkr.chain.Deployment;
import io.bhkr.chain.VaultWithdrawal;
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
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.DefaultBlockParameterName;

/**
 * Issue 6 through the API against anvil: ETH deposited on chain is credited; the account obtains
 * the platform's signature for a withdrawal, the vault refuses it with one signature and pays it
 * with both, and the market counts it withdrawn once; a withdrawal left unused past its deadline
 * is refunded once; the conservation audit adds up. A chain-less node refuses withdrawals.
 */
class VaultWithdrawalsTest {

  private static final Credentials ACCOUNT = DevelopmentAccounts.credentials(REQUESTER);
  private static final String TENTH = "100000000000000000"; // 0.1 ETH

  @ParameterizedTest
  // chain mode against anvil: run on H2 and PostgreSQL; the Cassandra set (docs/operations.md) keeps the suite short
  @EnumSource(value = JournalProfile.class, names = "CASSANDRA", mode = EnumSource.Mode.EXCLUDE)
  void aWithdrawalIsPaidWithBothSignaturesAndAnUnusedOneIsRefundedOnce(JournalProfile profile, @TempDir Path dir) throws Exception {
    assumeTrue(Anvil.installed(), "anvil is not installed at " + Anvil.BINARY);
    try (ChainNode chain = new ChainNode(dir); TestJournal journal = TestJournal.create(profile, dir);
        Node node = Node.start(NodeOptions.defaults().withHttpPort(0).withProfile(journal.profile(), journal.settings()), chain.config)) {
      DevelopmentMarket market = new DevelopmentMarket(node.baseUrl(), null);
      String account = address(REQUESTER);
      CustodyVault vault = CustodyVault.load(chain.deployment.contracts().vault(), chain.eth.web3j(),
          Deployment.transactions(chain.eth, ACCOUNT, chain.eth.chainId()), Deployment.gas(chain.eth, chain.eth.chainId()));
      vault.depositEth(account, new BigInteger(tokens(2))).send();
      ChainNode.await("the deposit credited", () -> eth(market, "balances").equals(tokens(2)));

      expect(409, market.as(REQUESTER).post(path(account), body(tokens(3), null))); // more than it holds
      expect(403, market.as(STRANGER).post(path(account), body(tokens(1), null)));
      JsonNode signed = expect(201, market.as(REQUESTER).post(path(account), body(tokens(1), null)));
      assertEquals(tokens(1), eth(market, "balances"));
      assertEquals(tokens(1), eth(market, "withdrawing"));
      VaultWithdrawal w = withdrawal(signed);
      byte[] platform = Hex.decode(signed.get("platformSignature").asText());
      byte[] stranger = w.sign(DevelopmentAccounts.credentials(STRANGER), chain.eth.chainId(), chain.deployment.contracts().vault());
      assertThrows(Exception.class, () -> vault.withdraw(struct(w), platform, stranger).send(), "the platform's signature alone");
      assertThrows(Exception.class, () -> vault.withdraw(struct(w), platform, platform).send());
      byte[] own = w.sign(ACCOUNT, chain.eth.chainId(), chain.deployment.contracts().vault());
      BigInteger vaultBefore = ethOf(chain, chain.deployment.contracts().vault());
      vault.withdraw(struct(w), platform, own).send();
      assertEquals(vaultBefore.subtract(new BigInteger(tokens(1))), ethOf(chain, chain.deployment.contracts().vault()));
      ChainNode.await("the withdrawal counted as paid", () -> eth(market, "withdrawing").equals("0"));
      assertEquals(tokens(1), eth(market, "balances"));

      // signed for one second and never used: back to the balance once a confirmed block is past it
      JsonNode unused = expect(201, market.as(REQUESTER).post(path(account), body(TENTH, 1L)));
      assertEquals(1, unused.get("nonce").asInt());
      assertEquals(TENTH, eth(market, "withdrawing"));
      ChainNode.await("the expired withdrawal refunded", () -> eth(market, "withdrawing").equals("0"));
      assertEquals(tokens(1), eth(market, "balances"));
      VaultWithdrawal late = withdrawal(unused);
      assertThrows(Exception.class, () -> vault.withdraw(struct(late), Hex.decode(unused.get("platformSignature").asText()),
          late.sign(ACCOUNT, chain.eth.chainId(), chain.deployment.contracts().vault())).send(), "expired on chain too");

      // once more after everything settled: one more withdrawal shows the balance was refunded only once
      expect(201, market.as(REQUESTER).post(path(account), body(tokens(1), null)));
      assertEquals("0", eth(market, "balances"));
      ChainNode.await("the audit caught up", () -> {
        JsonNode r = market.get("/api/v1/audit/conservation").get("assets").get("ETH");
        return r != null && r.get("withdrawn").asText().equals(tokens(1)) && r.get("held").asText().equals(tokens(1));
      });
      JsonNode report = market.get("/api/v1/audit/conservation");
      assertTrue(report.get("ok").asBoolean(), report::toPrettyString);
      assertEquals(tokens(2), report.get("assets").get("ETH").get("deposited").asText());
    }
  }

  @ParameterizedTest
  // chain mode against anvil: run on H2 and PostgreSQL; the Cassandra set (docs/operations.md) keeps the suite short
  @EnumSource(value = JournalProfile.class, names = "CASSANDRA", mode = EnumSource.Mode.EXCLUDE)
  void aChainLessNodeHasNoVaultToWithdrawFrom(JournalProfile profile, @TempDir Path dir) {
    try (TestJournal journal = TestJournal.create(profile, dir);
        Node node = Node.start(NodeOptions.defaults().withHttpPort(0).withProfile(journal.profile(), journal.settings()))) {
      DevelopmentMarket market = new DevelopmentMarket(node.baseUrl(), null);
      market.deposit(REQUESTER, "ETH", tokens(1));
      var answer = market.as(REQUESTER).post(path(address(REQUESTER)), body(tokens(1), null));
      assertEquals(409, answer.status());
      assertTrue(answer.body().contains("chain-less"), answer.body());
      assertEquals(tokens(1), market.balances(REQUESTER).get("ETH").asText(), "nothing changed");
      assertEquals(409, market.anonymous().get("/api/v1/chain").status(), "no bridge to show either");
    }
  }

  private static String path(String account) {
    return "/api/v1/accounts/" + account + "/vault-withdrawals";
  }

  private static String body(String amount, Long validitySeconds) {
    return "{\"amount\":{\"asset\":\"ETH\",\"amount\":\"" + amount + "\"}"
        + (validitySeconds == null ? "" : ",\"validitySeconds\":" + validitySeconds) + "}";
  }

  private static String eth(DevelopmentMarket market, String field) {
    return market.get("/api/v1/accounts/" + address(REQUESTER)).get(field).get("ETH").asText();
  }

  private static VaultWithdrawal withdrawal(JsonNode signed) {
    return new VaultWithdrawal(signed.get("account").asText(), signed.get("asset").asText(),
        new BigInteger(signed.get("amount").get("amount").asText()), signed.get("to").asText(),
        new BigInteger(signed.get("nonce").asText()), BigInteger.valueOf(signed.get("deadline").asLong()));
  }

  private static CustodyVault.Withdrawal struct(VaultWithdrawal w) {
    return new CustodyVault.Withdrawal(w.account(), w.asset(), w.amount(), w.to(), w.nonce(), w.deadline());
  }

  private static BigInteger ethOf(ChainNode chain, String address) throws Exception {
    return chain.eth.web3j().ethGetBalance(address, DefaultBlockParameterName.LATEST).send().getBalance();
  }
}
