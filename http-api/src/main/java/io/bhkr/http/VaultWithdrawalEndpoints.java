package io.bhkr.http;

import static akka.http.javadsl.server.PathMatchers.segment;

import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.http.javadsl.model.HttpResponse;
import akka.http.javadsl.server.Route;
import io.bhkr.account.AccountEntity;
import io.bhkr.account.VaultWithdrawals;
import io.bhkr.market.Market;
import io.bhkr.money.Amount;
import io.bhkr.money.Asset;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * Chain mode: an account takes part of its balance out through the custody vault. The market
 * reserves the amount under the account's next vault nonce and answers with the platform's
 * signature; the account adds its own and calls {@code CustodyVault.withdraw}. The chain bridge
 * reports the withdrawal paid once its log is confirmed, or returns the reserve once the deadline
 * has passed unused.
 */
final class VaultWithdrawalEndpoints extends Endpoints {

  static final long DEFAULT_VALIDITY_SECONDS = 3600;
  static final long MAX_VALIDITY_SECONDS = 7 * 24 * 3600;

  record WithdrawalRequest(Wire.AmountJson amount, String to, Long validitySeconds) {}

  VaultWithdrawalEndpoints(ActorSystem<?> system, Market market, ApiSettings settings) {
    super(system, market, settings);
  }

  @Override
  Route route() {
    return path(segment("accounts").slash(segment()).slash("vault-withdrawals"),
        address -> post(() -> signed(WithdrawalRequest.class, (s, b) -> withdraw(address, s, b))));
  }

  private CompletionStage<HttpResponse> withdraw(String rawAddress, String signer, byte[] body) {
    String account = Wire.address(rawAddress, "address");
    if (!account.equals(signer)) throw ApiException.forbidden("not-the-holder", "only " + account + " withdraws its own balance");
    VaultSigner vault = chain("there is no vault to withdraw from").vault();
    WithdrawalRequest req = Json.read(body, WithdrawalRequest.class);
    Amount amount = Wire.required(req.amount(), "amount").positive("amount");
    if (amount.asset() != Asset.BHKR && amount.asset() != Asset.ETH) throw ApiException.invalid("amount.asset", "the vault holds BHKR and ETH only");
    String to = req.to() == null ? account : Wire.address(req.to(), "to");
    long validity = req.validitySeconds() == null ? DEFAULT_VALIDITY_SECONDS : req.validitySeconds();
    if (validity < 1 || validity > MAX_VALIDITY_SECONDS)
      throw ApiException.invalid("validitySeconds", "must be 1 to " + MAX_VALIDITY_SECONDS);
    long deadline = now() + validity;
    return ask(market.account(account), (ActorRef<AccountEntity.WithdrawalResult> r) -> new AccountEntity.AuthorizeWithdrawal(amount, to, deadline, r))
        .thenApply(result -> {
          if (result instanceof AccountEntity.WithdrawalRefused refused) throw ApiException.conflict("insufficient-funds", refused.reason());
          VaultWithdrawals.Pending w = ((AccountEntity.WithdrawalReserved) result).withdrawal();
          VaultSigner.Signed signed = vault.sign(account, w.amount().asset(), w.amount().amount(), w.to(), w.nonce(), w.deadline());
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("account", account);
          m.put("amount", Wire.amount(w.amount()));
          m.put("asset", signed.assetAddress());
          m.put("to", w.to());
          m.put("nonce", BigInteger.valueOf(w.nonce()).toString());
          m.put("deadline", w.deadline());
          m.put("vault", signed.vault());
          m.put("chainId", signed.chainId());
          m.put("platformSignature", signed.platformSignature());
          return json(201, m);
        });
  }
}
