package io.bhkr.transfer;

/**
 * Why value moves: the intent a receiver acts on. A {@link Transfer}'s {@code reason} is text for
 * people (statements, exports); no entity reads it. Each purpose has a label, the reason a
 * transfer carries when its sender adds nothing ({@link Transfer#of}). For the purposes a receiver
 * acts on (the stakes, the fee, the profit, the aETH withdrawal, the rewards) the label is the
 * exact reason older builds matched, so they read today's transfers alike in a rolling upgrade.
 */
public enum Purpose {
  /** An account pays another account. */
  PAYMENT("transfer"),
  /** A provider stakes BHKR collateral from its account. */
  COLLATERAL("collateral"),
  /** An account stakes BHKR on a node. */
  NODE_STAKE("stake"),
  /** A node pays a stake back to its staker. */
  NODE_STAKE_WITHDRAWAL("stake withdrawal"),
  /** A candidate or governor stakes BHKR with governance. */
  GOVERNOR_STAKE("governor stake"),
  /** Governance pays a governor stake back: not elected, or the seat was lost. */
  GOVERNOR_STAKE_RETURN("governor stake returned"),
  /** Part of a governor's stake goes to the Reward Pool for missed votes. */
  GOVERNOR_SLASHING("slashed: governor missed consecutive votes"),
  /** A project's winner pays the profit it earned into the project. */
  PROFIT("profit"),
  /** A settled project pays one of its legs (economics 5). */
  SETTLEMENT("settlement"),
  /** A project pays the requester's escrow back. */
  REFUND("refund"),
  /** A failed project's beneficiary is compensated, from the collateral or the Insurance Pool. */
  COMPENSATION("compensation"),
  /** The Reward Pool pays an epoch's reward. */
  REWARD("reward"),
  /** Insurance Pool excess moves to the Reward Pool by a governance proposal. */
  INSURANCE_EXCESS("insurance excess"),
  /** A staker's ETH into a micro-pool. */
  MICROPOOL_STAKE("micropool-stake"),
  /** A staker's BHKR stake fee into a micro-pool, or the pool's split of a charged fee. */
  MICROPOOL_FEE("micropool-fee"),
  /** aETH a micro-pool minted for a stake, to its staker. */
  AETH_MINTED("aeth-minted"),
  /** aETH back to a micro-pool before activation, or the ETH the pool pays for it. */
  MICROPOOL_WITHDRAWAL("micropool-withdrawal"),
  /** The ETH a completed micro-pool pays for aETH redeemed. */
  MICROPOOL_REDEMPTION("micropool-redemption"),
  /** The rewards W a micro-pool's provider pays in to complete it. */
  MICROPOOL_REWARDS("micropool-rewards"),
  /** A completed micro-pool's share of W to a pool or a staker (economics 4). */
  MICROPOOL_SHARE("micropool-share"),
  /** A micro-pool's provider stake k going back to its provider. */
  MICROPOOL_PRINCIPAL("micropool-principal"),
  /** A dispatch its receiver would not take, sent back to its sender. */
  RETURN("returned");

  private final String label;

  Purpose(String label) {
    this.label = label;
  }

  /** The reason text such transfers carry when their sender has nothing more to say. */
  public String label() {
    return label;
  }
}
