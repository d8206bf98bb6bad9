package io.bhkr.persistence.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.Done;
import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.actor.typed.ActorRef;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.bhkr.account.AccountEntity;
import io.bhkr.governance.GovernanceEntity;
import io.bhkr.governance.Parameters;
import io.bhkr.governance.Proposal;
import io.bhkr.money.Amount;
import io.bhkr.money.Asset;
import io.bhkr.persistence.JournalProfile;
import io.bhkr.persistence.entities.LocalRoute;
import io.bhkr.persistence.testing.TestJournal;
import io.bhkr.pool.InsurancePoolEntity;
import io.bhkr.pool.RewardPoolEntity;
import io.bhkr.project.ProjectEntity;
import io.bhkr.project.ProjectRules;
import io.bhkr.project.ProjectStatus;
import io.bhkr.project.ProjectView;
import io.bhkr.provider.ProviderEntity;
import io.bhkr.quote.ProjectKind;
import io.bhkr.quote.QuoteTerms;
import io.bhkr.quote.Quoting;
import io.bhkr.rules.Resources;
import io.bhkr.transfer.DispatchReceived;
import io.bhkr.transfer.Party;
import io.bhkr.transfer.ProjectFunding;
import io.bhkr.transfer.Transfer;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
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

  private static final Config SETTINGS = ConfigFactory.parseString("""
      akka.actor.provider = local
      akka.actor.serialize-messages = on
      akka.actor.serialize-creators = off
      akka.loglevel = WARNING
      akka.actor.testkit.typed.single-expect-default = 10s
      """);
  private static final Duration REDELIVERY = Duration.ofMillis(200);
  private static final String REQUESTER = "0x14dc79964da2c08b23698b3d3cc7ca32193d9955";
  private static final String PROVIDER = "0x15d34aaf54267db7d7c367839aaf71a00a2c6a65";
  private static final List<String> GOVERNORS = List.of(
      "0x70997970c51812dc3a010c7d01b50e0d17dc79c8", "0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc",
      "0x90f79bf6eb2c4f870365e785982e1f101e93b906");

  private static Amount bhkr(long tokens) {
    return Amount.tokens(Asset.BHKR, tokens);
  }

  private static Amount eth(long tokens) {
    return Amount.tokens(Asset.ETH, tokens);
  }

  private static BigInteger units(Amount a) {
    return a.amount();
  }

  /** An actor system on the journal with the ledger projection running in it. */
  private static final class World implements AutoCloseable {
    final ActorTestKit kit;
    final LocalRoute route = new LocalRoute();

    World(TestJournal journal) {
      kit = ActorTestKit.create("ledger", SETTINGS.withFallback(journal.config()));
      kit.spawn(LedgerProjection.behavior(kit.system()), "ledger-projection");
    }

    <C, T extends C> ActorRef<C> entity(Party party, akka.actor.typed.Behavior<C> behavior) {
      ActorRef<C> ref = kit.spawn(behavior);
      if (party != null) route.register(party, ref);
      return ref;
    }

    <R> R ask(ActorRef<?> target, Function<ActorRef<R>, ?> command) {
      TestProbe<R> probe = kit.createTestProbe();
      @SuppressWarnings("unchecked")
      ActorRef<Object> t = (ActorRef<Object>) target;
      t.tell(command.apply(probe.ref()));
      return probe.receiveMessage();
    }

    void await(String what, java.util.function.BooleanSupplier condition) {
      kit.createTestProbe().awaitAssert(Duration.ofSeconds(20), () -> {
        if (!condition.getAsBoolean()) throw new AssertionError("not yet: " + what);
        return null;
      });
    }

    /** Polls the report (bounded) until it shows what is wanted, and gives it. */
    ConservationReport reportWhen(String what, Predicate<ConservationReport> wanted) {
      ConservationReport[] last = new ConservationReport[1];
      kit.createTestProbe().awaitAssert(Duration.ofSeconds(20), () -> {
        try {
          last[0] = LedgerDatabase.get(kit.system()).report(10);
        } catch (java.sql.SQLException e) {
          throw new AssertionError(e);
        }
        if (!wanted.test(last[0])) throw new AssertionError("the report does not show " + what + " yet: " + last[0]);
        return null;
      });
      return last[0];
    }

    @Override
    public void close() {
      kit.shutdownTestKit();
    }
  }

  @ParameterizedTest
  @EnumSource(JournalProfile.class)
  void theMarketOfVectorS1IsCountedWhereItIsHeldAndBalances(JournalProfile profile, @TempDir Path dir) {
    try (TestJournal journal = TestJournal.create(profile, dir); World w = new World(journal)) {
      String projectId = "project-" + System.nanoTime();
      ActorRef<AccountEntity.Command> requester = w.entity(Party.account(REQUESTER), AccountEntity.create(REQUESTER, w.route, REDELIVERY));
      ActorRef<AccountEntity.Command> providerAccount = w.entity(Party.account(PROVIDER), AccountEntity.create(PROVIDER, w.route, REDELIVERY));
      ActorRef<ProviderEntity.Command> provider = w.entity(Party.provider(PROVIDER), ProviderEntity.create(PROVIDER, w.route, REDELIVERY));
      ActorRef<ProjectEntity.Command> project = w.entity(Party.project(projectId),
          ProjectEntity.create(projectId, w.route, REDELIVERY, Clock.systemUTC()));
      w.entity(Party.REWARD_POOL, RewardPoolEntity.create(w.route, REDELIVERY));
      w.entity(Party.INSURANCE_POOL, InsurancePoolEntity.create(w.route, REDELIVERY));
      ActorRef<GovernanceEntity.Command> governance = w.entity(null, GovernanceEntity.create(w.route, REDELIVERY));

      Parameters dev = Parameters.development();
      Parameters shortWindow = dev.withBidWindowSeconds(3); // short, and still long enough for the bid
      long now = Clock.systemUTC().instant().getEpochSecond();
      w.<Done>ask(governance, r -> new GovernanceEntity.Found(new GovernanceEntity.Genesis(GOVERNORS, 1, shortWindow), r));
      w.<ProviderEntity.ApplyResult>ask(provider, r -> new ProviderEntity.Apply("Four", new Resources(8, 32, 512, 100), bhkr(90), now, r));
      w.<GovernanceEntity.Decision>ask(governance, r -> new GovernanceEntity.Propose("g-1", GOVERNORS.get(0),
          Proposal.Kind.QUALIFY_PROVIDER, PROVIDER, now, r));
      w.<GovernanceEntity.Decision>ask(governance, r -> new GovernanceEntity.Vote("g-1", GOVERNORS.get(0), true, now, r));
      w.<GovernanceEntity.Decision>ask(governance, r -> new GovernanceEntity.Vote("g-1", GOVERNORS.get(1), true, now, r));
      w.await("qualified", () ->
          w.<ProviderEntity.ProviderView>ask(provider, ProviderEntity.Get::new).status() == ProviderEntity.Status.QUALIFIED);

      w.<Done>ask(requester, r -> new AccountEntity.Deposit("d-1", bhkr(100), r));
      w.<Done>ask(providerAccount, r -> new AccountEntity.Deposit("d-2", bhkr(10_000), r));
      w.<Done>ask(providerAccount, r -> new AccountEntity.Deposit("d-3", eth(300), r));
      assertInstanceOf(AccountEntity.Accepted.class, w.<AccountEntity.SendResult>ask(providerAccount, r -> new AccountEntity.Send(
          new Transfer("collateral-1", Party.account(PROVIDER), Party.provider(PROVIDER), bhkr(10_000), "collateral", now), r)));
      w.await("active", () ->
          w.<ProviderEntity.ProviderView>ask(provider, ProviderEntity.Get::new).status() == ProviderEntity.Status.ACTIVE);

      long opened = Clock.systemUTC().instant().getEpochSecond();
      QuoteTerms q1 = Quoting.quote("q-1", ProjectKind.ETH_VALIDATOR, new Resources(4, 16, 128, 0), 60, shortWindow, opened);
      w.<AccountEntity.SendResult>ask(requester, r -> new AccountEntity.Send(new ProjectFunding("fund:" + projectId,
          Party.account(REQUESTER), Party.project(projectId), q1.fp(), q1, "0x" + "ab".repeat(32), opened), r));
      w.await("bidding", () -> w.<ProjectView>ask(project, ProjectEntity.Get::new).status() == ProjectStatus.BIDDING);
      ProviderEntity.ProviderView standing = w.ask(provider, ProviderEntity.Get::new);
      assertInstanceOf(ProjectEntity.BidAccepted.class, w.<ProjectEntity.BidResult>ask(project, r ->
          new ProjectEntity.PlaceBid(PROVIDER, bhkr(60), standing.standing(), opened, r)));
      w.await("running", () -> w.<ProjectView>ask(project, ProjectEntity.Get::new).status() == ProjectStatus.RUNNING);
      w.<AccountEntity.SendResult>ask(providerAccount, r -> new AccountEntity.Send(
          new Transfer("profit:" + projectId, Party.account(PROVIDER), Party.project(projectId), eth(300), ProjectRules.PROFIT, opened), r));

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
      ActorRef<AccountEntity.Command> a = w.entity(Party.account(alice), AccountEntity.create(alice, w.route, REDELIVERY));
      ActorRef<AccountEntity.Command> b = w.entity(Party.account(bob), AccountEntity.create(bob, w.route, REDELIVERY));
      w.<Done>ask(a, r -> new AccountEntity.Deposit("d-1", bhkr(100), r));
      Transfer t = new Transfer("t-1", Party.account(alice), Party.account(bob), bhkr(40), "gift", 0);
      w.<AccountEntity.SendResult>ask(a, r -> new AccountEntity.Send(t, r));
      w.await("bob credited", () -> w.<AccountEntity.AccountView>ask(b, AccountEntity.Get::new).balances().of(Asset.BHKR).equals(bhkr(40)));
      ConservationReport sound = w.reportWhen("the transfer received", x -> x.transfers().received() == 1);
      assertTrue(sound.ok(), sound::toString);

      ActorRef<Forger.Write> forger = w.kit.spawn(Forger.create("Account|" + bob));
      w.<Done>ask(forger, r -> new Forger.Write(new DispatchReceived(t), r));

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
