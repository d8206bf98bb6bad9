package io.bhkr.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import io.bhkr.money.Asset;
import java.math.BigInteger;
import java.util.Map;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * Conservation in every run of a sweep over small random markets: heavy slashing, outages,
 * micro-pools, entrants, missed votes, both pricing rules, excess moved or burned. A run that
 * breaks it throws from Ledger.checkConservation; the test also checks the books itself.
 */
class ConservationProperties {

  /** A validator slashed to nothing still completes: nobody earns on it, nobody is paid from nothing. */
  @Example
  void validatorsSlashedToNothingComplete() {
    Scenario s = scenario(String.join("\n", "days = 40", "market { providers = 5, projects-per-year = 900, validator-share = 1.0 }",
        "projects.duration-days { mean = 5, min = 2, max = 10 }", "slashing { rate-per-validator-year = 200, loss-eth = [32, 32] }"));
    Market m = new Market(s, 11, day -> {});
    m.run(0, "", 0, 11);
    assertTrue(m.counters.get("slashings") > 10);
    assertTrue(m.counters.get("settled") > 10);
  }

  private static Scenario scenario(String hocon) {
    return new Scenario("property", ConfigFactory.parseString(hocon).withFallback(Scenario.load("baseline").config()).resolve());
  }

  @Property(tries = 40)
  void everyRunConserves(@ForAll @LongRange(min = 0, max = 1_000_000) long seed, @ForAll @IntRange(min = 1, max = 12) int providers,
      @ForAll @IntRange(min = 0, max = 300) int projects, @ForAll @DoubleRange(min = 0, max = 5) double slashing,
      @ForAll @DoubleRange(min = 0, max = 6) double outages, @ForAll @IntRange(min = 0, max = 20) int microPools,
      @ForAll @IntRange(min = 0, max = 20) int entrants, @ForAll @DoubleRange(min = 0, max = 0.9) double miss,
      @ForAll boolean secondPrice, @ForAll boolean burn, @ForAll @IntRange(min = 0, max = 3000) int rpBps) {
    String hocon = String.join("\n",
        "days = 60",
        "market { providers = " + providers + ", projects-per-year = " + projects * 6 + ", bidders-per-auction = 5 }",
        "providers { outages-per-year = " + outages + ", entrants-per-year = " + entrants * 6 + " }",
        // short projects, so that most of them end (settle, fail, or end slashed to nothing) inside the run
        "projects.duration-days { mean = 12, min = 2, max = 40 }",
        "slashing { rate-per-validator-year = " + slashing + ", loss-eth = [0.1, 32] }",
        "micro-pools { per-year = " + microPools * 6 + ", open-days = 10, duration-days = [5, 30] }",
        "stakers { count = 20, withdrawals-per-year = 6 }",
        "governance { proposals-per-year = 100, miss-probability = " + miss + ", insurance-excess = " + (burn ? "burn" : "move") + " }",
        "parameters { rp-bps = " + rpBps + ", ip-bps = " + (3000 - rpBps) + ", insurance-cap-bhkr = 10"
            + ", auction-pricing = " + (secondPrice ? "SECOND_PRICE" : "FIRST_PRICE") + " }");
    Scenario s = scenario(hocon);
    Market m = new Market(s, seed, day -> {});
    m.run(0, "", 0, seed);
    for (Map.Entry<Asset, BigInteger> e : m.ledger.conservation().entrySet())
      assertEquals(BigInteger.ZERO, e.getValue(), e.getKey() + " does not balance");
  }
}
