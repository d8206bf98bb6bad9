package io.bhkr.http;

import akka.actor.typed.ActorSystem;
import akka.http.javadsl.server.Route;
import io.bhkr.market.Market;

/** Chain mode's status for operators: where the bridge reads, what it sends, and whether inbound stopped. */
final class ChainEndpoints extends Endpoints {

  ChainEndpoints(ActorSystem<?> system, Market market, ApiSettings settings) {
    super(system, market, settings);
  }

  @Override
  Route route() {
    return path("chain", () -> get(() -> respond(() -> chain("there is no chain bridge").status().status().thenApply(m -> json(200, m)))));
  }
}
