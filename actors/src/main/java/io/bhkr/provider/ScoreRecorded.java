package io.bhkr.provider;

import io.bhkr.rules.ReputationRule;

/**
 * Something moved the provider's score (economics 8): the new score with every input as it entered
 * the formula ({@code score}: U, Rt, St, Pr, penalties, which periods and how many failures,
 * slashings and dispute marks counted) and {@code cause}, what moved it, at {@code at}.
 */
public record ScoreRecorded(ReputationRule.Score score, String cause, long at) implements ProviderEvents {}
