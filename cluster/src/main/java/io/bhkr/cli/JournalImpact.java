package io.bhkr.cli;

import akka.actor.typed.ActorSystem;
import akka.actor.typed.DispatcherSelector;
import io.bhkr.http.ParameterImpact;
import io.bhkr.replay.JournalDecoder;
import io.bhkr.replay.JournalSource;
import io.bhkr.replay.Replayed;
import io.bhkr.replay.WhatIf;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A proposal's impact, computed by the node from its own journal: {@code replay what-if} over the
 * window, on the blocking dispatcher (it reads the whole journal through JDBC).
 */
final class JournalImpact implements ParameterImpact {

  private final ActorSystem<?> system;
  private final JournalSource journal;

  JournalImpact(ActorSystem<?> system, NodeOptions options) {
    this.system = system;
    this.journal = JournalSource.ofThisNode(options.profile(), options.journal());
  }

  @Override
  public CompletionStage<Map<String, Object>> of(String name, String value, long fromMillis, long toMillis) {
    return CompletableFuture.supplyAsync(() -> {
      WhatIf whatIf = new WhatIf(Map.of(name, value), fromMillis, toMillis);
      try (JournalDecoder decoder = new JournalDecoder(system)) {
        journal.forEach(row -> whatIf.accept(new Replayed(row, decoder.decode(row))));
      }
      return whatIf.json();
    }, system.dispatchers().lookup(DispatcherSelector.blocking()));
  }
}
