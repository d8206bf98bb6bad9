package io.bhkr.replay;

import akka.actor.typed.ActorSystem;
import akka.actor.typed.javadsl.Behaviors;
import akka.serialization.Serialization;
import akka.serialization.SerializationExtension;
import com.typesafe.config.ConfigFactory;
import io.bhkr.persistence.journal.StoredEvent;

/**
 * Reads stored events back into their classes exactly as the node does: through Akka's
 * serialization with the node's bindings and Jackson migrations. A local actor system is the only
 * way to that serialization; it joins no cluster and opens no port.
 */
public final class JournalDecoder implements AutoCloseable {

  private final ActorSystem<Void> own;
  private final Serialization serialization;

  public JournalDecoder() {
    own = ActorSystem.create(Behaviors.empty(), "bhkr-replay", ConfigFactory.parseString("""
        akka.actor.provider = local
        akka.loglevel = WARNING
        akka.coordinated-shutdown.exit-jvm = off
        """).withFallback(ConfigFactory.load()));
    serialization = SerializationExtension.get(own);
  }

  /** Decodes with a running node's own serialization; closing leaves that system alone. */
  public JournalDecoder(akka.actor.typed.ActorSystem<?> node) {
    own = null;
    serialization = SerializationExtension.get(node);
  }

  /** The event, or an {@link IllegalStateException} naming the row that cannot be read. */
  public Object decode(StoredEvent e) {
    try {
      return serialization.deserialize(e.payload(), e.serializerId(), e.manifest()).get();
    } catch (RuntimeException unreadable) {
      throw new IllegalStateException(e + " cannot be read: " + unreadable.getMessage(), unreadable);
    }
  }

  /** The bytes the node would store for {@code event} (same serializer, same manifest rules). */
  public byte[] encode(Object event) {
    return serialization.serialize(event).get();
  }

  @Override
  public void close() {
    if (own != null) own.terminate();
  }
}
