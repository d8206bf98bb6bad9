package io.bhkr.quote;

import io.bhkr.serialization.JsonSerializable;

/**
 * The facts a quote journals: one. {@code QuoteIssued} predates {@code DomainEvent} and keeps its
 * class name, so it stays where it is.
 */
public sealed interface QuoteEvents extends JsonSerializable permits QuoteEntity.QuoteIssued {}
