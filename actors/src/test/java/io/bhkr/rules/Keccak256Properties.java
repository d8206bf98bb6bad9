package io.bhkr.rules;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class Keccak256Properties {

  @Property
  void hashingPartsIsHashingTheirConcatenation(@ForAll @Size(max = 600) byte[] input, @ForAll @IntRange(max = 600) int cut) {
    int at = Math.min(cut, input.length);
    assertArrayEquals(Keccak256.hash(input), Keccak256.hash(Arrays.copyOfRange(input, 0, at), Arrays.copyOfRange(input, at, input.length)));
  }

  @Property
  void hexRoundTripsAndIsTwoDigitsPerByte(@ForAll @Size(max = 64) byte[] bytes) {
    String hex = Keccak256.hex(bytes);
    assertEquals(2 * bytes.length, hex.length());
    assertEquals(hex.toLowerCase(), hex);
    assertArrayEquals(bytes, Keccak256.fromHex(hex));
  }
}
