package io.bhkr.simulation;

/** How a provider prices its bid, as a share of the auction's maxBid (agent behaviour, so double). */
enum Strategy {
  /** Its cost of serving the project plus a margin. */
  COST_PLUS,
  /** Just below the market's recent clearing price, never below its cost. */
  UNDERCUT,
  /** A fixed share of maxBid, close to the ceiling, never below its cost. */
  SHADE,
  /** Exactly its cost: the dominant strategy under SECOND_PRICE. */
  TRUTHFUL,
  /** A scripted price in BHKR (one-project scenarios). */
  FIXED;

  static Strategy of(String configName) {
    return switch (configName) {
      case "cost-plus" -> COST_PLUS;
      case "undercut" -> UNDERCUT;
      case "shade" -> SHADE;
      case "truthful" -> TRUTHFUL;
      default -> throw new IllegalArgumentException("unknown bidding strategy '" + configName + "' (cost-plus, undercut, shade, truthful)");
    };
  }

  /** The bid as a share of maxBid. */
  double share(double costShareOfMaxBid, double clearing, double margin, double undercutStep, double shade) {
    return switch (this) {
      case COST_PLUS -> costShareOfMaxBid * (1 + margin);
      case UNDERCUT -> Math.max(costShareOfMaxBid, clearing * (1 - undercutStep));
      case SHADE -> Math.max(costShareOfMaxBid, shade);
      case TRUTHFUL -> costShareOfMaxBid;
      case FIXED -> throw new IllegalStateException("a FIXED bid is scripted, not a share");
    };
  }
}
