package io.bhkr.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint256;

/** A revert's data as a node returns it (selector and ABI-encoded arguments), named as a person reads it. */
class RevertReasonsTest {

  /** The revert data of an error: encoded exactly like a call of a function of the same signature. */
  @SuppressWarnings("rawtypes")
  private static String revert(String name, Type... args) {
    return FunctionEncoder.encode(new Function(name, List.<Type>of(args), List.of()));
  }

  @Test
  void ourAndOpenZeppelinsCustomErrorsAreNamedWithTheirArguments() {
    assertEquals("NotCompleted()", RevertReasons.describe(revert("NotCompleted")));
    String account = "0x14dc79964da2c08b23698b3d3cc7ca32193d9955";
    assertEquals("ERC20InsufficientBalance(sender " + account + ", balance 5, needed 7)", RevertReasons.describe(
        revert("ERC20InsufficientBalance", new Address(account), new Uint256(5), new Uint256(7))));
    assertEquals("NonceUsed(account " + account + ", nonce 3)",
        RevertReasons.describe("\"" + revert("NonceUsed", new Address(account), new Uint256(3)) + "\""), "as JSON text, quoted");
  }

  @Test
  void solidityErrorsAndUnknownDataAreShownAsTheyAre() {
    assertEquals("not enough", RevertReasons.describe(revert("Error", new Utf8String("not enough"))));
    assertEquals("panic 0x11", RevertReasons.describe(revert("Panic", new Uint256(BigInteger.valueOf(0x11)))));
    assertEquals("0xdeadbeef00", RevertReasons.describe("0xdeadbeef00"));
    assertEquals("no reason given", RevertReasons.describe("0x"));
    assertEquals("no reason given", RevertReasons.describe(null));
  }
}
