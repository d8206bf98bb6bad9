package io.bhkr.transfer;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ids of the dispatches (and deposits) an entity has already applied or issued, so a redelivery
 * changes nothing. Immutable to its users, but not copied on every {@link #with}: an entity's
 * states form a line (each the next of the one before), so the versions of one line share a map
 * of id → the version that added it, and a version sees the ids added up to it. Adding to the
 * newest version of a line costs O(1) however many ids it holds (a pool receives thousands);
 * adding to an older version (a branch) copies what that version sees, as the old record did.
 * The shared map is concurrent, because a snapshot may be serialized on another thread while the
 * entity goes on: entries are only ever added, and each version filters by its own number.
 */
public final class Seen {

  /** One line of versions: every id any of them added, with the version that added it. */
  private static final class Line {
    final Map<String, Integer> added = new ConcurrentHashMap<>();
    final AtomicInteger newest = new AtomicInteger();
  }

  private final Line line;
  private final int version;

  private Seen(Line line, int version) {
    this.line = line;
    this.version = version;
  }

  /** A set of exactly these ids (how a snapshot reads it back). */
  @JsonCreator
  public static Seen of(@JsonProperty("ids") Set<String> ids) {
    Line line = new Line();
    int v = 0;
    if (ids != null) for (String id : ids) if (line.added.putIfAbsent(id, v + 1) == null) v++;
    line.newest.set(v);
    return new Seen(line, v);
  }

  public static Seen none() {
    return new Seen(new Line(), 0);
  }

  public boolean contains(String id) {
    Integer at = line.added.get(id);
    return at != null && at <= version;
  }

  public Seen with(String id) {
    if (contains(id)) return this;
    int v = version;
    // The line's next version added this very id, so it holds exactly the set asked for: share it.
    // This is how a decision that tries an event on a state, and then the event handler that
    // applies it to the same state, both stay O(1).
    Integer at = line.added.get(id);
    if (at != null && at == v + 1) return new Seen(line, v + 1);
    if (line.newest.compareAndSet(v, v + 1)) {
      line.added.put(id, v + 1);
      return new Seen(line, v + 1);
    }
    // a branch: another version already grew this line past v
    return of(ids()).with(id);
  }

  /** The ids this version holds, sorted, so its JSON is stable. */
  @JsonProperty("ids")
  public Set<String> ids() {
    int v = version;
    TreeSet<String> ids = new TreeSet<>();
    line.added.forEach((id, at) -> {
      if (at <= v) ids.add(id);
    });
    return Collections.unmodifiableSet(ids);
  }

  public int size() {
    return version;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Seen s && (s.line == line ? s.version == version : s.size() == size() && s.ids().equals(ids()));
  }

  @Override
  public int hashCode() {
    return ids().hashCode();
  }

  @Override
  public String toString() {
    return "Seen[ids=" + ids() + "]";
  }
}
