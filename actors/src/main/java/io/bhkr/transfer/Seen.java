package io.bhkr.transfer;

import java.util.Collections;
import java.util.HashSet;
import java.util.Set;

/**
 * Ids of the dispatches (and deposits) an entity has already applied or issued, so a redelivery
 * changes nothing. Immutable.
 */
public record Seen(Set<String> ids) {

  public Seen {
    ids = Collections.unmodifiableSet(new HashSet<>(ids == null ? Set.of() : ids));
  }

  public static Seen none() {
    return new Seen(Set.of());
  }

  public boolean contains(String id) {
    return ids.contains(id);
  }

  public Seen with(String id) {
    if (ids.contains(id)) return this;
    HashSet<String> copy = new HashSet<>(ids);
    copy.add(id);
    return new Seen(copy);
  }
}
