package io.bhkr.http;

import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * What a parameter change would have done over a past window of the node's own journal: the
 * window's auctions, settlements and distributions re-run under it ({@code replay what-if}).
 * The node provides it; the API only asks and renders.
 */
public interface ParameterImpact {

  /** The comparison as JSON: decisions re-run, and per participant and pool what it got and would have got. */
  CompletionStage<Map<String, Object>> of(String name, String value, long fromMillis, long toMillis);
}
