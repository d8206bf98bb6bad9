package io.bhkr.transfer;

import io.bhkr.serialization.DomainEvent;
import java.util.List;
import java.util.Set;

/**
 * An event that moves value. Such events carry the tag {@value #TAG} besides their entity's, so
 * one ordered stream holds every movement: with the JDBC journal's global ordering a transfer's
 * SENT always comes before its RECEIVED, because the receiver persists only after the sender has.
 */
public interface ValueEvent extends DomainEvent {

  String TAG = "ledger";

  List<ValueChange> changes();

  /** The tags of an entity's event: its entity tag, and the ledger tag when it moves value. */
  static Set<String> tags(String entityTag, DomainEvent event) {
    return event instanceof ValueEvent v && !v.changes().isEmpty() ? Set.of(entityTag, TAG) : Set.of(entityTag);
  }
}
