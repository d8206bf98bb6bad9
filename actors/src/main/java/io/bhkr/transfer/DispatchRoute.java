package io.bhkr.transfer;

import akka.actor.typed.ActorRef;

/** Delivers a dispatch to the entity of its receiving party (through sharding, in a running node). */
public interface DispatchRoute {
  void deliver(Dispatch dispatch, ActorRef<Receipt> replyTo);
}
