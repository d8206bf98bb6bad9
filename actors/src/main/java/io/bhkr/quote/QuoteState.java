package io.bhkr.quote;

import io.bhkr.serialization.JsonSerializable;

/** A quote's terms once issued, null before: a quote is issued once and never changes. */
public record QuoteState(QuoteTerms terms) implements JsonSerializable {}
