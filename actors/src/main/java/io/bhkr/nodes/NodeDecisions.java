package io.bhkr.nodes;

import io.bhkr.money.Amount;
import io.bhkr.money.Asset;
import io.bhkr.provider.ProjectPlaced;
import io.bhkr.provider.ProjectUnplaced;
import io.bhkr.serialization.DomainEvent;
import io.bhkr.transfer.Dispatch;
import io.bhkr.transfer.DispatchReceived;
import io.bhkr.transfer.DispatchSent;
import io.bhkr.transfer.Party;
import io.bhkr.transfer.Purpose;
import io.bhkr.transfer.Transfer;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * What a node decides, as pure functions of its state and a command or an arrival: the events to
 * persist in one write, or why a command is refused. No actor, no clock: time comes with the input.
 */
public final class NodeDecisions {

  private NodeDecisions() {}

  /** Why the node cannot be registered, or null: a node is registered once. */
  public static String registrationRefusal(NodeState s, String nodeId) {
    return s.registration() != null ? "node " + nodeId + " is already registered" : null;
  }

  /** The registration, and the notice that tells its provider the capacity it may place projects on. */
  public static List<DomainEvent> register(String nodeId, NodeEntity.Register c) {
    NodeDeclared declared = new NodeDeclared("node:" + nodeId, Party.node(nodeId), Party.provider(c.providerId()), nodeId,
        c.capacity(), c.at());
    return List.of(new NodeRegistered(nodeId, c.providerId(), c.endpoint(), c.sidecarAddress(), c.capacity(), c.at()),
        new DispatchSent(declared));
  }

  /** Why {@code staker} cannot take {@code amount} off the node, or null. */
  public static String withdrawalRefusal(NodeState s, String nodeId, String staker, BigInteger amount) {
    if (amount.signum() <= 0) return "the amount must be more than zero";
    BigInteger staked = s.staked(staker);
    if (staked.compareTo(amount) < 0) return staker + " has " + staked + " BHKR base units staked on node " + nodeId;
    return null;
  }

  /** The withdrawal and the transfer that pays it back to its staker. */
  public static List<DomainEvent> withdraw(String nodeId, NodeEntity.Withdraw c) {
    Transfer back = Transfer.of(c.withdrawalId(), Party.node(nodeId), Party.account(c.staker()), new Amount(Asset.BHKR, c.amount()),
        Purpose.NODE_STAKE_WITHDRAWAL, c.at());
    return List.of(new StakeWithdrawn(c.staker(), c.amount(), c.at()), new DispatchSent(back));
  }

  /**
   * What the arrival of {@code d} means, as the events to persist (none for one already seen, or a
   * notice the node has no use for). Placements from its own provider and stakes are kept; any other
   * value goes back to its sender.
   */
  public static List<DomainEvent> onArrival(NodeState s, String nodeId, Dispatch d) {
    if (s.seen().contains(d.id())) return List.of();
    boolean fromItsProvider = s.registration() != null && d.from().equals(Party.provider(s.registration().providerId()));
    if (fromItsProvider && (d instanceof ProjectPlaced || d instanceof ProjectUnplaced)) return List.of(new DispatchReceived(d));
    if (d.value().isEmpty()) return List.of();
    if (isStake(s, d)) return List.of(new DispatchReceived(d));
    long at = d instanceof Transfer t ? t.at() : 0;
    Transfer back = new Transfer("return:" + d.id(), Party.node(nodeId), d.from(), d.value().get(), Purpose.RETURN,
        "returned: node " + nodeId + " takes only BHKR stakes from accounts, once registered", at);
    return List.of(new DispatchReceived(d), new DispatchSent(back));
  }

  /** A stake is BHKR an account sends a registered node for {@link Purpose#NODE_STAKE}. */
  static boolean isStake(NodeState s, Dispatch d) {
    return s.registration() != null && d instanceof Transfer t && t.purpose() == Purpose.NODE_STAKE
        && t.from().kind() == Party.Kind.ACCOUNT && t.amount().asset() == Asset.BHKR;
  }

  /**
   * The account that {@code e} shows staking on this node, if it is a stake's arrival: what a
   * listing of stakes needs, read from the event alone (whether the node was registered yet is
   * the entity's to say; a stake it returned simply shows no lot when the node is asked).
   */
  public static Optional<String> stakerOf(DomainEvent e) {
    return e instanceof DispatchReceived r && r.dispatch() instanceof Transfer t && t.purpose() == Purpose.NODE_STAKE
        && t.from().kind() == Party.Kind.ACCOUNT ? Optional.of(t.from().id()) : Optional.empty();
  }
}
