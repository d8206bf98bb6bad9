package io.bhkr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bhkr.chain.ContractAddresses;
import io.bhkr.chain.Deployment;
import io.bhkr.http.auth.DevelopmentAccounts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;

/** The chain-mode options of run: absent means chain-less, present means complete. */
class ChainModeTest {

  private static NodeCommands.Settings settings(String keyFromEnvironment, String... words) {
    List<String> line = new java.util.ArrayList<>(List.of("run"));
    line.addAll(List.of(words));
    return CommandLines.parsed(NodeCommands.Run.class, line.toArray(String[]::new)).settings(null, keyFromEnvironment);
  }

  @Test
  void withoutChainOptionsTheNodeIsChainLessAndTheOtherOptionsAreKept() {
    NodeCommands.Settings s = settings(null, "--http-port", "0", "--profile", "postgres");
    assertEquals(0, s.options().httpPort());
    assertFalse(s.overrides().hasPath("bhkr.chain.rpc-url"));
  }

  @Test
  void chainOptionsBecomeConfigurationWithTheKeyOfADevelopmentAccount() {
    NodeCommands.Settings s = settings(null, "--http-port", "0", "--chain-rpc", "http://127.0.0.1:8545",
        "--chain-contracts=contracts.json", "--chain-dev-account", "0", "--chain-confirmations", "2");
    assertEquals(0, s.options().httpPort());
    assertEquals("http://127.0.0.1:8545", s.overrides().getString("bhkr.chain.rpc-url"));
    assertEquals("contracts.json", s.overrides().getString("bhkr.chain.contracts-file"));
    assertEquals(2, s.overrides().getInt("bhkr.chain.confirmations"));
    assertEquals(DevelopmentAccounts.address(0), Credentials.create(s.overrides().getString("bhkr.chain.key")).getAddress().toLowerCase());
  }

  @Test
  void theKeyMayComeFromTheEnvironment() {
    String key = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";
    assertEquals(key, settings(key, "--chain-rpc", "http://x", "--chain-contracts", "c.json").overrides().getString("bhkr.chain.key"));
  }

  @Test
  void incompleteChainOptionsAreAUsageError() {
    assertEquals("the --chain-* options need --chain-rpc URL", CommandLines.refused("run", "--chain-contracts", "c.json", "--chain-dev-account", "0"));
    assertEquals("--chain-rpc needs --chain-contracts FILE (written by deploy)",
        CommandLines.refused("run", "--chain-rpc", "http://x", "--chain-dev-account", "0"));
    assertTrue(CommandLines.refused("run", "--chain-rpc", "http://x", "--chain-contracts", "c.json").startsWith("chain mode needs a key"));
    assertTrue(CommandLines.refused("run", "--chain-rpc", "http://x", "--chain-contracts", "c.json", "--chain-dev-account", "0",
        "--chain-confirmations", "many").contains("--chain-confirmations"));
    assertTrue(CommandLines.refused("run", "--chain-rpc").contains("--chain-rpc"));
  }

  @Test
  void theContractsFileOfDeployIsReadBack(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("contracts.json");
    Files.writeString(file, """
        {"contracts":{"chainId":31337,"token":"0x5fbdb2315678afecb367f032d93f642f64180aa3",
         "vault":"0xE7f1725E7734CE288F8367e1Bb143E90bb3F0512","registry":"0x9fe46736679d2d9a65f0992f2272de9f3c7fa6e0",
         "anchor":"0xcf7ed3acca5a467e9e704c703e8d87f634fb0fc9","microPools":[]},"startBlock":1}
        """);
    Deployment d = ChainMode.read(file);
    assertEquals(1, d.startBlock());
    ContractAddresses c = d.contracts();
    assertEquals("0xe7f1725e7734ce288f8367e1bb143e90bb3f0512", c.vault());
    assertEquals("0xcf7ed3acca5a467e9e704c703e8d87f634fb0fc9", c.anchor(), "a file of an earlier version, with a microPools list, still reads");
  }
}
