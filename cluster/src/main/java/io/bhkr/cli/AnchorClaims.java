package io.bhkr.cli;

import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.DispatcherSelector;
import akka.actor.typed.javadsl.AskPattern;
import io.bhkr.bytes.Hex;
import io.bhkr.chain.ContractAddresses;
import io.bhkr.chain.EthereumNode;
import io.bhkr.chain.PayoutBook;
import io.bhkr.chain.PayoutEpochs;
import io.bhkr.chain.SettlementEpoch;
import io.bhkr.chain.contracts.SettlementAnchor;
import io.bhkr.http.PayoutDesk;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.web3j.tx.ReadonlyTransactionManager;
import org.web3j.tx.gas.DefaultGasProvider;

/**
 * Chain mode's payout desk for the API: an account's leaves in funded payout epochs with their
 * proofs (from {@link PayoutEpochs}), and whether the anchor has paid each already (read from
 * the chain's latest block; null when the chain does not answer).
 */
final class AnchorClaims implements PayoutDesk {

  private static final Duration ASK = Duration.ofSeconds(5);

  private final ActorSystem<?> system;
  private final ActorRef<PayoutEpochs.Command> epochs;
  private final SettlementAnchor anchor;
  private final ContractAddresses contracts;
  private final long epochSeconds;
  private final Executor blocking;

  AnchorClaims(ActorSystem<?> system, ActorRef<PayoutEpochs.Command> epochs, EthereumNode node, ContractAddresses contracts,
      long epochSeconds) {
    this.system = system;
    this.epochs = epochs;
    this.contracts = contracts;
    this.epochSeconds = epochSeconds;
    this.anchor = SettlementAnchor.load(contracts.anchor(), node.web3j(), new ReadonlyTransactionManager(node.web3j(), contracts.anchor()),
        new DefaultGasProvider());
    this.blocking = system.dispatchers().lookup(DispatcherSelector.blocking());
  }

  @Override
  public long epochSeconds() {
    return epochSeconds;
  }

  @Override
  public CompletionStage<List<Claim>> claims(String account) {
    return AskPattern.<PayoutEpochs.Command, PayoutEpochs.Claims>ask(epochs, r -> new PayoutEpochs.GetClaims(account, r), ASK,
            system.scheduler())
        .thenComposeAsync(found -> CompletableFuture.supplyAsync(() -> found.claims().stream().map(this::claim).toList(), blocking));
  }

  private Claim claim(PayoutBook.Claim c) {
    SettlementEpoch.Payout p = c.payout();
    String asset = p.asset().equals(SettlementEpoch.ETH) ? "ETH" : "BHKR";
    return new Claim(c.epoch(), asset, p.amount(), c.proof().stream().map(Hex::encode).toList(), contracts.anchor(), claimed(c.leaf()));
  }

  private Boolean claimed(byte[] leaf) {
    try {
      return anchor.claimed(leaf).send();
    } catch (Exception e) {
      return null; // the chain did not answer: the API says "unknown"
    }
  }
}
