package io.bhkr.chain;

import io.bhkr.serialization.JsonSerializable;

/**
 * The vault paid a withdrawal: a confirmed {@code Withdrawn} log, with where it was read.
 *
 * @param account lowercase address of the account whose withdrawal it was
 * @param nonce   the account's vault nonce the withdrawal was signed under
 */
public record ChainWithdrawal(String account, long nonce, long blockNumber, String transactionHash, long logIndex)
    implements JsonSerializable {

  /** The bridge's key of one withdrawal: each account's nonces are its own. */
  public String key() {
    return WithdrawalWatch.key(account, nonce);
  }
}
