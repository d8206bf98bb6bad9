package io.bhkr.persistence.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import akka.Done;
import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.actor.typed.ActorRef;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.bhkr.account.AccountEntity;
import io.bhkr.governance.GovernanceEntity;
import io.bhkr.governance.Parameters;
import io.bhkr.money.Amount;
import io.bhkr.money.Asset;
import io.bhkr.pool.InsurancePoolEntity;
import io.bhkr.pool.PoolView;
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
import io.bhkr.transfer.Party;
import io.bhkr.transfer.ProjectFunding;
import io.bhkr.transfer.Transfer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import io.bhkr.persistence.JournalProfile;
import io.bhkr.persistence.testing.TestJournal;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The core-market entities on a real journal: governance qualifies a provider, it stakes
 * collateral, a project is funded, bid on, closed by its timer and settled (vector S1). Then the
 * actor system stops and a new one recovers every entity from the journal alone, and delivers
 * what was still in flight: the Insurance Pool was unreachable before the "crash" and receives
 * its legs afterwards, once. On each journal profile.
 */
class EntityRecoveryTest {

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

  private final List<ActorTestKit> running = new ArrayList<>();

  private Config journalConfig;

  private Config journalConfig() {
    return journalConfig;
  }

  @AfterEach
  void stopAll() {
    running.forEach(ActorTestKit::shutdownTestKit);
    running.clear();
  }

  /** The entities of one actor system, wired by a local route. */
  private final class World {
    final ActorTestKit kit;
    final LocalRoute route = new LocalRoute();
    final Map<String, ActorRef<AccountEntity.Command>> accounts = new LinkedHashMap<>();
    final ActorRef<ProviderEntity.Command> provider;
    final ActorRef<ProjectEntity.Command> project;
    final ActorRef<RewardPoolEntity.Command> reward;
    final ActorRef<GovernanceEntity.Command> governance;
    ActorRef<InsurancePoolEntity.Command> insurance;

    World(String name, String projectId) {
      kit = ActorTestKit.create(name, SETTINGS.withFallback(journalConfig()));
      running.add(kit);
      for (String a : List.of(REQUESTER, PROVIDER)) {
        accounts.put(a, kit.spawn(AccountEntity.create(a, route, REDELIVERY)));
        route.register(Party.account(a), accounts.get(a));
      }
      provider = kit.spawn(ProviderEntity.create(PROVIDER, route, REDELIVERY));
      route.register(Party.provider(PROVIDER), provider);
      project = kit.spawn(ProjectEntity.create(projectId, route, REDELIVERY, Clock.systemUTC()));
      route.register(Party.project(projectId), project);
      reward = kit.spawn(RewardPoolEntity.create(route, REDELIVERY));
      route.register(Party.REWARD_POOL, reward);
      governance = kit.spawn(GovernanceEntity.create(route, REDELIVERY));
    }

    void openInsurancePool() {
      insurance = kit.spawn(InsurancePoolEntity.create(route, REDELIVERY));
      route.register(Party.INSURANCE_POOL, insurance);
    }

    <R> R ask(ActorRef<?> target, Function<ActorRef<R>, ?> command) {
      TestProbe<R> probe = kit.createTestProbe();
      @SuppressWarnings("unchecked")
      ActorRef<Object> t = (ActorRef<Object>) target;
      t.tell(command.apply(probe.ref()));
      return probe.receiveMessage();
    }

    void awaitTrue(String what, java.util.function.BooleanSupplier condition) {
      kit.createTestProbe().awaitAssert(Duration.ofSeconds(15), () -> {
        if (!condition.getAsBoolean()) throw new AssertionError("not yet: " + what);
        return null;
      });
    }

    Map<String, Object> views(String projectId) {
      Map<String, Object> v = new LinkedHashMap<>();
      accounts.forEach((a, ref) -> v.put(a, ask(ref, AccountEntity.Get::new)));
      v.put("provider", ask(provider, ProviderEntity.Get::new));
      v.put("project", ask(project, ProjectEntity.Get::new));
      v.put("reward", ask(reward, RewardPoolEntity.Get::new));
      v.put("governance", ((GovernanceEntity.GovernanceView) ask(governance, GovernanceEntity.Get::new)).proposals());
      return v;
    }
  }

  private static Amount bhkr(long tokens) {
    return Amount.tokens(Asset.BHKR, tokens);
  }

  private static Amount eth(long tokens) {
    return Amount.tokens(Asset.ETH, tokens);
  }

  @ParameterizedTest
  @EnumSource(JournalProfile.class)
  void everyEntityRecoversFromTheJournalAndDeliversWhatWasInFlight(JournalProfile profile, @TempDir Path dir) {
    try (TestJournal journal = TestJournal.create(profile, dir)) {
      journalConfig = journal.config();
      everyEntityRecoversFromTheJournalAndDeliversWhatWasInFlight();
      stopAll();
    }
  }

  private void everyEntityRecoversFromTheJournalAndDeliversWhatWasInFlight() {
    String projectId = "project-" + System.nanoTime();
    World before = new World("before", projectId);
    Parameters dev = Parameters.development();
    Parameters shortWindow = dev.withBidWindowSeconds(3);
    long now = Clock.systemUTC().instant().getEpochSecond();

    before.<Done>ask(before.governance, r -> new GovernanceEntity.Found(new GovernanceEntity.Genesis(GOVERNORS, 1, shortWindow), r));
    before.<ProviderEntity.ApplyResult>ask(before.provider, r -> new ProviderEntity.Apply("Four", new Resources(8, 32, 512, 100), bhkr(90), now, r));
    before.<GovernanceEntity.Decision>ask(before.governance, r -> new GovernanceEntity.Propose("g-1", GOVERNORS.get(0),
        io.bhkr.governance.Proposal.Kind.QUALIFY_PROVIDER, PROVIDER, now, r));
    before.<GovernanceEntity.Decision>ask(before.governance, r -> new GovernanceEntity.Vote("g-1", GOVERNORS.get(0), true, now, r));
    before.<GovernanceEntity.Decision>ask(before.governance, r -> new GovernanceEntity.Vote("g-1", GOVERNORS.get(1), true, now, r));
    before.awaitTrue("qualified", () ->
        before.<ProviderEntity.ProviderView>ask(before.provider, ProviderEntity.Get::new).status() == ProviderEntity.Status.QUALIFIED);

    ActorRef<AccountEntity.Command> requester = before.accounts.get(REQUESTER);
    ActorRef<AccountEntity.Command> provider = before.accounts.get(PROVIDER);
    before.<Done>ask(requester, r -> new AccountEntity.Deposit("d-1", bhkr(100), r));
    before.<Done>ask(provider, r -> new AccountEntity.Deposit("d-2", bhkr(10_000), r));
    before.<Done>ask(provider, r -> new AccountEntity.Deposit("d-3", eth(300), r));
    assertInstanceOf(AccountEntity.Accepted.class, before.<AccountEntity.SendResult>ask(provider, r -> new AccountEntity.Send(
        new Transfer("collateral-1", Party.account(PROVIDER), Party.provider(PROVIDER), bhkr(10_000), "collateral", now), r)));
    before.awaitTrue("active", () ->
        before.<ProviderEntity.ProviderView>ask(before.provider, ProviderEntity.Get::new).status() == ProviderEntity.Status.ACTIVE);

    long opened = Clock.systemUTC().instant().getEpochSecond(); // the bid window runs from here, in real time
    QuoteTerms q1 = Quoting.quote("q-1", ProjectKind.ETH_VALIDATOR, new Resources(4, 16, 128, 0), 60, shortWindow, opened);
    String secret = "0x" + "ab".repeat(32);
    before.<AccountEntity.SendResult>ask(requester, r -> new AccountEntity.Send(new ProjectFunding("fund:" + projectId,
        Party.account(REQUESTER), Party.project(projectId), q1.fp(), q1, secret, opened), r));
    before.awaitTrue("bidding", () -> before.<ProjectView>ask(before.project, ProjectEntity.Get::new).status() == ProjectStatus.BIDDING);
    ProviderEntity.ProviderView standing = before.ask(before.provider, ProviderEntity.Get::new);
    assertInstanceOf(ProjectEntity.BidAccepted.class, before.<ProjectEntity.BidResult>ask(before.project, r ->
        new ProjectEntity.PlaceBid(PROVIDER, bhkr(60), standing.standing(), opened, r)));
    before.awaitTrue("running", () -> before.<ProjectView>ask(before.project, ProjectEntity.Get::new).status() == ProjectStatus.RUNNING);

    before.<AccountEntity.SendResult>ask(provider, r -> new AccountEntity.Send(
        new Transfer("profit:" + projectId, Party.account(PROVIDER), Party.project(projectId), eth(300), ProjectRules.PROFIT, 0), r));
    before.awaitTrue("settled and paid", () ->
        before.<AccountEntity.AccountView>ask(requester, AccountEntity.Get::new).balances().of(Asset.ETH).equals(eth(240)));
    Map<String, Object> written = before.views(projectId);
    before.kit.shutdownTestKit();
    running.remove(before.kit);

    World after = new World("after", projectId);
    assertEquals(written, after.views(projectId), "every entity recovers exactly its state");
    after.openInsurancePool();
    after.awaitTrue("the insurance legs arrive after the restart", () -> {
      PoolView pool = after.ask(after.insurance, InsurancePoolEntity.Get::new);
      return pool.balances().of(Asset.BHKR).equals(bhkr(10)) && pool.balances().of(Asset.ETH).equals(eth(30));
    });
    ProjectView settled = after.ask(after.project, ProjectEntity.Get::new);
    assertEquals(ProjectStatus.SETTLED, settled.status());
    assertEquals(bhkr(60), after.<AccountEntity.AccountView>ask(provider(after), AccountEntity.Get::new).balances().of(Asset.BHKR));
  }

  private static ActorRef<AccountEntity.Command> provider(World w) {
    return w.accounts.get(PROVIDER);
  }
}
