package io.bhkr.chain;

import io.bhkr.money.Amount;
import io.bhkr.serialization.JsonSerializable;

/**
 * Value that entered a contract on chain, as a confirmed log says: who it is for, how much, and
 * exactly where it was read (so a researcher can check it against the chain).
 *
 * @param account   lowercase address of the account it belongs to
 * @param projectId the project a profit deposit names; null for other kinds
 * @param at        its block's time, unix seconds (0 in events from before it was kept)
 */
public record ChainDeposit(
    String depositId,
    Kind kind,
    String account,
    Amount amount,
    String projectId,
    long blockNumber,
    String blockHash,
    String transactionHash,
    long logIndex,
    long at) implements JsonSerializable {

  public enum Kind {
    /** BHKR or ETH into the custody vault for an account: credited to that account. */
    DEPOSIT,
    /**
     * A project's profit X into the custody vault: credited to the depositor's account and paid on
     * into the project as its profit (economics 3); what the project does not take stays with the depositor.
     */
    PROFIT_DEPOSIT
  }
}
