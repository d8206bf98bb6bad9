package io.bhkr.http.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class DevelopmentAccountsTest {

  // The addresses anvil and Hardhat print for the standard development mnemonic.
  private static final List<String> ADDRESSES = List.of(
      "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266",
      "0x70997970c51812dc3a010c7d01b50e0d17dc79c8",
      "0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc",
      "0x90f79bf6eb2c4f870365e785982e1f101e93b906",
      "0x15d34aaf54267db7d7c367839aaf71a00a2c6a65",
      "0x9965507d1a55bcc2695c58ba16fb37d819b0a4dc");

  @Test
  void derivesTheWellKnownAddresses() {
    for (int index = 0; index < ADDRESSES.size(); index++) {
      assertEquals(ADDRESSES.get(index), DevelopmentAccounts.address(index), "index " + index);
    }
  }

  @Test
  void credentialsSignForTheirAddress() {
    var key = DevelopmentAccounts.credentials(3);
    String signature = PersonalSignature.sign(key.getEcKeyPair(), "governor");

    assertEquals(ADDRESSES.get(3), PersonalSignature.recoverAddress("governor", signature));
  }

  @Test
  void refusesANegativeIndex() {
    assertThrows(IllegalArgumentException.class, () -> DevelopmentAccounts.credentials(-1));
  }
}
