package io.bhkr.nodes;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.cluster.sharding.typed.javadsl.ClusterSharding;
import akka.cluster.sharding.typed.javadsl.Entity;
import akka.cluster.sharding.typed.javadsl.EntityTypeKey;
import akka.persistence.typed.PersistenceId;
import akka.persistence.typed.javadsl.CommandHandlerWithReply;
import akka.persistence.typed.javadsl.EventHandler;
import akka.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import akka.persistence.typed.javadsl.ReplyEffect;
import io.bhkr.serialization.DomainEvent;
import io.bhkr.serialization.JsonSerializable;
import java.util.Objects;

/**
 * Which node a sidecar address belongs to: one node only, since the sidecar's signature is what
 * speaks for a node in heartbeats and audit reports. One entity per sidecar address (lowercase
 * 0x, the entity id), asked before a node is registered.
 *
 * <p>A holder whose registration never happened (it lost a race for its node id) leaves a stale
 * entry; the caller, which can read the node, says so with {@link Claim#replacing}.
 */
public final class SidecarIndex
    extends EventSourcedBehaviorWithEnforcedReplies<SidecarIndex.Command, SidecarIndex.Event, SidecarIndex.Holder> {

  public static final EntityTypeKey<Command> TYPE_KEY = EntityTypeKey.create(Command.class, "SidecarIndex");

  public sealed interface Command extends JsonSerializable {}

  /**
   * Gives this sidecar address to {@code nodeId}, if no node holds it, it is {@code nodeId}'s
   * already, or its holder is {@code replacing} (a holder the caller found stale).
   */
  public record Claim(String nodeId, String replacing, ActorRef<ClaimResult> replyTo) implements Command {
    public Claim {
      Objects.requireNonNull(nodeId, "nodeId");
      Objects.requireNonNull(replyTo, "replyTo");
    }
  }

  /** {@code holder} is the node that holds the address after the claim: {@code nodeId} if the claim succeeded. */
  public record ClaimResult(String holder) implements JsonSerializable {}

  public sealed interface Event extends DomainEvent {}

  /** The sidecar address now belongs to {@code nodeId}. */
  public record SidecarClaimed(String sidecarAddress, String nodeId) implements Event {}

  /** The node holding this sidecar address, or null. */
  public record Holder(String nodeId) implements JsonSerializable {}

  public static void init(ClusterSharding sharding) {
    sharding.init(Entity.of(TYPE_KEY, context -> create(context.getEntityId())));
  }

  public static Behavior<Command> create(String sidecarAddress) {
    return akka.actor.typed.javadsl.Behaviors.setup(ctx -> new SidecarIndex(sidecarAddress, io.bhkr.transfer.JournalFailureBackoff.of(ctx.getSystem())));
  }

  private final String sidecarAddress;

  private SidecarIndex(String sidecarAddress, akka.actor.typed.BackoffSupervisorStrategy onJournalFailure) {
    super(PersistenceId.of(TYPE_KEY.name(), sidecarAddress), onJournalFailure);
    this.sidecarAddress = sidecarAddress;
  }

  @Override
  public Holder emptyState() {
    return new Holder(null);
  }

  @Override
  public CommandHandlerWithReply<Command, Event, Holder> commandHandler() {
    return newCommandHandlerWithReplyBuilder().forAnyState().onCommand(Claim.class, this::onClaim).build();
  }

  private ReplyEffect<Event, Holder> onClaim(Holder holder, Claim claim) {
    if (claim.nodeId().equals(holder.nodeId())) return Effect().reply(claim.replyTo(), new ClaimResult(holder.nodeId()));
    if (holder.nodeId() != null && !holder.nodeId().equals(claim.replacing()))
      return Effect().reply(claim.replyTo(), new ClaimResult(holder.nodeId()));
    return Effect().persist(new SidecarClaimed(sidecarAddress, claim.nodeId()))
        .thenReply(claim.replyTo(), h -> new ClaimResult(h.nodeId()));
  }

  @Override
  public EventHandler<Holder, Event> eventHandler() {
    return newEventHandlerBuilder().forAnyState().onEvent(SidecarClaimed.class, (h, e) -> new Holder(e.nodeId())).build();
  }
}
