package io.bhkr.rules;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Spec 9, who audits whom in a period. The active nodes, sorted by id so that the order they were
 * listed in cannot steer anything, are shuffled by a permutation π drawn from
 * {@code seed = keccak256(uint256(period) || beacon)}; the sidecar at position i audits the nodes at
 * positions i+1 … i+k (mod N). Anyone holding the period, the beacon and the node ids recomputes it.
 */
public final class AuditAssignment {

  private static final int WORD = 32;

  private AuditAssignment() {}

  /** {@code keccak256(uint256(period) || beacon)}, the period as a 32-byte big-endian word as Solidity packs it. */
  public static byte[] seed(long period, byte[] beacon) {
    if (period < 0) throw new IllegalArgumentException("period must not be negative: " + period);
    if (beacon == null || beacon.length != WORD)
      throw new IllegalArgumentException("beacon must be " + WORD + " bytes, got " + (beacon == null ? "none" : beacon.length));
    return Keccak256.hash(word(BigInteger.valueOf(period)), beacon);
  }

  /**
   * π as a list of node ids: a Fisher–Yates shuffle of the sorted ids whose i-th swap index is
   * {@code uint256(keccak256(seed || uint256(i))) mod (i+1)}, for i from N−1 down to 1.
   */
  public static List<String> permutation(byte[] seed, List<String> nodeIds) {
    List<String> order = new ArrayList<>(distinctSorted(nodeIds));
    for (int i = order.size() - 1; i >= 1; i--) {
      BigInteger draw = new BigInteger(1, Keccak256.hash(seed, word(BigInteger.valueOf(i))));
      int j = draw.mod(BigInteger.valueOf(i + 1L)).intValueExact();
      Collections.swap(order, i, j);
    }
    return order;
  }

  /**
   * Every active node's targets, in π order after it. With N ≤ k nodes (the spec assumes N > k)
   * every node audits all the others: k becomes N − 1, still regular and nobody audits itself.
   */
  public static Map<String, List<String>> assign(byte[] seed, List<String> nodeIds, int k) {
    if (k < 1) throw new IllegalArgumentException("k must be at least 1: " + k);
    List<String> pi = permutation(seed, nodeIds);
    int n = pi.size();
    int effectiveK = Math.min(k, Math.max(0, n - 1));
    Map<String, List<String>> targets = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      List<String> mine = new ArrayList<>(effectiveK);
      for (int step = 1; step <= effectiveK; step++) mine.add(pi.get((i + step) % n));
      targets.put(pi.get(i), List.copyOf(mine));
    }
    return Collections.unmodifiableMap(targets);
  }

  /** The auditors of each node: the inverse of {@link #assign}, sorted by id. */
  public static Map<String, List<String>> auditors(Map<String, List<String>> assignment) {
    Map<String, List<String>> of = new TreeMap<>();
    assignment.forEach((auditor, targets) -> targets.forEach(t -> of.computeIfAbsent(t, x -> new ArrayList<>()).add(auditor)));
    of.replaceAll((t, list) -> List.copyOf(new TreeSet<>(list)));
    return Collections.unmodifiableMap(of);
  }

  private static List<String> distinctSorted(List<String> nodeIds) {
    if (nodeIds == null) throw new IllegalArgumentException("node ids are missing");
    for (String id : nodeIds) if (id == null || id.isBlank()) throw new IllegalArgumentException("a node id is blank");
    return List.copyOf(new TreeSet<>(nodeIds));
  }

  private static byte[] word(BigInteger value) {
    byte[] minimal = value.toByteArray(); // may carry a leading sign byte 0x00
    byte[] out = new byte[WORD];
    int length = Math.min(minimal.length, WORD);
    System.arraycopy(minimal, minimal.length - length, out, WORD - length, length);
    return out;
  }
}
