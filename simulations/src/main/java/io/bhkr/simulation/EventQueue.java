package io.bhkr.simulation;

import java.util.PriorityQueue;

/**
 * Simulated time: events ordered by their time in seconds, then by the order they were scheduled,
 * so two events at the same second always happen in the same order. No wall clock anywhere.
 */
final class EventQueue {

  /** Something that happens at {@code at}; {@code seq} breaks ties in scheduling order. */
  record Timed(long at, long seq, Runnable happen) implements Comparable<Timed> {
    @Override
    public int compareTo(Timed o) {
      int c = Long.compare(at, o.at);
      return c != 0 ? c : Long.compare(seq, o.seq);
    }
  }

  private final PriorityQueue<Timed> queue = new PriorityQueue<>();
  private long seq;
  private long now;
  private long happened;

  void at(long time, Runnable happen) {
    if (time < now) throw new IllegalStateException("cannot schedule at " + time + ", before now " + now);
    queue.add(new Timed(time, seq++, happen));
  }

  long now() {
    return now;
  }

  long happened() {
    return happened;
  }

  /** Runs every event up to and including {@code until}; later ones stay unrun. */
  void runUntil(long until) {
    while (!queue.isEmpty() && queue.peek().at() <= until) {
      Timed next = queue.poll();
      now = next.at();
      happened++;
      next.happen().run();
    }
    now = until;
  }
}
