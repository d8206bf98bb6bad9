package io.bhkr.cli.sidecar;

/**
 * What an auditor saw of one target in one period. A probe succeeds if the target answered and its
 * chain has advanced within the stall limit: a node that answers but no longer makes blocks is down.
 */
final class TargetRecord {

  private final long stallNanos;
  private long lastBlock = -1;
  private long lastAdvance;
  private int probes;
  private int successes;

  TargetRecord(long stallNanos) {
    this.stallNanos = stallNanos;
  }

  /** @param block the answer, or −1 for none */
  void probed(long block, long nanoTime) {
    probes++;
    if (block < 0) return;
    if (block > lastBlock) {
      lastBlock = block;
      lastAdvance = nanoTime;
      successes++;
    } else if (nanoTime - lastAdvance <= stallNanos) successes++;
  }

  /** A new period counts its probes afresh; the last block seen carries over to judge advance. */
  void newPeriod() {
    probes = 0;
    successes = 0;
  }

  int probes() {
    return probes;
  }

  int upBps() {
    return probes == 0 ? 0 : (int) ((long) successes * 10_000 / probes);
  }
}
