package io.bhkr.transfer;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.bhkr.money.Asset;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Dispatches an entity has persisted but whose receipt it has not yet seen. Immutable. */
public record Outbox(Map<String, Dispatch> pending) {

  public Outbox {
    pending = Collections.unmodifiableMap(new LinkedHashMap<>(pending == null ? Map.of() : pending));
  }

  public static Outbox empty() {
    return new Outbox(Map.of());
  }

  public Outbox add(Dispatch dispatch) {
    LinkedHashMap<String, Dispatch> copy = new LinkedHashMap<>(pending);
    copy.put(dispatch.id(), dispatch);
    return new Outbox(copy);
  }

  public Outbox confirm(String dispatchId) {
    if (!pending.containsKey(dispatchId)) return this;
    LinkedHashMap<String, Dispatch> copy = new LinkedHashMap<>(pending);
    copy.remove(dispatchId);
    return new Outbox(copy);
  }

  public boolean contains(String dispatchId) {
    return pending.containsKey(dispatchId);
  }

  @JsonIgnore
  public boolean isEmpty() {
    return pending.isEmpty();
  }

  public Collection<Dispatch> all() {
    return pending.values();
  }

  /** Value that has left this entity and not yet been confirmed by its receiver, per asset. */
  public Map<Asset, BigInteger> inFlight() {
    EnumMap<Asset, BigInteger> sums = new EnumMap<>(Asset.class);
    for (Asset a : Asset.values()) sums.put(a, BigInteger.ZERO);
    for (Dispatch d : pending.values())
      d.value().ifPresent(v -> sums.merge(v.asset(), v.amount(), BigInteger::add));
    return sums;
  }
}
