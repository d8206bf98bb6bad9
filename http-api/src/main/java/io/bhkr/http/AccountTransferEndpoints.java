package io.bhkr.http;

import static akka.http.javadsl.server.PathMatchers.segment;

import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.http.javadsl.model.HttpResponse;
import akka.http.javadsl.server.Route;
import io.bhkr.account.AccountEntity;
import io.bhkr.market.Market;
import io.bhkr.money.Amount;
import io.bhkr.money.Asset;
import io.bhkr.transfer.Party;
import io.bhkr.transfer.Purpose;
import io.bhkr.transfer.Transfer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/** A holder moves aETH or BHKR to another account: aETH is transferable, so its principal follows it. */
final class AccountTransferEndpoints extends Endpoints {

  record TransferRequest(String to, Wire.AmountJson amount) {}

  AccountTransferEndpoints(ActorSystem<?> system, Market market, ApiSettings settings) {
    super(system, market, settings);
  }

  @Override
  Route route() {
    return path(segment("accounts").slash(segment()).slash("transfers"), address -> post(() -> signed(TransferRequest.class, (s, b) -> transfer(address, s, b))));
  }

  private CompletionStage<HttpResponse> transfer(String rawAddress, String signer, byte[] body) {
    String holder = Wire.address(rawAddress, "address");
    if (!holder.equals(signer)) throw ApiException.forbidden("not-the-holder", "only " + holder + " moves its own balance");
    TransferRequest req = Json.read(body, TransferRequest.class);
    String to = Wire.address(req.to(), "to");
    if (to.equals(holder)) throw ApiException.invalid("to", "must be another account");
    Amount amount = Wire.required(req.amount(), "amount").positive("amount");
    if (amount.asset() != Asset.AETH && amount.asset() != Asset.BHKR) throw ApiException.invalid("amount.asset", "must be AETH or BHKR");
    String id = newId("transfer-");
    Transfer t = Transfer.of(id, Party.account(holder), Party.account(to), amount, Purpose.PAYMENT, now());
    return ask(market.account(holder), (ActorRef<AccountEntity.SendResult> r) -> new AccountEntity.Send(t, r)).thenApply(result -> {
      if (result instanceof AccountEntity.Refused refused) throw ApiException.conflict("insufficient-funds", refused.reason());
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("transferId", id);
      m.put("from", holder);
      m.put("to", to);
      m.put("amount", Wire.amount(amount));
      return json(200, m);
    });
  }
}
