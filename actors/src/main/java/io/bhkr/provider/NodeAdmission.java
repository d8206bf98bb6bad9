package io.bhkr.provider;

import io.bhkr.provider.ProviderEntity.ProviderView;
import io.bhkr.rules.Resources;
import io.bhkr.serialization.JsonSerializable;
import java.util.Map;

/**
 * Whether a provider takes one more node: only once qualified, and only while its nodes'
 * capacities, summed, stay within the capacity it declared when it applied. The provider knows
 * its nodes from their {@link io.bhkr.nodes.NodeDeclared} notices, so the sum lives with it.
 */
public final class NodeAdmission {

  private NodeAdmission() {}

  /** Why a node is not taken; {@code kind} is what a client branches on. */
  public record Refusal(Kind kind, String reason) implements JsonSerializable {
    public enum Kind { NOT_A_PROVIDER, NOT_QUALIFIED, OVER_DECLARED_CAPACITY }
  }

  /** Why {@code nodeId} with {@code capacity} may not join the provider, or null when it may. */
  public static Refusal refusal(ProviderView v, String nodeId, Resources capacity) {
    if (v.status() == ProviderEntity.Status.NONE) return new Refusal(Refusal.Kind.NOT_A_PROVIDER, "no provider " + v.providerId());
    if (v.status() == ProviderEntity.Status.APPLIED)
      return new Refusal(Refusal.Kind.NOT_QUALIFIED, "provider " + v.providerId() + " must be qualified before it registers nodes");
    Resources registered = Resources.NONE;
    // a node declared again (a redelivery, or the same node asking twice) counts once
    for (Map.Entry<String, Resources> node : v.reputation().capacities().entrySet())
      if (!node.getKey().equals(nodeId)) registered = registered.plus(node.getValue());
    Resources wanted = registered.plus(capacity);
    if (!v.capacity().covers(wanted))
      return new Refusal(Refusal.Kind.OVER_DECLARED_CAPACITY, "node " + nodeId + " with " + capacity + " would bring provider "
          + v.providerId() + "'s nodes to " + wanted + ", beyond the " + v.capacity() + " it declared");
    return null;
  }
}
