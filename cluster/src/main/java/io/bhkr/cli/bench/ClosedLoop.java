package io.bhkr.cli.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Recorder;

/**
 * {@code inFlight} closed-loop clients, each playing its next lifecycle when the last one settled,
 * for a fixed time. Only lifecycles settled within the time count towards the rate; those still
 * running at the end are finished (so their journal events are all written) and counted apart.
 */
final class ClosedLoop {

  /** What one run gave: lifecycles settled in time, all settled, failures, latency and journal rows. */
  record Run(int inFlight, long inTime, long settled, long failed, double seconds, double p50Ms, double p99Ms, long journalRows,
      String firstFailure) {
    double perSecond() {
      return inTime / seconds;
    }

    double rowsPerLifecycle() {
      return settled == 0 ? 0 : (double) journalRows / settled;
    }
  }

  /** The journal's highest ordering now. */
  interface JournalEnd {
    long read() throws Exception;
  }

  private ClosedLoop() {}

  static Run run(Lifecycles lifecycles, int inFlight, int seconds, JournalEnd journal) throws Exception {
    long before = journal.read();
    Recorder latencies = new Recorder(3);
    AtomicLong inTime = new AtomicLong();
    AtomicLong settled = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    AtomicReference<String> firstFailure = new AtomicReference<>();
    long start = System.nanoTime();
    long end = start + seconds * 1_000_000_000L;
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < inFlight; c++) {
      int client = c;
      Thread t = new Thread(() -> {
        while (System.nanoTime() < end) {
          long began = System.nanoTime();
          try {
            lifecycles.play(client);
            long done = System.nanoTime();
            latencies.recordValue(Math.max(1, (done - began) / 1_000));
            settled.incrementAndGet();
            if (done <= end) inTime.incrementAndGet();
          } catch (Exception e) {
            failed.incrementAndGet();
            firstFailure.compareAndSet(null, String.valueOf(e.getMessage()));
          }
        }
      }, "lifecycle-client-" + c);
      t.start();
      threads.add(t);
    }
    for (Thread t : threads) t.join();
    long rows = quiet(journal) - before;
    var h = latencies.getIntervalHistogram();
    return new Run(inFlight, inTime.get(), settled.get(), failed.get(), seconds, h.getValueAtPercentile(50) / 1e3,
        h.getValueAtPercentile(99) / 1e3, rows, firstFailure.get());
  }

  /** The journal's end once nothing has been written for half a second (settlement legs land after SETTLED). */
  private static long quiet(JournalEnd journal) throws Exception {
    long last = journal.read();
    for (int i = 0; i < 40; i++) {
      Thread.sleep(500);
      long now = journal.read();
      if (now == last) return now;
      last = now;
    }
    return last;
  }
}
