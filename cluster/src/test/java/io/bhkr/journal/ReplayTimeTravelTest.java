package io.bhkr.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.bhkr.account.AccountState;
import io.bhkr.money.Asset;
import io.bhkr.persistence.journal.StoredEvent;
import io.bhkr.pool.PoolState;
import io.bhkr.replay.MarketAsOf;
import io.bhkr.replay.Replay;
import io.bhkr.replay.WhatIf;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code replay state --at} and {@code replay what-if} on the worked example's golden journal (vector S1). */
class ReplayTimeTravelTest {

  private static final String REQUESTER = "0x14dc79964da2c08b23698b3d3cc7ca32193d9955";
  private static final BigInteger E18 = BigInteger.TEN.pow(18);

  private static BigInteger tokens(long n) {
    return BigInteger.valueOf(n).multiply(E18);
  }

  private static long settledAt(List<StoredEvent> rows) {
    return rows.stream().filter(e -> e.className().equals("io.bhkr.project.ProjectSettled")).findFirst().orElseThrow().writeTimestamp();
  }

  private static MarketAsOf at(List<StoredEvent> rows, long millis) {
    MarketAsOf state = new MarketAsOf(Instant.ofEpochMilli(millis));
    Replay.each(rows, state::accept);
    return state;
  }

  @Test
  void theBalancesBeforeAndAfterTheSettlementAreThoseOfTheTwoMoments() {
    List<StoredEvent> rows = ReplayVerifyTest.worked();
    long settled = settledAt(rows);
    MarketAsOf before = at(rows, settled - 1);
    AccountState requesterBefore = before.market().state("Account|" + REQUESTER);
    assertEquals(BigInteger.ZERO, requesterBefore.balances().of(Asset.BHKR).amount(), "FP is in escrow before the settlement");
    PoolState rewardBefore = before.market().state("Pool|reward");
    assertEquals(BigInteger.ZERO, rewardBefore.balances().of(Asset.BHKR).amount());

    MarketAsOf after = at(rows, rows.get(rows.size() - 1).writeTimestamp());
    AccountState requesterAfter = after.market().state("Account|" + REQUESTER);
    assertEquals(tokens(20), requesterAfter.balances().of(Asset.BHKR).amount());
    assertEquals(tokens(240), requesterAfter.balances().of(Asset.ETH).amount());
    PoolState rewardAfter = after.market().state("Pool|reward");
    assertEquals(tokens(10), rewardAfter.balances().of(Asset.BHKR).amount());
    assertEquals(tokens(30), rewardAfter.balances().of(Asset.ETH).amount());
  }

  @Test
  void aRewardPoolRateOfTwentyPercentDoublesThePoolsShareAtTheRequestersCost() {
    WhatIf whatIf = new WhatIf(Map.of("rpBps", "2000"), 0, Long.MAX_VALUE);
    Replay.each(ReplayVerifyTest.worked(), whatIf::accept);
    var pool = whatIf.outcomes().get("pool:reward");
    assertEquals(new WhatIf.Outcome(tokens(10), tokens(20)), pool.get(Asset.BHKR));
    assertEquals(new WhatIf.Outcome(tokens(30), tokens(60)), pool.get(Asset.ETH));
    var requester = whatIf.outcomes().get(REQUESTER);
    assertEquals(new WhatIf.Outcome(tokens(20), tokens(10)), requester.get(Asset.BHKR));
    assertEquals(new WhatIf.Outcome(tokens(240), tokens(210)), requester.get(Asset.ETH));
  }

  @Test
  void secondPricePaysTheWinnerTheSecondLowestBid() {
    WhatIf whatIf = new WhatIf(Map.of("auctionPricing", "SECOND_PRICE"), 0, Long.MAX_VALUE);
    Replay.each(ReplayVerifyTest.worked(), whatIf::accept);
    var provider = whatIf.outcomes().get("0x15d34aaf54267db7d7c367839aaf71a00a2c6a65");
    assertEquals(new WhatIf.Outcome(tokens(60), tokens(70)), provider.get(Asset.BHKR), "S1's bids are 60, 70, 75");
  }

  @Test
  void anImpossibleParameterIsRefusedAsAProposalWouldBe() {
    WhatIf whatIf = new WhatIf(Map.of("rpBps", "20000"), 0, Long.MAX_VALUE);
    assertThrows(IllegalArgumentException.class, () -> Replay.each(ReplayVerifyTest.worked(), whatIf::accept));
  }
}
