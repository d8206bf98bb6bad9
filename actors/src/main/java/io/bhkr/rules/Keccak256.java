package io.bhkr.rules;

/**
 * Ethereum's Keccak-256: the Keccak sponge with the original padding byte 0x01, not the 0x06 of
 * the later SHA3-256 standard. Written out here because this module may depend on nothing but
 * Akka, and the auction seed must match what anyone can recompute with Ethereum tooling.
 */
public final class Keccak256 {

  /** Bytes absorbed per permutation: 1600-bit state minus twice the 256-bit output. */
  private static final int RATE = 136;
  private static final int OUTPUT = 32;
  private static final int ROUNDS = 24;

  private static final long[] ROUND_CONSTANTS = {
    0x0000000000000001L, 0x0000000000008082L, 0x800000000000808aL, 0x8000000080008000L,
    0x000000000000808bL, 0x0000000080000001L, 0x8000000080008081L, 0x8000000000008009L,
    0x000000000000008aL, 0x0000000000000088L, 0x0000000080008009L, 0x000000008000000aL,
    0x000000008000808bL, 0x800000000000008bL, 0x8000000000008089L, 0x8000000000008003L,
    0x8000000000008002L, 0x8000000000000080L, 0x000000000000800aL, 0x800000008000000aL,
    0x8000000080008081L, 0x8000000000008080L, 0x0000000080000001L, 0x8000000080008008L
  };

  /** Rotation of lane (x, y), indexed x + 5y (the rho step). */
  private static final int[] ROTATIONS = {
    0, 1, 62, 28, 27,
    36, 44, 6, 55, 20,
    3, 10, 43, 25, 39,
    41, 45, 15, 21, 8,
    18, 2, 61, 56, 14
  };

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private Keccak256() {}

  /** Keccak-256 of the concatenation of {@code parts}, so callers need not build the buffer. */
  public static byte[] hash(byte[]... parts) {
    if (parts == null) throw new IllegalArgumentException("parts must not be null");
    int length = 0;
    for (byte[] part : parts) {
      if (part == null) throw new IllegalArgumentException("a part to hash is null");
      length = Math.addExact(length, part.length);
    }
    // Pad to a whole number of blocks: 0x01 after the message, 0x80 on the block's last byte.
    byte[] padded = new byte[(length / RATE + 1) * RATE];
    int at = 0;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, padded, at, part.length);
      at += part.length;
    }
    padded[length] ^= 0x01;
    padded[padded.length - 1] ^= (byte) 0x80;

    long[] state = new long[25];
    for (int block = 0; block < padded.length; block += RATE) {
      for (int lane = 0; lane < RATE / 8; lane++) state[lane] ^= littleEndianLong(padded, block + lane * 8);
      permute(state);
    }
    byte[] out = new byte[OUTPUT];
    for (int i = 0; i < OUTPUT; i++) out[i] = (byte) (state[i / 8] >>> (8 * (i % 8)));
    return out;
  }

  /** Lowercase hex without a 0x prefix, as the journal and the API write hashes. */
  public static String hex(byte[] bytes) {
    if (bytes == null) throw new IllegalArgumentException("bytes must not be null");
    char[] out = new char[bytes.length * 2];
    for (int i = 0; i < bytes.length; i++) {
      out[2 * i] = HEX[(bytes[i] >> 4) & 0xf];
      out[2 * i + 1] = HEX[bytes[i] & 0xf];
    }
    return new String(out);
  }

  /** The inverse of {@link #hex}; an optional 0x prefix and either letter case are accepted. */
  public static byte[] fromHex(String hex) {
    if (hex == null) throw new IllegalArgumentException("hex must not be null");
    String digits = hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex;
    if (digits.length() % 2 != 0) throw new IllegalArgumentException("hex must have an even number of digits: " + hex);
    byte[] out = new byte[digits.length() / 2];
    for (int i = 0; i < out.length; i++) {
      int high = Character.digit(digits.charAt(2 * i), 16);
      int low = Character.digit(digits.charAt(2 * i + 1), 16);
      if (high < 0 || low < 0) throw new IllegalArgumentException("not a hex string: " + hex);
      out[i] = (byte) (high << 4 | low);
    }
    return out;
  }

  private static long littleEndianLong(byte[] bytes, int from) {
    long value = 0;
    for (int i = 7; i >= 0; i--) value = value << 8 | (bytes[from + i] & 0xffL);
    return value;
  }

  /** Keccak-f[1600] on 25 lanes indexed x + 5y. */
  private static void permute(long[] a) {
    long[] c = new long[5];
    long[] b = new long[25];
    for (int round = 0; round < ROUNDS; round++) {
      for (int x = 0; x < 5; x++) c[x] = a[x] ^ a[x + 5] ^ a[x + 10] ^ a[x + 15] ^ a[x + 20];
      for (int x = 0; x < 5; x++) {
        long d = c[(x + 4) % 5] ^ Long.rotateLeft(c[(x + 1) % 5], 1);
        for (int y = 0; y < 25; y += 5) a[y + x] ^= d;
      }
      for (int x = 0; x < 5; x++) {
        for (int y = 0; y < 5; y++) b[y + 5 * ((2 * x + 3 * y) % 5)] = Long.rotateLeft(a[x + 5 * y], ROTATIONS[x + 5 * y]);
      }
      for (int y = 0; y < 25; y += 5) {
        for (int x = 0; x < 5; x++) a[y + x] = b[y + x] ^ (~b[y + (x + 1) % 5] & b[y + (x + 2) % 5]);
      }
      a[0] ^= ROUND_CONSTANTS[round];
    }
  }
}
