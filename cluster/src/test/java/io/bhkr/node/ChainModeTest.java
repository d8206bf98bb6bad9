package io.bhkr.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

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

  @Test
  void withoutChainOptionsTheNodeIsChainLessAndTheOtherWordsAreKept() {
    ChainMode.Split split = ChainMode.split(List.of("--http-port", "0", "--profile", "postgres"), null);
    assertEquals(List.of("--http-port", "0", "--profile", "postgres"), split.rest());
    assertFalse(split.chain().hasPath("bhkr.chain.rpc-url"));
  }

  @Test
  void chainOptionsBecomeConfigurationWithTheKeyOfADevelopmentAccount() {
    ChainMode.Split split = ChainMode.split(List.of("--http-port", "0", "--chain-rpc", "http://127.0.0.1:8545",
        "--chain-contracts=contracts.json", "--chain-dev-account", "0", "--chain-confirmations", "2"), null);
    assertEquals(List.of("--http-port", "0"), split.rest());
    assertEquals("http://127.0.0.1:8545", split.chain().getString("bhkr.chain.rpc-url"));
    assertEquals("contracts.json", split.chain().getString("bhkr.chain.contracts-file"));
    assertEquals(2, split.chain().getInt("bhkr.chain.confirmations"));
    assertEquals(DevelopmentAccounts.address(0), Credentials.create(split.chain().getString("bhkr.chain.key")).getAddress().toLowerCase());
  }

  @Test
  void theKeyMayComeFromTheEnvironment() {
    String key = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";
    ChainMode.Split split = ChainMode.split(List.of("--chain-rpc", "http://x", "--chain-contracts", "c.json"), key);
    assertEquals(key, split.chain().getString("bhkr.chain.key"));
  }

  @Test
  void incompleteChainOptionsAreAUsageError() {
    assertThrows(UsageError.class, () -> ChainMode.split(List.of("--chain-contracts", "c.json", "--chain-dev-account", "0"), null));
    assertThrows(UsageError.class, () -> ChainMode.split(List.of("--chain-rpc", "http://x", "--chain-dev-account", "0"), null));
    assertThrows(UsageError.class, () -> ChainMode.split(List.of("--chain-rpc", "http://x", "--chain-contracts", "c.json"), null));
    assertThrows(UsageError.class, () -> ChainMode.split(List.of("--chain-rpc", "http://x", "--chain-contracts", "c.json",
        "--chain-dev-account", "0", "--chain-confirmations", "many"), null));
    assertThrows(UsageError.class, () -> ChainMode.split(List.of("--chain-rpc"), null));
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
