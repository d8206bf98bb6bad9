package io.bhkr.http.auth;

import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Locale;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Sign;

/**
 * {@code bhkr bench signatures}: how many public keys one core recovers per second with each
 * {@link KeyRecovery}, over the same signed requests, each figure the median of several runs.
 * It prints; it asserts nothing.
 */
public final class SignatureBenchmark {

  private record Signed(byte[] hash, BigInteger r, BigInteger s, int recoveryId) {}

  private SignatureBenchmark() {}

  public static void run(int signatures, double seconds, int runs, PrintStream out) {
    SecureRandom random = new SecureRandom();
    Signed[] sample = new Signed[signatures];
    for (int i = 0; i < signatures; i++) {
      ECKeyPair key = ECKeyPair.create(new BigInteger(255, random).add(BigInteger.ONE));
      byte[] hash = Sign.getEthereumMessageHash(("POST /api/v1/accounts/transfers " + i).getBytes(StandardCharsets.UTF_8));
      Sign.SignatureData sig = Sign.signMessage(hash, key, false);
      sample[i] = new Signed(hash, new BigInteger(1, sig.getR()), new BigInteger(1, sig.getS()), sig.getV()[0] - 27);
    }
    out.printf(Locale.ROOT, "Public-key recovery of %,d signatures, one thread, median of %d runs of %.1f s (%d cores here)%n",
        signatures, runs, seconds, Runtime.getRuntime().availableProcessors());
    double bc = median(KeyRecovery.BOUNCY_CASTLE, sample, seconds, runs);
    out.printf(Locale.ROOT, "  %-42s %,10.0f recoveries/s per core%n", KeyRecovery.BOUNCY_CASTLE.name(), bc);
    KeyRecovery lib = KeyRecovery.libsecp256k1();
    double fast = median(lib, sample, seconds, runs);
    out.printf(Locale.ROOT, "  %-42s %,10.0f recoveries/s per core (%.1f x)%n", lib.name(), fast, fast / bc);
    out.printf(Locale.ROOT, "  the node uses: %s%n", KeyRecovery.BEST.name());
  }

  private static double median(KeyRecovery recovery, Signed[] sample, double seconds, int runs) {
    double[] rates = new double[runs];
    for (int run = 0; run < runs; run++) {
      long n = 0;
      long start = System.nanoTime();
      long end = start + (long) (seconds * 1e9);
      while (System.nanoTime() < end) {
        Signed s = sample[(int) (n % sample.length)];
        if (recovery.recover(s.hash(), s.r(), s.s(), s.recoveryId()).isEmpty()) throw new IllegalStateException("a signature recovered no key");
        n++;
      }
      rates[run] = n / ((System.nanoTime() - start) / 1e9);
    }
    Arrays.sort(rates);
    return rates[runs / 2];
  }
}
