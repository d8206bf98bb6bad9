package io.bhkr.http.auth;

import fr.acinq.secp256k1.Secp256k1;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.crypto.ECDSASignature;
import org.web3j.crypto.Sign;

/**
 * Recovers the secp256k1 public key behind a signature: the costliest step of every signed
 * request. Two implementations give the same answers (a property test holds them together):
 * libsecp256k1, Bitcoin Core's C library, through ACINQ's JNI bindings, several times faster;
 * and BouncyCastle through Web3j, pure Java, used where the native library cannot load.
 */
public interface KeyRecovery {

  /**
   * The 64-byte public key (x ‖ y) that made the signature (r, s) with {@code recoveryId} over
   * {@code hash}, or empty if it recovers none. r and s are checked to lie in 1..n-1 by the caller.
   */
  Optional<byte[]> recover(byte[] hash, BigInteger r, BigInteger s, int recoveryId);

  String name();

  /** libsecp256k1 when its native library loads on this machine, BouncyCastle otherwise; chosen once. */
  KeyRecovery BEST = Choice.best();

  KeyRecovery BOUNCY_CASTLE = new KeyRecovery() {
    @Override
    public Optional<byte[]> recover(byte[] hash, BigInteger r, BigInteger s, int recoveryId) {
      BigInteger key;
      try {
        key = Sign.recoverFromSignature(recoveryId, new ECDSASignature(r, s), hash);
      } catch (RuntimeException e) {
        return Optional.empty(); // BouncyCastle refuses an r that is no x coordinate on the curve
      }
      return key == null ? Optional.empty() : Optional.of(fixed(key.toByteArray(), 64));
    }

    @Override
    public String name() {
      return "BouncyCastle (Web3j)";
    }
  };

  /** Fails to construct where the native library does not load. */
  static KeyRecovery libsecp256k1() {
    Secp256k1 lib = Secp256k1.get();
    return new KeyRecovery() {
      @Override
      public Optional<byte[]> recover(byte[] hash, BigInteger r, BigInteger s, int recoveryId) {
        byte[] compact = new byte[64];
        System.arraycopy(fixed(r.toByteArray(), 32), 0, compact, 0, 32);
        System.arraycopy(fixed(s.toByteArray(), 32), 0, compact, 32, 32);
        try {
          byte[] uncompressed = lib.ecdsaRecover(compact, hash, recoveryId); // 0x04 ‖ x ‖ y
          return Optional.of(Arrays.copyOfRange(uncompressed, 1, 65));
        } catch (RuntimeException e) {
          return Optional.empty(); // Secp256k1Exception: no point with that x, or the key at infinity
        }
      }

      @Override
      public String name() {
        return "libsecp256k1 (ACINQ secp256k1-kmp JNI)";
      }
    };
  }

  /** The last {@code size} bytes of a big-endian number, left-padded with zeros. */
  private static byte[] fixed(byte[] bigEndian, int size) {
    byte[] out = new byte[size];
    int from = Math.max(0, bigEndian.length - size);
    int length = bigEndian.length - from;
    System.arraycopy(bigEndian, from, out, size - length, length);
    return out;
  }

  /** Where the choice is made, once, and said in the log. */
  final class Choice {
    private static final Logger log = LoggerFactory.getLogger(KeyRecovery.class);

    private Choice() {}

    static KeyRecovery best() {
      try {
        KeyRecovery chosen = libsecp256k1();
        log.debug("signatures are recovered with {}", chosen.name());
        return chosen;
      } catch (RuntimeException | LinkageError e) {
        log.warn("libsecp256k1 did not load ({}); signatures are recovered with BouncyCastle, several times slower", e.toString());
        return BOUNCY_CASTLE;
      }
    }
  }
}
