package io.bhkr.bytes;

import java.util.HexFormat;

/** Lowercase hex with a 0x prefix, as Ethereum writes bytes. */
public final class Hex {

  private Hex() {}

  public static String encode(byte[] bytes) {
    return "0x" + HexFormat.of().formatHex(bytes);
  }

  public static byte[] decode(String hex) {
    String digits = hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex;
    if (digits.length() % 2 != 0) throw new IllegalArgumentException("odd number of hex digits");
    return HexFormat.of().parseHex(digits);
  }
}
