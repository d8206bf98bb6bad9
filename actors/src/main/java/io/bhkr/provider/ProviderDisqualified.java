package io.bhkr.provider;


/** The provider is disqualified from {@code at} until {@code until} (economics 7): its bids are refused meanwhile. */
public record ProviderDisqualified(String reason, long at, long until) implements ProviderEvents {}
