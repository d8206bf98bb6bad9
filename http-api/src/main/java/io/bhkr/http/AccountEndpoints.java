package io.bhkr.http;

import static akka.http.javadsl.server.PathMatchers.segment;

import akka.Done;
import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.http.javadsl.model.HttpResponse;
import akka.http.javadsl.server.Route;
import io.bhkr.account.AccountEntity;
import io.bhkr.market.Market;
import io.bhkr.money.Amount;
import io.bhkr.money.Asset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/** Accounts, the development deposit, and the pools' balances. */
final class AccountEndpoints extends Endpoints {

  record DepositRequest(String account, String asset, String amount) {}

  private final StakePositions positions;
  private final io.bhkr.persistence.History history;

  AccountEndpoints(ActorSystem<?> system, Market market, ApiSettings settings) {
    super(system, market, settings);
    this.positions = new StakePositions(system, market, settings.askTimeout());
    this.history = new io.bhkr.persistence.History(system);
  }

  @Override
  Route route() {
    return concat(
        path(segment("accounts").slash(segment()), address -> get(() -> parameterOptional("asOf", asOf ->
            respond(() -> asOf.isPresent() ? accountAsOf(address, asOf.get()) : account(address))))),
        // In chain mode every deposit comes from the chain: crediting one here would credit ETH the vault never received.
        settings.development() && settings.chain() == null
            ? path(segment("dev").slash("deposits"), () -> post(() -> signed(DepositRequest.class, this::deposit)))
            : reject());
  }

  /** The account as it was at {@code asOf}: its events up to then, folded as the entity folds them. */
  private CompletionStage<HttpResponse> accountAsOf(String rawAddress, String asOf) {
    String address = Wire.address(rawAddress, "address");
    long at = Wire.instant(asOf, "asOf");
    return history.asOf(AccountEntity.TYPE_KEY.name() + "|" + address, AccountEntity.empty(), AccountEntity::apply, at).thenApply(s -> {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("address", address);
      body.put("asOf", java.time.Instant.ofEpochMilli(at).toString());
      body.put("balances", Wire.balances(s.balances()));
      body.put("locked", Wire.perAsset(s.outbox().inFlight()));
      body.put("withdrawing", Wire.perAsset(s.withdrawals().reserved()));
      body.put("payingOut", Wire.perAsset(s.payouts().reservedPerAsset()));
      return json(200, body);
    });
  }

  private CompletionStage<HttpResponse> account(String rawAddress) {
    String address = Wire.address(rawAddress, "address");
    return ask(market.account(address), AccountEntity.Get::new).thenCombine(positions.total(address), (view, staked) -> {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("address", address);
      body.put("balances", Wire.balances(view.balances()));
      body.put("staked", Wire.perAsset(Map.of(Asset.BHKR, staked))); // BHKR staked on sidecars
      body.put("locked", Wire.perAsset(view.inFlight()));
      body.put("withdrawing", Wire.perAsset(view.withdrawals().reserved())); // signed vault withdrawals not yet paid or expired
      body.put("payingOut", Wire.perAsset(view.payouts().reservedPerAsset())); // payouts to chain whose epoch is not yet funded
      return json(200, body);
    });
  }

  /** Operator only: credits an external deposit, as the chain bridge will in chain mode. */
  private CompletionStage<HttpResponse> deposit(String signer, byte[] body) {
    if (!signer.equals(settings.operator())) throw ApiException.forbidden("not-operator", "only the operator may record deposits");
    DepositRequest req = Json.read(body, DepositRequest.class);
    String account = Wire.address(req.account(), "account");
    Amount amount = new Wire.AmountJson(Wire.required(req.asset(), "asset"), req.amount()).positive(null);
    String depositId = newId("dev-deposit-");
    return ask(market.account(account), (ActorRef<Done> r) -> new AccountEntity.Deposit(depositId, amount, r))
        .thenCompose(done -> ask(market.account(account), AccountEntity.Get::new))
        .thenApply(view -> {
          Map<String, Object> answer = new LinkedHashMap<>();
          answer.put("depositId", depositId);
          answer.put("account", account);
          answer.put("amount", Wire.amount(amount));
          answer.put("balances", Wire.balances(view.balances()));
          return json(201, answer);
        });
  }
}
