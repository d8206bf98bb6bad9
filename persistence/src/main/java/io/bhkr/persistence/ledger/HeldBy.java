package io.bhkr.persistence.ledger;

import java.util.Locale;

/**
 * Which kind of holder keeps value, read from the persistence id ("Type|id") of the entity that
 * wrote the event: balances of accounts, escrow of projects, collateral of providers, the pools,
 * stakes (on nodes, and governor stakes held by governance). Any other entity type that moves
 * value is counted as {@link #OTHER}, so value is never left out of the sum because its holder is new.
 */
public enum HeldBy {
  ACCOUNTS("Account"),
  ESCROW("Project"),
  COLLATERAL("Provider"),
  POOLS("Pool"),
  STAKES("Node", "Governance"),
  OTHER();

  private final java.util.List<String> entityTypes;

  HeldBy(String... entityTypes) {
    this.entityTypes = java.util.List.of(entityTypes);
  }

  public static HeldBy of(String persistenceId) {
    int bar = persistenceId.indexOf('|');
    String type = bar < 0 ? persistenceId : persistenceId.substring(0, bar);
    for (HeldBy h : values()) if (h.entityTypes.contains(type)) return h;
    return OTHER;
  }

  /** How the report and the read table name it: "accounts", "escrow", … */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
