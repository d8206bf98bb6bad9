package io.bhkr.persistence.entities;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import akka.Done;
import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.bhkr.account.AccountEntity;
import io.bhkr.governance.GovernanceEntity;
import io.bhkr.governance.Parameters;
import io.bhkr.governance.Proposal;
import io.bhkr.money.Amount;
import io.bhkr.money.Asset;
import io.bhkr.pool.InsurancePoolEntity;
import io.bhkr.pool.RewardPoolEntity;
import io.bhkr.project.ProjectEntity;
import io.bhkr.project.ProjectStatus;
import io.bhkr.project.ProjectView;
import io.bhkr.provider.ProviderEntity;
import io.bhkr.quote.ProjectKind;
import io.bhkr.quote.QuoteDecisions;
import io.bhkr.quote.QuoteTerms;
import io.bhkr.rules.Resources;
import io.bhkr.transfer.Party;
import io.bhkr.transfer.ProjectFunding;
import io.bhkr.transfer.Purpose;
import io.bhkr.transfer.Transfer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * The core-market entities in one actor system on a real journal, spawned directly and wired by a
 * {@link LocalRoute} as sharding wires them in a node, and the whitepaper example (vector S1)
 * played on them. Tests that check what the journal makes of it (recovery, the ledger) share it.
 */
public final class LocalMarket implements AutoCloseable {

  public static final String REQUESTER = "0x14dc79964da2c08b23698b3d3cc7ca32193d9955";
  public static final String PROVIDER = "0x15d34aaf54267db7d7c367839aaf71a00a2c6a65";
  public static final List<String> GOVERNORS = List.of(
      "0x70997970c51812dc3a010c7d01b50e0d17dc79c8", "0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc",
      "0x90f79bf6eb2c4f870365e785982e1f101e93b906");
  public static final Duration REDELIVERY = Duration.ofMillis(200);
  /** Every command, reply and event crosses Jackson, as between cluster nodes. */
  private static final Config SETTINGS = ConfigFactory.parseString("""
      akka.actor.provider = local
      akka.actor.serialize-messages = on
      akka.actor.serialize-creators = off
      akka.loglevel = WARNING
      akka.actor.testkit.typed.single-expect-default = 10s
      """);

  public final ActorTestKit kit;
  public final LocalRoute route = new LocalRoute();

  public LocalMarket(String name, Config journal) {
    kit = ActorTestKit.create(name, SETTINGS.withFallback(journal));
  }

  public static Amount bhkr(long tokens) {
    return Amount.tokens(Asset.BHKR, tokens);
  }

  public static Amount eth(long tokens) {
    return Amount.tokens(Asset.ETH, tokens);
  }

  /** Spawns an entity and makes it reachable as {@code party} (null: reachable by nobody). */
  public <C> ActorRef<C> entity(Party party, Behavior<C> behavior) {
    ActorRef<C> ref = kit.spawn(behavior);
    if (party != null) route.register(party, ref);
    return ref;
  }

  public <R> R ask(ActorRef<?> target, Function<ActorRef<R>, ?> command) {
    TestProbe<R> probe = kit.createTestProbe();
    @SuppressWarnings("unchecked")
    ActorRef<Object> t = (ActorRef<Object>) target;
    t.tell(command.apply(probe.ref()));
    return probe.receiveMessage();
  }

  /** Waits (bounded) until the condition on the entities holds. */
  public void await(String what, BooleanSupplier condition) {
    kit.createTestProbe().awaitAssert(Duration.ofSeconds(20), () -> {
      if (!condition.getAsBoolean()) throw new AssertionError("not yet: " + what);
      return null;
    });
  }

  /** The entities of the whitepaper example; the Insurance Pool only when {@code insured}, so a test can keep it unreachable. */
  public record Entities(
      ActorRef<AccountEntity.Command> requester,
      ActorRef<AccountEntity.Command> providerAccount,
      ActorRef<ProviderEntity.Command> provider,
      ActorRef<ProjectEntity.Command> project,
      ActorRef<RewardPoolEntity.Command> reward,
      ActorRef<GovernanceEntity.Command> governance) {}

  public Entities spawnCore(String projectId) {
    return new Entities(
        entity(Party.account(REQUESTER), AccountEntity.create(REQUESTER, route, REDELIVERY)),
        entity(Party.account(PROVIDER), AccountEntity.create(PROVIDER, route, REDELIVERY)),
        entity(Party.provider(PROVIDER), ProviderEntity.create(PROVIDER, route, REDELIVERY)),
        entity(Party.project(projectId), ProjectEntity.create(projectId, route, REDELIVERY, Clock.systemUTC())),
        entity(Party.REWARD_POOL, RewardPoolEntity.create(route, REDELIVERY)),
        entity(null, GovernanceEntity.create(route, REDELIVERY)));
  }

  public ActorRef<InsurancePoolEntity.Command> openInsurancePool() {
    return entity(Party.INSURANCE_POOL, InsurancePoolEntity.create(route, REDELIVERY));
  }

  /**
   * Vector S1 on the entities: governance qualifies the provider, it stakes collateral, the
   * requester funds a Q1 project, the provider bids 60, the project's timer closes the auction,
   * and the winner pays a profit of 300 ETH in. Returns once the requester holds its 240 ETH.
   */
  public void settleS1(Entities e, String projectId) {
    Parameters shortWindow = Parameters.development().withBidWindowSeconds(3); // short, and long enough for the bid
    long now = Clock.systemUTC().instant().getEpochSecond();
    this.<Done>ask(e.governance(), r -> new GovernanceEntity.Found(new GovernanceEntity.Genesis(GOVERNORS, 1, shortWindow), r));
    this.<ProviderEntity.ApplyResult>ask(e.provider(), r -> new ProviderEntity.Apply("Four", new Resources(8, 32, 512, 100), bhkr(90), now, r));
    this.<GovernanceEntity.Decision>ask(e.governance(), r -> new GovernanceEntity.Propose("g-1", GOVERNORS.get(0),
        Proposal.Kind.QUALIFY_PROVIDER, PROVIDER, ProviderEntity.Status.APPLIED, now, r));
    this.<GovernanceEntity.Decision>ask(e.governance(), r -> new GovernanceEntity.Vote("g-1", GOVERNORS.get(0), true, now, r));
    this.<GovernanceEntity.Decision>ask(e.governance(), r -> new GovernanceEntity.Vote("g-1", GOVERNORS.get(1), true, now, r));
    await("qualified", () -> providerStatus(e) == ProviderEntity.Status.QUALIFIED);

    this.<Done>ask(e.requester(), r -> new AccountEntity.Deposit("d-1", bhkr(100), r));
    this.<Done>ask(e.providerAccount(), r -> new AccountEntity.Deposit("d-2", bhkr(10_000), r));
    this.<Done>ask(e.providerAccount(), r -> new AccountEntity.Deposit("d-3", eth(300), r));
    assertInstanceOf(AccountEntity.Accepted.class, this.<AccountEntity.SendResult>ask(e.providerAccount(), r -> new AccountEntity.Send(
        Transfer.of("collateral-1", Party.account(PROVIDER), Party.provider(PROVIDER), bhkr(10_000), Purpose.COLLATERAL, now), r)));
    await("active", () -> providerStatus(e) == ProviderEntity.Status.ACTIVE);

    long opened = Clock.systemUTC().instant().getEpochSecond(); // the bid window runs from here, in real time
    QuoteTerms q1 = QuoteDecisions.quote("q-1", ProjectKind.ETH_VALIDATOR, new Resources(4, 16, 128, 0), 60, shortWindow, opened);
    this.<AccountEntity.SendResult>ask(e.requester(), r -> new AccountEntity.Send(new ProjectFunding("fund:" + projectId,
        Party.account(REQUESTER), Party.project(projectId), q1.fp(), q1, "0x" + "ab".repeat(32), opened), r));
    await("bidding", () -> projectStatus(e) == ProjectStatus.BIDDING);
    ProviderEntity.ProviderView standing = ask(e.provider(), ProviderEntity.Get::new);
    assertInstanceOf(ProjectEntity.BidAccepted.class, this.<ProjectEntity.BidResult>ask(e.project(), r ->
        new ProjectEntity.PlaceBid(PROVIDER, bhkr(60), standing.standing(opened), opened, r)));
    await("running", () -> projectStatus(e) == ProjectStatus.RUNNING);

    this.<AccountEntity.SendResult>ask(e.providerAccount(), r -> new AccountEntity.Send(
        Transfer.of("profit:" + projectId, Party.account(PROVIDER), Party.project(projectId), eth(300), Purpose.PROFIT, opened), r));
    await("settled and paid", () ->
        this.<AccountEntity.AccountView>ask(e.requester(), AccountEntity.Get::new).balances().of(Asset.ETH).equals(eth(240)));
  }

  private ProviderEntity.Status providerStatus(Entities e) {
    return this.<ProviderEntity.ProviderView>ask(e.provider(), ProviderEntity.Get::new).status();
  }

  private ProjectStatus projectStatus(Entities e) {
    return this.<ProjectView>ask(e.project(), ProjectEntity.Get::new).status();
  }

  @Override
  public void close() {
    kit.shutdownTestKit();
  }
}
