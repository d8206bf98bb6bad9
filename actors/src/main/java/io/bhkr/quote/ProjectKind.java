package io.bhkr.quote;

/** What a requester orders. */
public enum ProjectKind {
  COMPUTE,
  ETH_VALIDATOR
}
