package io.bhkr.simulation;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigValue;
import io.bhkr.governance.AuditParameters;
import io.bhkr.governance.ElectionParameters;
import io.bhkr.governance.MicroPoolParameters;
import io.bhkr.governance.Parameters;
import io.bhkr.governance.ReputationParameters;
import io.bhkr.money.Amount;
import io.bhkr.money.Asset;
import io.bhkr.rules.Auction.PricingRule;
import io.bhkr.rules.Pricing;
import io.bhkr.rules.RewardSplit;
import java.io.File;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A market to simulate, read from HOCON over {@code scenarios/defaults.conf}. Amounts written in
 * whole tokens ("1.6") are read as decimal strings and become exact base units; only agents'
 * behaviour (rates, shares, ranges of draws) is read as double.
 */
record Scenario(String name, Config config) {

  static final List<String> SHIPPED = List.of("baseline", "slashing-storm", "new-entrants", "second-price", "s1", "m1");

  /** A shipped scenario by name, or a HOCON file by path. */
  static Scenario load(String nameOrPath) {
    Config defaults = ConfigFactory.parseResources(Scenario.class, "/scenarios/defaults.conf", ConfigParseOptions.defaults().setAllowMissing(false));
    Config own;
    if (SHIPPED.contains(nameOrPath)) {
      own = ConfigFactory.parseResources(Scenario.class, "/scenarios/" + nameOrPath + ".conf", ConfigParseOptions.defaults().setAllowMissing(false));
    } else {
      File file = new File(nameOrPath);
      if (!file.isFile())
        throw new IllegalArgumentException("no scenario '" + nameOrPath + "': neither a shipped one (" + String.join(", ", SHIPPED)
            + ") nor a file");
      own = ConfigFactory.parseFile(file, ConfigParseOptions.defaults().setAllowMissing(false));
    }
    Config c = own.withFallback(defaults).resolve();
    return new Scenario(c.getString("name"), c);
  }

  /** The same scenario with one value replaced, as {@code --sweep path=value} asks. */
  Scenario with(String path, String value) {
    if (!config.hasPath(path)) throw new IllegalArgumentException("the scenario has no parameter '" + path + "'");
    Config changed = ConfigFactory.parseString(quoteKey(path) + " = " + value).withFallback(config).resolve();
    return new Scenario(name, changed);
  }

  Scenario withDays(int days) {
    return new Scenario(name, ConfigFactory.parseString("days = " + days).withFallback(config));
  }

  private static String quoteKey(String path) {
    return path; // HOCON paths with dashes need no quotes
  }

  int days() {
    return config.getInt("days");
  }

  /** The resolved scenario, one "path = value" line each, sorted: what a run really used. */
  String render() {
    Map<String, String> lines = new TreeMap<>();
    for (Map.Entry<String, ConfigValue> e : config.entrySet()) lines.put(e.getKey(), e.getValue().render(com.typesafe.config.ConfigRenderOptions.concise()));
    StringBuilder b = new StringBuilder();
    lines.forEach((k, v) -> b.append(k).append(" = ").append(v).append('\n'));
    return b.toString();
  }

  /** The production governance parameters this market runs under. */
  Parameters parameters() {
    Config p = config.getConfig("parameters");
    Parameters d = Parameters.defaults();
    ReputationParameters r = ReputationParameters.defaults();
    ReputationParameters reputation = new ReputationParameters(r.trustedScore(), r.untrustedScore(), p.getInt("sla-uptime-bps"),
        p.getInt("disqualify-score"), p.getInt("disqualify-days"), r.weightUptimeBps(), r.weightRunningBps(), r.weightStakeBps(),
        r.weightPriceBps(), r.targetRunDays(), r.scoreWindowDays(), r.penaltyWindowDays(), r.failurePenalty(), r.slashingPenalty());
    ElectionParameters elections = new ElectionParameters(bhkr(p, "governor-min-stake-bhkr"), p.getInt("term-days"),
        p.getInt("governor-miss-slash-bps"), p.getInt("missed-votes-limit"));
    MicroPoolParameters micro = new MicroPoolParameters(p.getInt("micro-fee-reward-bps"), Amount.tokens(Asset.ETH, 32));
    return new Parameters(p.getInt("rp-bps"), p.getInt("ip-bps"), Pricing.DEFAULT, microUsd(p, "bhkr-price-usd"), p.getInt("apr-bps"),
        config.getLong("market.bid-window-minutes") * 60, p.getInt("price-band-bps"), PricingRule.valueOf(p.getString("auction-pricing")),
        bhkr(p, "p-min-bhkr"), bhkr(p, "p-max-bhkr"), d.proposalSeconds(), RewardSplit.DEFAULT, p.getLong("epoch-days") * 86_400,
        bhkr(p, "insurance-cap-bhkr").amount(), microUsd(p, "eth-price-usd"), reputation, AuditParameters.defaults(), elections, micro);
  }

  // --- typed reads -------------------------------------------------------------------------

  static Amount bhkr(Config c, String path) {
    return new Amount(Asset.BHKR, baseUnits(c.getString(path)));
  }

  static Amount eth(Config c, String path) {
    return new Amount(Asset.ETH, baseUnits(c.getString(path)));
  }

  /** "1.6" whole tokens → 1_600_000_000_000_000_000 base units, exactly (no double on the way). */
  static BigInteger baseUnits(String tokens) {
    return new BigDecimal(tokens).movePointRight(Asset.DECIMALS).toBigIntegerExact();
  }

  static BigInteger microUsd(Config c, String path) {
    return new BigDecimal(c.getString(path)).movePointRight(6).toBigIntegerExact();
  }

  /** A [min, max] pair of numbers. */
  static double[] range(Config c, String path) {
    List<Double> v = c.getDoubleList(path);
    if (v.size() != 2 || v.get(0) > v.get(1)) throw new IllegalArgumentException(path + " must be [min, max]");
    return new double[] {v.get(0), v.get(1)};
  }

  /** A [min, max] pair of whole-token amounts, as base units. */
  static BigInteger[] tokenRange(Config c, String path) {
    List<String> raw = new ArrayList<>();
    for (ConfigValue v : c.getList(path)) raw.add(v.unwrapped().toString());
    if (raw.size() != 2) throw new IllegalArgumentException(path + " must be [min, max]");
    BigInteger lo = baseUnits(raw.get(0)), hi = baseUnits(raw.get(1));
    if (lo.compareTo(hi) > 0) throw new IllegalArgumentException(path + " must be [min, max]");
    return new BigInteger[] {lo, hi};
  }
}
