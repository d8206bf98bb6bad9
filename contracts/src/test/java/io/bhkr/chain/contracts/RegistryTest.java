package io.bhkr.chain.contracts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bhkr.chain.testing.Anvil;
import io.bhkr.chain.testing.AnvilExtension;
import io.bhkr.chain.testing.AnvilSnapshots;
import io.bhkr.chain.testing.Deployed;
import io.bhkr.chain.testing.DevKeys;
import io.bhkr.rules.Keccak256;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

@ExtendWith({AnvilExtension.class, AnvilSnapshots.class})
class RegistryTest {

  @Test
  void theOwnerKeepsThePublicRecord(Anvil anvil) throws Exception {
    Registry r = Deployed.on(anvil).registry(DevKeys.key(0));
    String provider = DevKeys.address(4);
    r.setQualified(provider, true).send();
    r.setGovernor(DevKeys.address(1), true).send();
    byte[] parameters = Keccak256.hash("rpBps=1000".getBytes(StandardCharsets.UTF_8));
    r.setParametersHash(parameters).send();
    TransactionReceipt failure = r.recordFailure(provider, BigInteger.ONE, "project-1", BigInteger.valueOf(200), new byte[32]).send();

    assertTrue(r.qualified(provider).send());
    assertTrue(r.isGovernor(DevKeys.address(1)).send());
    assertFalse(r.isGovernor(DevKeys.address(2)).send());
    assertArrayEquals(parameters, r.parametersHash().send());
    assertEquals(BigInteger.ONE, r.failureCount().send());
    var recorded = Registry.getFailureRecordedEvents(failure).get(0);
    assertEquals(provider, recorded.provider.toLowerCase());
    assertEquals(BigInteger.ONE, recorded.kind); // SLASHING
    assertEquals("project-1", recorded.projectId);

    r.setQualified(provider, false).send();
    assertFalse(r.qualified(provider).send());
  }

  @Test
  void nobodyElseWritesIt(Anvil anvil) {
    Registry r = Deployed.on(anvil).registry(DevKeys.key(3));
    assertThrows(Exception.class, () -> r.setQualified(DevKeys.address(3), true).send());
    assertThrows(Exception.class, () -> r.setParametersHash(new byte[32]).send());
  }
}
