package io.bhkr.cli.bench;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.concurrent.ForkJoinPool;

/** The machine as a benchmark finds it: cores, load average (other work on it), heap and the common pool's size. */
final class Machine {

  private Machine() {}

  static String describe() {
    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    return String.format(Locale.ROOT, "%d cores, load average %.2f, max heap %d MiB, common pool parallelism %d",
        Runtime.getRuntime().availableProcessors(), load, Runtime.getRuntime().maxMemory() >> 20, ForkJoinPool.getCommonPoolParallelism());
  }
}
