package io.bhkr.transfer;

import io.bhkr.money.Amount;
import io.bhkr.quote.QuoteTerms;
import java.util.Optional;

/**
 * A requester's fixed price moving into a new project's escrow, together with the order that
 * opens the project. One fact, so a project is never funded without being opened or opened
 * without being funded.
 *
 * @param secret the 32-byte commit-reveal secret (hex) that becomes the auction's beacon at close
 */
public record ProjectFunding(
    String id, Party from, Party to, Amount amount, QuoteTerms terms, String secret, long openedAt)
    implements Dispatch {

  @Override
  public Optional<Amount> value() {
    return Optional.of(amount);
  }
}
