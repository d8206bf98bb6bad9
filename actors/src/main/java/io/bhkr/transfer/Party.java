package io.bhkr.transfer;

import io.bhkr.serialization.JsonSerializable;

/** Who holds value or receives a notice: an account, a provider, a project, a pool, governance. */
public record Party(Kind kind, String id) implements JsonSerializable {

  public enum Kind { ACCOUNT, PROVIDER, PROJECT, POOL, GOVERNANCE, NODE, MICROPOOL, AUDITS }

  public static final Party REWARD_POOL = new Party(Kind.POOL, "reward");
  public static final Party INSURANCE_POOL = new Party(Kind.POOL, "insurance");
  public static final Party GOVERNANCE = new Party(Kind.GOVERNANCE, "governance");
  /** The peer audit round: it sends notices, never value. */
  public static final Party AUDITS = new Party(Kind.AUDITS, "audits");

  public Party {
    if (kind == null || id == null || id.isBlank()) throw new IllegalArgumentException("party needs a kind and an id");
  }

  public static Party account(String address) {
    return new Party(Kind.ACCOUNT, address);
  }

  public static Party provider(String providerId) {
    return new Party(Kind.PROVIDER, providerId);
  }

  public static Party node(String nodeId) {
    return new Party(Kind.NODE, nodeId);
  }

  public static Party microPool(String poolId) {
    return new Party(Kind.MICROPOOL, poolId);
  }

  public static Party project(String projectId) {
    return new Party(Kind.PROJECT, projectId);
  }

  /** How the API names a settlement recipient: an address, or "pool:reward" / "pool:insurance". */
  public String label() {
    return kind == Kind.ACCOUNT ? id : kind.name().toLowerCase() + ":" + id;
  }

  /** The party a {@link #label()} names. */
  public static Party ofLabel(String label) {
    int colon = label.indexOf(':');
    if (colon < 0) return account(label);
    return new Party(Kind.valueOf(label.substring(0, colon).toUpperCase(java.util.Locale.ROOT)), label.substring(colon + 1));
  }

  @Override
  public String toString() {
    return kind.name().toLowerCase() + ":" + id;
  }
}
