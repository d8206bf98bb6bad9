package io.bhkr.rules;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Expected values were computed independently with web3j 4.13.0 {@code Hash.sha3} (Bouncy Castle). */
class Keccak256Test {

  private static String keccak(byte[] input) {
    return Keccak256.hex(Keccak256.hash(input));
  }

  private static byte[] counting(int length) {
    byte[] bytes = new byte[length];
    for (int i = 0; i < length; i++) bytes[i] = (byte) i;
    return bytes;
  }

  @Test
  void emptyInputIsEthereumsEmptyHashNotSha3() {
    assertEquals("c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470", keccak(new byte[0]));
  }

  @Test
  void abc() {
    assertEquals("4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45",
        keccak("abc".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void twoHundredBytesSpanTwoBlocks() {
    byte[] input = new byte[200];
    Arrays.fill(input, (byte) 'a');
    assertEquals("96ea54061def936c4be90b518992fdc6f12f535068a256229aca54267b4d084d", keccak(input));
  }

  @Test
  void lengthsAroundTheBlockBoundary() {
    // 135 puts both padding bits in one byte (0x81); 136 needs a whole extra padding block.
    assertEquals("cbdfd9dee5faad3818d6b06f95a219fd290b0e1706f6a82e5a595b9ce9faca62", keccak(counting(135)));
    assertEquals("7ce759f1ab7f9ce437719970c26b0a66ff11fe3e38e17df89cf5d29c7d7f807e", keccak(counting(136)));
    assertEquals("ac73d4fae68b8453f764007c1a20ce95994187861f0c3227a3a8e99a73a3b1db", keccak(counting(137)));
    assertEquals("fdf2ec49e749960d3c8521a0219af8d03e30e2b3bf19bd16150ee0eaf133d66e", keccak(counting(272)));
  }

  @Test
  void partsHashAsTheirConcatenation() {
    byte[] whole = counting(300);
    byte[] expected = Keccak256.hash(whole);
    assertArrayEquals(expected, Keccak256.hash(Arrays.copyOfRange(whole, 0, 7), Arrays.copyOfRange(whole, 7, 200),
        new byte[0], Arrays.copyOfRange(whole, 200, 300)));
    assertEquals("c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470", Keccak256.hex(Keccak256.hash()));
  }

  @Test
  void hexRoundTrips() {
    byte[] bytes = {0, 1, (byte) 0x7f, (byte) 0x80, (byte) 0xff, 0x0a};
    assertEquals("00017f80ff0a", Keccak256.hex(bytes));
    assertArrayEquals(bytes, Keccak256.fromHex("00017f80ff0a"));
    assertArrayEquals(bytes, Keccak256.fromHex("0x00017F80FF0A"));
  }

  @Test
  void refusesNullsAndBadHex() {
    assertThrows(IllegalArgumentException.class, () -> Keccak256.hash((byte[][]) null));
    assertThrows(IllegalArgumentException.class, () -> Keccak256.hash(new byte[1], null));
    assertThrows(IllegalArgumentException.class, () -> Keccak256.fromHex("abc"));
    assertThrows(IllegalArgumentException.class, () -> Keccak256.fromHex("zz"));
  }
}
