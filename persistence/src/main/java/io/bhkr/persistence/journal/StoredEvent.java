package io.bhkr.persistence.journal;

import java.util.List;
import java.util.Objects;

/**
 * One row of the event journal as akka-persistence-jdbc stored it: the event's serialized bytes
 * with the serializer and manifest that read them back, its place in the global order, and its
 * tags. This is the journal's raw form, before any class of ours is involved, so a dump of it is
 * what a later build must still be able to replay.
 *
 * @param ordering       the journal's global order (unique, increasing)
 * @param writeTimestamp milliseconds since the epoch when the row was written
 * @param serializerId   Akka's serializer id (jackson-json for every BHKR event)
 * @param manifest       the serializer's manifest: the event's class name, with {@code #version} once migrated
 */
public record StoredEvent(
    long ordering,
    String persistenceId,
    long sequenceNumber,
    String writer,
    long writeTimestamp,
    String adapterManifest,
    int serializerId,
    String manifest,
    byte[] payload,
    List<String> tags) {

  public StoredEvent {
    Objects.requireNonNull(persistenceId, "persistenceId");
    Objects.requireNonNull(manifest, "manifest");
    Objects.requireNonNull(payload, "payload");
    writer = writer == null ? "" : writer;
    adapterManifest = adapterManifest == null ? "" : adapterManifest;
    tags = List.copyOf(tags);
  }

  /** The entity type: the part of the persistence id before '|' ("Account|0xab…" → "Account"). */
  public String entityType() {
    int bar = persistenceId.indexOf('|');
    return bar < 0 ? persistenceId : persistenceId.substring(0, bar);
  }

  /** The entity id: the part after '|', or the whole id when there is none. */
  public String entityId() {
    int bar = persistenceId.indexOf('|');
    return bar < 0 ? persistenceId : persistenceId.substring(bar + 1);
  }

  /** The event's class name: the manifest without a migration version. */
  public String className() {
    int hash = manifest.indexOf('#');
    return hash < 0 ? manifest : manifest.substring(0, hash);
  }

  /** The short class name as the docs list it ("AccountEntity$DepositReceived" → "AccountEntity.DepositReceived"). */
  public String kind() {
    String name = className();
    return name.substring(name.lastIndexOf('.') + 1).replace('$', '.');
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StoredEvent e && ordering == e.ordering && sequenceNumber == e.sequenceNumber
        && writeTimestamp == e.writeTimestamp && serializerId == e.serializerId && persistenceId.equals(e.persistenceId)
        && writer.equals(e.writer) && adapterManifest.equals(e.adapterManifest) && manifest.equals(e.manifest)
        && java.util.Arrays.equals(payload, e.payload) && tags.equals(e.tags);
  }

  @Override
  public int hashCode() {
    return Objects.hash(ordering, persistenceId, sequenceNumber, manifest, java.util.Arrays.hashCode(payload));
  }

  @Override
  public String toString() {
    return persistenceId + "#" + sequenceNumber + " (" + kind() + ", ordering " + ordering + ")";
  }
}
