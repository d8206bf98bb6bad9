package io.bhkr.replay;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A progress line for long replays: events read, the rate, and the time left, rewritten in place
 * at most once a second on a terminal (every 10 % elsewhere), then a final line.
 */
public final class Progress {

  private final PrintStream out;
  private final String task;
  private final long total;
  private final boolean terminal;
  private final long started = System.nanoTime();
  private long lastPrint = started;
  private long done;
  private int lastDecile;

  public Progress(PrintStream out, String task, long total) {
    this.out = out;
    this.task = task;
    this.total = total;
    this.terminal = System.console() != null;
  }

  /** No output at all: for tests and for callers that print their own. */
  public static Progress silent() {
    return new Progress(null, "", 0);
  }

  public void step() {
    done++;
    if (out == null || (done & 1023) != 0) return;
    long now = System.nanoTime();
    int decile = total == 0 ? 0 : (int) (done * 10 / total);
    if (terminal ? now - lastPrint > 1_000_000_000L : decile > lastDecile) {
      lastPrint = now;
      lastDecile = decile;
      out.print((terminal ? "\r" : "") + line(now) + (terminal ? "" : "\n"));
      out.flush();
    }
  }

  public void finish() {
    if (out == null) return;
    out.print((terminal ? "\r" : "") + line(System.nanoTime()) + ", done\n");
    out.flush();
  }

  /** Events per second so far. */
  public double rate() {
    double seconds = Math.max(1e-9, (System.nanoTime() - started) / 1e9);
    return done / seconds;
  }

  private String line(long now) {
    double seconds = Math.max(1e-9, (now - started) / 1e9);
    double rate = done / seconds;
    String of = total > 0 ? String.format(Locale.ROOT, " of %,d (%d %%)", total, done * 100 / total) : "";
    String left = total > done && rate > 0 ? String.format(Locale.ROOT, ", %.0f s left", (total - done) / rate) : "";
    return String.format(Locale.ROOT, "%s: %,d events%s, %,.0f events/s%s", task, done, of, rate, left);
  }
}
