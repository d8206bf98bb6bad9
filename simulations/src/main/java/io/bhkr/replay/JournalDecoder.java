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

  private final ActorSystem<Void> system;
  private final Serialization serialization;

  public JournalDecoder() {
    system = ActorSystem.create(Behaviors.empty(), "bhkr-replay", ConfigFactory.parseString("""
        akka.actor.provider = local
        akka.loglevel = WARNING
        akka.coordinated-shutdown.exit-jvm = off
        """).withFallback(ConfigFactory.load()));
    serialization = SerializationExtension.get(system);
  }

  /** The event, or an {@link IllegalStateException} naming the row that cannot be read. */
  public Object decode(StoredEvent e) {
    try {
      return serialization.deserialize(e.payload(), e.serializerId(), e.manifest()).get();
    } catch (RuntimeException unreadable) {
      throw new IllegalStateException(e + " cannot be read: " + unreadable.getMessage(), unreadable);
    }
  }

  @Override
  public void close() {
    system.terminate();
  }
}
