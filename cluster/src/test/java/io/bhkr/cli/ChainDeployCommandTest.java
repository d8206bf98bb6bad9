package io.bhkr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.bhkr.chain.ContractAddresses;
import io.bhkr.chain.Deployment;
import io.bhkr.chain.EthereumNode;
import io.bhkr.chain.contracts.MicroPool;
import io.bhkr.http.auth.DevelopmentAccounts;
import io.bhkr.cli.process.Anvil;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.tx.ReadonlyTransactionManager;
import org.web3j.tx.gas.DefaultGasProvider;

/**
 * {@code deploy} then {@code deploy-micropool} against anvil, and chain mode's check of the
 * contract a market pool links to. Account 0 deploys the base contracts and so is the vault's
 * platform (the node's key); account 1 deploys the pool; account 4 is its provider.
 */
class ChainDeployCommandTest {

  private static final BigInteger E18 = BigInteger.TEN.pow(18);
  private static final BigInteger FP = E18.multiply(BigInteger.valueOf(100));
  private static final BigInteger K = E18.multiply(BigInteger.valueOf(8));
  private static final BigInteger ACTIVATION = E18.multiply(BigInteger.valueOf(24));
  private static final String PROVIDER = DevelopmentAccounts.address(4);
  private static final long ENDS_AT = System.currentTimeMillis() / 1000 + 86_400;

  @TempDir static Path dir;
  private static Anvil anvil;
  private static EthereumNode eth;
  private static ContractAddresses contracts;
  private static String pool;
  private static ExecutorService blocking;

  @BeforeAll
  static void deploy() {
    assumeTrue(Anvil.installed(), "anvil is not installed at " + Anvil.BINARY);
    anvil = Anvil.start();
    eth = EthereumNode.connect(anvil.url());
    blocking = Executors.newFixedThreadPool(2);
    Path file = dir.resolve("contracts.json");
    assertEquals(0, CommandLines.parsed(ToolCommands.Deploy.class, "deploy", "--chain-rpc", anvil.url(), "--chain-dev-account", "0",
        "--out", file.toString()).deploy(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), null));
    contracts = ChainMode.read(file).contracts();

    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    assertEquals(0, CommandLines.parsed(ToolCommands.DeployMicroPool.class, "deploy-micropool", "--chain-rpc", anvil.url(),
        "--chain-contracts", file.toString(), "--provider", PROVIDER, "--ends-at", String.valueOf(ENDS_AT), "--fp", FP.toString(),
        "--k", K.toString(), "--chain-dev-account", "1").deploy(new PrintStream(printed, true, StandardCharsets.UTF_8), null));
    String out = printed.toString(StandardCharsets.UTF_8);
    Matcher m = Pattern.compile("micro-pool (0x[0-9a-f]{40})").matcher(out);
    assertTrue(m.find(), out);
    pool = m.group(1);
    assertTrue(out.contains("POST /api/v1/micropools {\"stake\":{\"asset\":\"ETH\",\"amount\":\"" + K + "\"},\"endsAt\":" + ENDS_AT
        + ",\"fp\":{\"asset\":\"BHKR\",\"amount\":\"" + FP + "\"},\"chainPool\":\"" + pool + "\"}"), out);
  }

  @AfterAll
  static void stop() {
    if (blocking != null) blocking.shutdownNow();
    if (eth != null) eth.close();
    if (anvil != null) anvil.close();
  }

  private static ChainMicroPools check(int platform) {
    return new ChainMicroPools(eth, contracts, DevelopmentAccounts.address(platform), 1, blocking);
  }

  private static String refusal(ChainMicroPools check, String address, String provider, long endsAt, BigInteger fp, BigInteger activation)
      throws Exception {
    return check.refusal(address, provider, endsAt, fp, activation).toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  @Test
  void deployMicropoolBuildsThePoolWithItsTermsAndTheVaultsPlatform() throws Exception {
    MicroPool p = MicroPool.load(pool, eth.web3j(), new ReadonlyTransactionManager(eth.web3j(), PROVIDER), new DefaultGasProvider());
    assertEquals(PROVIDER, p.provider().send().toLowerCase());
    assertEquals(BigInteger.valueOf(ENDS_AT), p.endTime().send());
    assertEquals(ACTIVATION, p.activationStake().send());
    assertEquals(FP, p.feePer32Eth().send());
    assertEquals(DevelopmentAccounts.address(0), p.platform().send().toLowerCase());  // not the deployer, account 1
    assertEquals(contracts.token(), p.bhkr().send().toLowerCase());
    assertEquals(contracts.vault(), p.vault().send().toLowerCase());
    assertFalse(p.opened().send());
  }

  @Test
  void termsThatCannotMakeAPoolAreAUsageError() {
    List<String> base = List.of("deploy-micropool", "--chain-rpc", "http://127.0.0.1:1", "--chain-contracts", "none.json", "--provider", PROVIDER,
        "--ends-at", String.valueOf(ENDS_AT), "--fp", "100", "--chain-dev-account", "1");
    for (List<String> terms : List.of(List.of("--k", "32000000000000000000"), List.of("--k", "-1"),
        List.of("--k", "4", "--validator-stake", "4"), List.of("--k", "1", "--fp", "-1"))) {
      List<String> words = new java.util.ArrayList<>(base);
      words.addAll(terms);
      assertTrue(CommandLines.refused(words).startsWith("--"), terms.toString());
    }
  }

  @Test
  void aContractWithExactlyThePoolsTermsMayHoldItsPrincipal() throws Exception {
    assertNull(refusal(check(0), pool, PROVIDER.toUpperCase().replace("0X", "0x"), ENDS_AT, FP, ACTIVATION));
  }

  @Test
  void eachMismatchedTermIsNamed() throws Exception {
    ChainMicroPools c = check(0);
    assertTrue(refusal(c, pool, DevelopmentAccounts.address(5), ENDS_AT, FP, ACTIVATION).contains("provider"));
    assertTrue(refusal(c, pool, PROVIDER, ENDS_AT + 1, FP, ACTIVATION).contains("endTime"));
    assertEquals("the contract's feePer32Eth is " + FP + " but the pool's fp is 5", refusal(c, pool, PROVIDER, ENDS_AT, BigInteger.valueOf(5), ACTIVATION));
    assertTrue(refusal(c, pool, PROVIDER, ENDS_AT, FP, ACTIVATION.add(BigInteger.ONE)).contains("activationStake"));
    // a node whose key is not the pool's platform could never open it
    assertTrue(refusal(check(3), pool, PROVIDER, ENDS_AT, FP, ACTIVATION).contains("platform"));
  }

  @Test
  void anOpenedPoolOrAnAccountWithoutCodeIsRefused() throws Exception {
    String opened = Deployment.deployMicroPool(eth, DevelopmentAccounts.credentials(0), contracts, PROVIDER, ENDS_AT, ACTIVATION, FP);
    MicroPool.load(opened, eth.web3j(), Deployment.transactions(eth, DevelopmentAccounts.credentials(0), contracts.chainId()),
        Deployment.gas(eth, contracts.chainId())).open().send();
    assertEquals("the micro-pool contract at " + opened + " is already opened", refusal(check(0), opened, PROVIDER, ENDS_AT, FP, ACTIVATION));

    String account = DevelopmentAccounts.address(7);
    assertEquals("no BHKR micro-pool at " + account, refusal(check(0), account, PROVIDER, ENDS_AT, FP, ACTIVATION));
    // a contract that is not a micro-pool
    assertEquals("no BHKR micro-pool at " + contracts.vault(), refusal(check(0), contracts.vault(), PROVIDER, ENDS_AT, FP, ACTIVATION));
  }
}
