package io.bhkr.http;

import static akka.http.javadsl.server.PathMatchers.segment;

import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.http.javadsl.model.HttpResponse;
import akka.http.javadsl.server.Route;
import io.bhkr.account.AccountEntity;
import io.bhkr.account.Payouts;
import io.bhkr.market.Market;
import io.bhkr.money.Amount;
import io.bhkr.money.Asset;
import io.bhkr.rules.PayoutEpochRule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * Chain mode: payouts to chain. An account asks for a payout; the market reserves it in the
 * payout epoch open now. Once that epoch has ended, the node anchors its root, the vault funds it,
 * and the account claims the exact amount on the settlement anchor with the proof listed here.
 */
final class PayoutEndpoints extends Endpoints {

  record PayoutRequest(Wire.AmountJson amount) {}

  PayoutEndpoints(ActorSystem<?> system, Market market, ApiSettings settings) {
    super(system, market, settings);
  }

  @Override
  Route route() {
    return concat(
        path(segment("accounts").slash(segment()).slash("payouts"), address -> post(() -> signed(PayoutRequest.class, (s, b) -> payout(address, s, b)))),
        path(segment("accounts").slash(segment()).slash("claims"), address -> get(() -> respond(() -> claims(address)))));
  }

  private PayoutDesk desk() {
    return chain("there is no settlement anchor to pay out through").payouts();
  }

  private CompletionStage<HttpResponse> payout(String rawAddress, String signer, byte[] body) {
    String account = Wire.address(rawAddress, "address");
    if (!account.equals(signer)) throw ApiException.forbidden("not-the-holder", "only " + account + " pays out its own balance");
    PayoutDesk desk = desk();
    PayoutRequest req = Json.read(body, PayoutRequest.class);
    Amount amount = Wire.required(req == null ? null : req.amount(), "amount").positive("amount");
    if (amount.asset() != Asset.BHKR && amount.asset() != Asset.ETH) throw ApiException.invalid("amount.asset", "payouts are in BHKR or ETH");
    return ask(market.account(account),
        (ActorRef<AccountEntity.PayoutResult> r) -> new AccountEntity.ReservePayout(amount, now(), desk.epochSeconds(), r))
        .thenApply(result -> {
          if (result instanceof AccountEntity.PayoutRefused refused) throw ApiException.conflict("insufficient-funds", refused.reason());
          Payouts.Reserved p = ((AccountEntity.PayoutAccepted) result).payout();
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("account", account);
          m.put("number", p.number());
          m.put("amount", Wire.amount(p.amount()));
          m.put("epoch", p.epoch());
          m.put("epochEnds", PayoutEpochRule.endOf(p.epoch(), desk.epochSeconds()));
          return json(201, m);
        });
  }

  private CompletionStage<HttpResponse> claims(String rawAddress) {
    String account = Wire.address(rawAddress, "address");
    return desk().claims(account).thenApply(claims -> {
      List<Map<String, Object>> out = claims.stream().map(c -> {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("epoch", c.epoch());
        m.put("asset", c.asset());
        m.put("amount", c.amount().toString());
        m.put("proof", c.proof());
        m.put("anchor", c.anchor());
        m.put("claimed", c.claimed());
        return m;
      }).toList();
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("account", account);
      body.put("claims", out);
      return json(200, body);
    });
  }
}
