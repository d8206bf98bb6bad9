package io.bhkr.cli;

import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.javadsl.AskPattern;
import io.bhkr.chain.ChainBridge;
import io.bhkr.chain.ContractAddresses;
import io.bhkr.chain.TransactionOutbox;
import io.bhkr.http.ChainStatus;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionStage;

/**
 * {@code GET /api/v1/chain}: the bridge's view for an operator. Whether inbound stopped (a re-org
 * deeper than the confirmations needs an operator) and why the last round failed are here, not
 * only in the log.
 */
final class BridgeStatus implements ChainStatus {

  private final ActorSystem<?> system;
  private final ActorRef<ChainBridge.Command> bridge;
  private final ContractAddresses contracts;
  private final int confirmations;

  BridgeStatus(ActorSystem<?> system, ActorRef<ChainBridge.Command> bridge, ContractAddresses contracts, int confirmations) {
    this.system = system;
    this.bridge = bridge;
    this.contracts = contracts;
    this.confirmations = confirmations;
  }

  @Override
  public CompletionStage<Map<String, Object>> status() {
    return AskPattern.<ChainBridge.Command, ChainBridge.BridgeView>ask(bridge, ChainBridge.Get::new, Duration.ofSeconds(5), system.scheduler())
        .thenApply(this::render);
  }

  private Map<String, Object> render(ChainBridge.BridgeView v) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("chainId", contracts.chainId());
    m.put("contracts", Map.of("token", contracts.token(), "vault", contracts.vault(), "registry", contracts.registry(),
        "anchor", contracts.anchor()));
    m.put("confirmations", confirmations);
    Map<String, Object> cursor = new LinkedHashMap<>();
    cursor.put("block", v.cursor().number());
    cursor.put("hash", v.cursor().hash());
    m.put("cursor", cursor);
    m.put("halted", v.halted());
    m.put("lastRoundFailure", v.lastRoundFailure());
    m.put("deposits", Map.of("confirmed", v.depositsConfirmed(), "pendingCredits", v.pendingCredits().size()));
    m.put("microPools", Map.of("followed", v.microPools().pools(), "pendingLogs", v.microPools().pending().size(),
        "recorded", v.microPools().recorded()));
    TransactionOutbox o = v.outbox();
    Map<String, Object> outbox = new LinkedHashMap<>();
    outbox.put("queued", o.queued().stream().map(t -> t.id()).toList());
    outbox.put("inFlight", o.inFlight() == null ? null : o.inFlight().tx().id());
    outbox.put("nextNonce", o.nextNonce() == null ? null : o.nextNonce().toString());
    Map<String, Long> finished = new TreeMap<>();
    o.outcomes().values().forEach(out -> finished.merge(out.status().name(), 1L, Long::sum));
    outbox.put("finished", finished);
    m.put("outbox", outbox);
    m.put("withdrawals", Map.of("watched", v.withdrawalsWatched().size(), "pendingSettlements", v.pendingSettlements().size()));
    return m;
  }
}
