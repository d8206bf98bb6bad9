package io.bhkr.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bhkr.money.Asset;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/**
 * The shipped one-project scenarios s1 and m1 settle exactly as the spec's vectors S1 and M1
 * (economics 3 and 4). The vector numbers are copied here; the test reads nothing from the spec.
 */
class VectorScenariosTest {

  /** Whole tokens written as a decimal ("12.5") in base units. */
  private static BigInteger tokens(String t) {
    return new BigDecimal(t).movePointRight(18).toBigIntegerExact();
  }

  private static Market run(String scenario) {
    Market m = new Market(Scenario.load(scenario), 1, day -> {});
    m.run(0, "", 0, 1);
    return m;
  }

  @Test
  void s1SettlesAsVectorS1() {
    Market m = run("s1");
    Ledger l = m.ledger;
    ProjectRun p = m.projects.get("J1");
    assertEquals(ProjectRun.Outcome.SETTLED, p.outcome);
    assertEquals(tokens("100"), p.fp.amount(), "FP of vector Q1's resources for 60 days at 1 USD per BHKR");
    assertEquals(tokens("60"), p.pricePaid.amount());
    // provider 60 BHKR; Reward Pool 10 BHKR + 30 ETH; Insurance Pool 10 BHKR + 30 ETH; requester 20 BHKR + 240 ETH
    assertEquals(tokens("60"), l.balance("account:P1", Asset.BHKR));
    assertEquals(BigInteger.ZERO, l.balance("account:P1", Asset.ETH));
    assertEquals(tokens("10"), l.balance(Market.REWARD_POOL, Asset.BHKR));
    assertEquals(tokens("30"), l.balance(Market.REWARD_POOL, Asset.ETH));
    assertEquals(tokens("10"), l.balance(Market.INSURANCE_POOL, Asset.BHKR));
    assertEquals(tokens("30"), l.balance(Market.INSURANCE_POOL, Asset.ETH));
    assertEquals(tokens("20"), l.balance("account:RJ1", Asset.BHKR));
    assertEquals(tokens("240"), l.balance("account:RJ1", Asset.ETH));
    assertEquals(BigInteger.ZERO, l.balance("escrow:J1", Asset.BHKR));
    assertEquals(BigInteger.ZERO, l.balance("escrow:J1", Asset.ETH));
  }

  @Test
  void m1SplitsAsVectorM1() {
    Market m = run("m1");
    Ledger l = m.ledger;
    MicroPools.Pool pool = m.microPools.pools.get(0);
    assertEquals(MicroPools.Status.COMPLETED, pool.status);
    assertEquals(tokens("8"), pool.validator.stakes.get("account:P1"), "a new provider at pMin scores 620: k = 8 ETH");
    // fees A 12.5, B 31.25, C 31.25 BHKR (sum 75): Reward Pool 7.5, provider 67.5
    assertEquals(tokens("7.5"), l.balance(Market.REWARD_POOL, Asset.BHKR));
    assertEquals(tokens("67.5"), l.balance("account:P1", Asset.BHKR));
    assertEquals(tokens("75"), l.deposited(Asset.BHKR).subtract(tokens("10000")), "the stakers paid 75 BHKR of fees");
    // rewards W 1.6 ETH: Insurance 0.16, Reward 0.16; A 0.16, B 0.4, C 0.4, provider 0.32 (plus its k back)
    assertEquals(tokens("0.16"), l.balance(Market.INSURANCE_POOL, Asset.ETH));
    assertEquals(tokens("0.16"), l.balance(Market.REWARD_POOL, Asset.ETH));
    assertEquals(tokens("4.16"), l.balance("account:A", Asset.ETH));
    assertEquals(tokens("10.4"), l.balance("account:B", Asset.ETH));
    assertEquals(tokens("10.4"), l.balance("account:C", Asset.ETH));
    assertEquals(tokens("8.32"), l.balance("account:P1", Asset.ETH));
    // each staker's fee came from its own deposit: nothing is left of it
    assertEquals(BigInteger.ZERO, l.balance("account:A", Asset.BHKR));
    // aETH minted 1:1 and burned at completion
    assertEquals(tokens("24"), l.minted(Asset.AETH));
    assertEquals(tokens("24"), l.burned(Asset.AETH));
  }
}
