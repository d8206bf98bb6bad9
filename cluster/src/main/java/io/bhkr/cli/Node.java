package io.bhkr.cli;

import akka.actor.typed.ActorSystem;
import akka.actor.typed.javadsl.Behaviors;
import akka.cluster.typed.ClusterSingleton;
import akka.cluster.typed.SingletonActor;
import akka.http.javadsl.ServerBinding;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.bhkr.governance.GovernanceEntity;
import io.bhkr.governance.AuditParameters;
import io.bhkr.governance.Parameters;
import io.bhkr.http.ApiServer;
import io.bhkr.http.ApiSettings;
import io.bhkr.http.auth.DevelopmentAccounts;
import io.bhkr.market.Market;
import io.bhkr.persistence.JournalProfile;
import io.bhkr.persistence.JournalSchema;
import io.bhkr.persistence.rewards.RewardEpochClock;
import io.bhkr.persistence.governance.ElectionClock;
import io.bhkr.persistence.governance.Elections;
import io.bhkr.persistence.rewards.RewardEpochs;
import io.bhkr.persistence.ledger.LedgerProjection;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One BHKR node: the journal's schema, an actor system joined to its cluster (alone, or through
 * seed nodes; see {@link ClusterStart}), the sharded market
 * with its genesis governance, the ledger projection, and the HTTP API. Used by {@code Main} and
 * by the end-to-end tests, so both start the system the same way.
 */
public final class Node implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Node.class);
  private static final Duration STARTUP = Duration.ofSeconds(30);

  private final ActorSystem<Void> system;
  private final Market market;
  private final InetSocketAddress httpAddress;

  private Node(ActorSystem<Void> system, Market market, InetSocketAddress httpAddress) {
    this.system = system;
    this.market = market;
    this.httpAddress = httpAddress;
  }

  /** The development genesis of api.md: dev accounts 1–3 govern (n = 1), account 0 operates. */
  public static GovernanceEntity.Genesis developmentGenesis(long bidWindowSeconds, long epochSeconds) {
    return developmentGenesis(bidWindowSeconds, epochSeconds, AuditParameters.defaults().auditPeriodSeconds());
  }

  /** @param auditPeriodSeconds short in tests, so that audit periods pass while a test watches */
  public static GovernanceEntity.Genesis developmentGenesis(long bidWindowSeconds, long epochSeconds, long auditPeriodSeconds) {
    AuditParameters audits = AuditParameters.defaults();
    return new GovernanceEntity.Genesis(
        List.of(DevelopmentAccounts.address(1), DevelopmentAccounts.address(2), DevelopmentAccounts.address(3)),
        1, Parameters.development().withBidWindowSeconds(bidWindowSeconds).withEpochSeconds(epochSeconds)
            .withAudits(new AuditParameters(audits.auditK(), auditPeriodSeconds, audits.disputeLimit(), audits.disputeToleranceBps())));
  }

  /** A deployment's genesis from {@code bhkr.genesis}: its governors and n, with the spec's default parameters. */
  static GovernanceEntity.Genesis configuredGenesis(Config config) {
    List<String> governors = config.getStringList("bhkr.genesis.governors").stream().map(String::toLowerCase).toList();
    if (governors.stream().anyMatch(g -> !g.matches("0x[0-9a-f]{40}")))
      throw new IllegalArgumentException("bhkr.genesis.governors must be Ethereum addresses: " + governors);
    if (!config.getString("bhkr.genesis.operator").matches("0x[0-9a-fA-F]{40}"))
      throw new IllegalArgumentException("bhkr.genesis.operator must be an Ethereum address");
    return new GovernanceEntity.Genesis(governors, config.getInt("bhkr.genesis.n"), Parameters.defaults());
  }

  public static Node start(NodeOptions options) {
    return start(options, ConfigFactory.empty());
  }

  /** @param overrides configuration that takes precedence over application.conf (tests, embedding) */
  public static Node start(NodeOptions options, Config overrides) {
    JournalSchema.ensure(options.profile(), options.journal());
    Config config = overrides
        .withFallback(ConfigFactory.parseString("akka.remote.artery.canonical.port = " + options.clusterPort()))
        .withFallback(options.profile().config(options.journal()))
        .withFallback(ConfigFactory.load())
        .resolve();
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "bhkr", config);
    try {
      ClusterStart.operatorEndpoints(system, config);
      ClusterStart.join(system, config);
      Market market = Market.start(system, Market.Settings.of(config));
      // only with bhkr.chain.rpc-url (--chain-rpc); chain-less (no vault signer, no payouts) otherwise
      io.bhkr.http.ChainServices chain = ChainMode.start(system, market, config); // null when chain-less
      LedgerProjection.init(system); // the conservation audit's read side, one instance in the cluster
      io.bhkr.persistence.listings.ListingProjection.init(system); // providers, nodes, projects and stakes, listed by page
      boolean development = config.getBoolean("bhkr.development");
      GovernanceEntity.Genesis genesis = development
          ? developmentGenesis(config.getLong("bhkr.development-bid-window-seconds"), config.getLong("bhkr.development-epoch-seconds"),
              config.getLong("bhkr.development-audit-period-seconds"))
          : configuredGenesis(config);
      String operator = development ? DevelopmentAccounts.address(0) : config.getString("bhkr.genesis.operator").toLowerCase();
      ClusterStart.untilAnswered("the governance entity (genesis)", config.getDuration("bhkr.cluster.startup-timeout"), () ->
          market.governance().<akka.Done>ask(r -> new GovernanceEntity.Found(genesis, Clock.systemUTC().instant().getEpochSecond(), r),
              Duration.ofSeconds(10)));
      ApiSettings api = new ApiSettings(options.httpHost(), options.httpPort(), development, operator,
          options.profile().id(), ApiSettings.Waits.of(config), Clock.systemUTC(), chain,
          // replay reads JDBC journals only: on Cassandra the impact endpoint answers 404 "no journal reader"
          options.profile() == JournalProfile.CASSANDRA ? null : new JournalImpact(system, options));
      RewardEpochs epochs = new RewardEpochs(system, market, operator, api.askTimeout());
      ClusterSingleton.get(system).init(SingletonActor.of(RewardEpochClock.create(epochs, Clock.systemUTC(),
          config.getDuration("bhkr.rewards.check-interval")), "reward-epoch-clock"));
      ClusterSingleton.get(system).init(SingletonActor.of(ElectionClock.create(new Elections(system, market, api.askTimeout()),
          Clock.systemUTC(), config.getDuration("bhkr.governance.check-interval")), "election-clock"));
      MarketMetrics.start(system, chain);
      ServerBinding binding = ApiServer.start(system, market, api).toCompletableFuture().get(STARTUP.toSeconds(), TimeUnit.SECONDS);
      InetSocketAddress address = binding.localAddress();
      NodeReadiness.apiBound(akka.actor.typed.javadsl.Adapter.toClassic(system), "http://" + address.getHostString() + ":" + address.getPort());
      log.info("BHKR node listening on http://{}:{} (journal profile {}, {})", address.getHostString(), address.getPort(),
          options.profile().id(), options.profile().describe(options.journal()));
      return new Node(system, market, address);
    } catch (Exception e) {
      system.terminate();
      throw new IllegalStateException("the node could not start: " + e.getMessage(), e);
    }
  }

  public InetSocketAddress httpAddress() {
    return httpAddress;
  }

  public String baseUrl() {
    return "http://" + httpAddress.getHostString() + ":" + httpAddress.getPort();
  }

  public ActorSystem<Void> system() {
    return system;
  }

  /** The sharded entities, asked directly (in-process benchmarks ask them as the endpoints do). */
  public Market market() {
    return market;
  }

  /** Runs Coordinated Shutdown (unbind HTTP, hand off shards, stop entities) and waits for it. */
  @Override
  public void close() {
    system.terminate();
    try {
      system.getWhenTerminated().toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("the node did not stop in time", e);
    }
  }
}
