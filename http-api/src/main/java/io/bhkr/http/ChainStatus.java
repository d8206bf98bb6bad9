package io.bhkr.http;

import java.util.Map;
import java.util.concurrent.CompletionStage;

/** Chain mode: what the chain bridge holds now, rendered for operators (see {@code GET /api/v1/chain}). */
public interface ChainStatus {

  CompletionStage<Map<String, Object>> status();
}
