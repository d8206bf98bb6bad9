package io.bhkr.persistence.events;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Where a reader of the market's public events stands: for each tag the stream reads, the journal
 * offset (global ordering) of the last event it has been given. The stream merges one live
 * events-by-tag query per tag, and those deliver in order within a tag but not across tags, so a
 * single number could skip an event of a slower tag; one offset per tag cannot.
 *
 * <p>Written as the offsets joined by {@code .} in {@link MarketEvents#TAGS} order
 * ({@code 12.9.0.4}); a single number {@code N} means "after N" for every tag.
 */
public record EventCursor(long[] offsets) {

  public EventCursor {
    if (offsets.length != MarketEvents.TAGS.size())
      throw new IllegalArgumentException("a cursor has " + MarketEvents.TAGS.size() + " offsets, got " + offsets.length);
    for (long o : offsets) if (o < 0) throw new IllegalArgumentException("an offset is not negative: " + o);
    offsets = offsets.clone();
  }

  public static EventCursor after(long offset) {
    long[] all = new long[MarketEvents.TAGS.size()];
    Arrays.fill(all, offset);
    return new EventCursor(all);
  }

  public static final EventCursor START = after(0);

  /** Parses {@link #toString()}'s form or a single offset; throws IllegalArgumentException on anything else. */
  public static EventCursor parse(String text) {
    if (text == null || !text.matches("\\d{1,18}(\\.\\d{1,18})*"))
      throw new IllegalArgumentException("an event id is an offset or offsets joined by '.', e.g. 12 or 12.9.0.4");
    List<Long> parts = Arrays.stream(text.split("\\.")).map(Long::parseLong).toList();
    if (parts.size() == 1) return after(parts.get(0));
    return new EventCursor(parts.stream().mapToLong(Long::longValue).toArray());
  }

  public long offset(int tagIndex) {
    return offsets[tagIndex];
  }

  /** This cursor with the tag's offset moved to {@code offset}. */
  public EventCursor with(int tagIndex, long offset) {
    long[] next = offsets.clone();
    next[tagIndex] = Math.max(next[tagIndex], offset);
    return new EventCursor(next);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EventCursor c && Arrays.equals(offsets, c.offsets);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(offsets);
  }

  @Override
  public String toString() {
    return Arrays.stream(offsets).mapToObj(Long::toString).collect(Collectors.joining("."));
  }
}
