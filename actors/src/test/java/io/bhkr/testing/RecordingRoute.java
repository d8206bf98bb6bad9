package io.bhkr.testing;

import akka.actor.typed.ActorRef;
import io.bhkr.serialization.JsonSerializable;
import io.bhkr.transfer.Dispatch;
import io.bhkr.transfer.DispatchRoute;
import io.bhkr.transfer.Receipt;

/**
 * Hands every dispatch an entity sends to a test probe instead of to sharding, so a test sees
 * exactly what left the entity and decides when (or whether) the receiver confirms it.
 */
public final class RecordingRoute implements DispatchRoute {

  public record Delivery(Dispatch dispatch, ActorRef<Receipt> replyTo) implements JsonSerializable {
    public void confirm() {
      replyTo.tell(new Receipt(dispatch.id()));
    }
  }

  private final ActorRef<Delivery> probe;

  public RecordingRoute(ActorRef<Delivery> probe) {
    this.probe = probe;
  }

  @Override
  public void deliver(Dispatch dispatch, ActorRef<Receipt> replyTo) {
    probe.tell(new Delivery(dispatch, replyTo));
  }
}
