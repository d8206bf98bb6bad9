package io.bhkr.persistence.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static io.bhkr.persistence.entities.LocalMarket.bhkr;
import static io.bhkr.persistence.entities.LocalMarket.eth;

import akka.Done;
import akka.actor.typed.ActorRef;
import io.bhkr.account.AccountEntity;
import io.bhkr.money.Amount;
import io.bhkr.money.Asset;
import io.bhkr.persistence.JournalProfile;
import io.bhkr.persistence.entities.LocalMarket;
import io.bhkr.persistence.testing.TestJournal;
import io.bhkr.transfer.Purpose;
import io.bhkr.transfer.DispatchReceived;
import io.bhkr.transfer.Party;
import io.bhkr.transfer.Transfer;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The ledger projection over the real entities on each journal profile: deposits, collateral, a
 * project funded, auctioned and settled (vector S1) are all counted where they are held, and the
 * report balances. Then a forged second credit of a real transfer is seen and turns the verdict.
 */
class LedgerProjectionTest {

  private static final Duration REDELIVERY = LocalMarket.REDELIVERY;

  private static BigInteger units(Amount a) {
    return a.amount();
  }

  /** The core market on the journal with the ledger projection running beside it. */
  private static final class World implements AutoCloseable {
    final LocalMarket market;

    World(TestJournal journal) {
      market = new LocalMarket("ledger", journal.config());
      market.kit.spawn(LedgerProjection.behavior(market.kit.system()), "ledger-projection");
    }

    ConservationReport reportWhen(String what, Predicate<ConservationReport> wanted) {
      return LedgerProjectionTest.reportWhen(market, what, wanted);
    }

    @Override
    public void close() {
      market.close();
    }
  }

  /** Polls the report of {@code market}'s node (bounded) until it shows what is wanted, and gives it. */
  static ConservationReport reportWhen(LocalMarket market, String what, Predicate<ConservationReport> wanted) {
    ConservationReport[] last = new ConservationReport[1];
    market.kit.createTestProbe().awaitAssert(Duration.ofSeconds(30), () -> {
      try {
        last[0] = LedgerDatabase.get(market.kit.system()).report(10);
      } catch (java.sql.SQLException e) {
        throw new AssertionError(e);
      }
      if (!wanted.test(last[0])) throw new AssertionError("the report does not show " + what + " yet: " + last[0]);
      return null;
    });
    return last[0];
  }

  @ParameterizedTest
  @EnumSource(JournalProfile.class)
  void theMarketOfVectorS1IsCountedWhereItIsHeldAndBalances(JournalProfile profile, @TempDir Path dir) {
    try (TestJournal journal = TestJournal.create(profile, dir); World w = new World(journal)) {
      String projectId = "project-" + System.nanoTime();
      LocalMarket.Entities market = w.market.spawnCore(projectId);
      w.market.openInsurancePool();
      w.market.settleS1(market, projectId);

      // collateral, funding, profit, and the seven legs of S1; each credited once
      ConservationReport r = w.reportWhen("ten transfers received", x -> x.transfers().received() == 10 && x.transfers().inFlight() == 0);
      assertTrue(r.ok(), r::toString);
      assertEquals(new TransferCounts(10, 10, 0, 0, 0, 0, 0), r.transfers());
      AssetTotals b = r.assets().get(Asset.BHKR).totals();
      assertEquals(units(bhkr(10_100)), b.deposited());
      assertEquals(units(bhkr(10_100)), b.held());
      assertEquals(units(bhkr(60 + 20)), b.heldBy().get(HeldBy.ACCOUNTS), "provider's price and the requester's change");
      assertEquals(units(bhkr(10_000)), b.heldBy().get(HeldBy.COLLATERAL));
      assertEquals(units(bhkr(10 + 10)), b.heldBy().get(HeldBy.POOLS));
      assertEquals(BigInteger.ZERO, b.heldBy().get(HeldBy.ESCROW), "the settled project keeps nothing");
      AssetTotals e = r.assets().get(Asset.ETH).totals();
      assertEquals(units(eth(300)), e.deposited());
      assertEquals(units(eth(240)), e.heldBy().get(HeldBy.ACCOUNTS));
      assertEquals(units(eth(60)), e.heldBy().get(HeldBy.POOLS));
      assertEquals(BigInteger.ZERO, e.inFlight());
      assertTrue(r.projectedUpTo() > 0);
      assertEquals(List.of(), r.anomalies());
    }
  }

  @ParameterizedTest
  @EnumSource(JournalProfile.class)
  void aForgedSecondCreditIsDetected(JournalProfile profile, @TempDir Path dir) {
    try (TestJournal journal = TestJournal.create(profile, dir); World w = new World(journal)) {
      String alice = "0x" + "a".repeat(40);
      String bob = "0x" + "b".repeat(40);
      ActorRef<AccountEntity.Command> a = w.market.entity(Party.account(alice), AccountEntity.create(alice, w.market.route, REDELIVERY));
      ActorRef<AccountEntity.Command> b = w.market.entity(Party.account(bob), AccountEntity.create(bob, w.market.route, REDELIVERY));
      w.market.<Done>ask(a, r -> new AccountEntity.Deposit("d-1", bhkr(100), r));
      Transfer t = new Transfer("t-1", Party.account(alice), Party.account(bob), bhkr(40), Purpose.PAYMENT, "gift", 0);
      w.market.<AccountEntity.SendResult>ask(a, r -> new AccountEntity.Send(t, r));
      w.market.await("bob credited", () -> w.market.<AccountEntity.AccountView>ask(b, AccountEntity.Get::new).balances().of(Asset.BHKR).equals(bhkr(40)));
      ConservationReport sound = w.reportWhen("the transfer received", x -> x.transfers().received() == 1);
      assertTrue(sound.ok(), sound::toString);

      ActorRef<Forger.Write> forger = w.market.kit.spawn(Forger.create("Account|" + bob));
      w.market.<Done>ask(forger, r -> new Forger.Write(new DispatchReceived(t), r));

      ConservationReport broken = w.reportWhen("the second credit", x -> x.transfers().receivedTwice() > 0);
      assertEquals(1, broken.transfers().receivedTwice());
      assertFalse(broken.ok());
      assertFalse(broken.assets().get(Asset.BHKR).ok());
      assertTrue(broken.assets().get(Asset.BHKR).totals().balanced(), "the sums alone would not have shown it");
      assertEquals(1, broken.anomalies().size());
      Anomaly seen = broken.anomalies().get(0);
      assertEquals(Anomaly.Kind.RECEIVED_TWICE, seen.kind());
      assertEquals("t-1", seen.transferId());
      assertEquals("Account|" + bob, seen.persistenceId());
      assertEquals(broken.projectedUpTo(), seen.offset());
    }
  }
}
