package io.bhkr.replay;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.bhkr.account.AccountState;
import io.bhkr.governance.Parameters;
import io.bhkr.money.Asset;
import io.bhkr.money.Balances;
import io.bhkr.pool.PoolState;
import io.bhkr.pool.PoolView;
import io.bhkr.provider.ProviderEntity;
import io.bhkr.provider.ProviderState;
import java.io.PrintStream;
import java.time.Instant;
import java.util.Map;

/**
 * {@code replay state --at TIME}: the market as it stood at an instant, folded from every event
 * written up to then (the rows' write time, the node's own clock). Balances are base units.
 */
public final class MarketAsOf {

  private final Instant at;
  private final MarketFold market = new MarketFold();
  private long events;
  private long lastOrdering;

  public MarketAsOf(Instant at) {
    this.at = at;
  }

  /** Folds the event in if it was written at or before the instant. */
  public void accept(Replayed r) {
    if (r.row().writeTimestamp() > at.toEpochMilli()) return;
    market.apply(r);
    events++;
    lastOrdering = Math.max(lastOrdering, r.row().ordering());
  }

  public MarketFold market() {
    return market;
  }

  public void print(PrintStream out) {
    out.println("The market as of " + at + ": " + events + " events, up to journal ordering " + lastOrdering);
    out.println("Accounts (base units):");
    Map<String, AccountState> accounts = market.all("Account");
    accounts.forEach((address, s) -> out.println(String.format("  %-42s  ", address) + balances(s.balances())));
    out.println("Pools (base units):");
    for (String pool : new String[] {PoolView.REWARD, PoolView.INSURANCE}) {
      PoolState p = market.state("Pool|" + pool);
      out.println(String.format("  %-42s  ", pool) + balances(p.balances()) + "  epoch " + p.epoch() + ", shortfalls " + p.shortfalls().size());
    }
    out.println("Providers:");
    Map<String, ProviderState> providers = market.all("Provider");
    providers.forEach((id, s) -> {
      ProviderEntity.ProviderView v = ProviderEntity.view(id, s);
      out.println("  " + id + "  " + v.status() + ", score " + v.score() + ", collateral " + v.collateral().amount() + " BHKR");
    });
    Parameters p = market.parameters();
    out.println("Governance parameters:");
    try {
      out.println(p == null ? "  (no genesis yet)" : new ObjectMapper().findAndRegisterModules().enable(SerializationFeature.INDENT_OUTPUT)
          .writeValueAsString(p).indent(2).stripTrailing());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      out.println("  " + p);
    }
  }

  private static String balances(Balances b) {
    StringBuilder s = new StringBuilder();
    for (Asset a : Asset.values()) s.append(String.format("%-5s %28s  ", a, b.of(a).amount()));
    return s.toString().stripTrailing();
  }
}
