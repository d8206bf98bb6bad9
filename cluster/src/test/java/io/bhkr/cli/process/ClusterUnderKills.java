package io.bhkr.cli.process;

import static io.bhkr.cli.process.ConservationUnderKillsIT.checkConservation;
import static io.bhkr.cli.process.ConservationUnderKillsIT.checkDeposits;
import static io.bhkr.cli.process.ConservationUnderKillsIT.checkProjectsAndCollateral;
import static io.bhkr.cli.process.ConservationUnderKillsIT.checkTransfers;
import static io.bhkr.cli.process.ConservationUnderKillsIT.pollUntil;
import static io.bhkr.cli.process.ConservationUnderKillsIT.settledReport;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.bhkr.http.client.SignedClient;
import io.bhkr.cli.process.fault.FaultMarket;
import io.bhkr.cli.process.fault.FaultOperations;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Issue 12, item 6: three bhkr.jar processes on loopback form one cluster on a journal (of
 * {@link FaultJournal}: PostgreSQL, or Cassandra with the read side in PostgreSQL) and take
 * concurrent signed load through all three HTTP ports (the mix of {@link FaultOperations}:
 * deposits, transfers, providers, projects through settlement, sidecar stakes and withdrawals,
 * distributions). One node at a time is killed with SIGKILL and started again; the other two must
 * keep answering and accepting. Then a rolling restart stops each node with SIGTERM and starts it
 * again. At the end every accepted request must be there exactly once and the conservation audit
 * must balance to the base unit, exactly as {@link ConservationUnderKillsIT} checks one node.
 * Run by {@link ClusterUnderKillsIT} (PostgreSQL) and {@link CassandraClusterUnderKillsIT}.
 *
 * <p>Also the readiness contract: a node that cannot join yet (its first seed node is not
 * running) is alive but not ready; once the cluster forms, it is ready.
 */
final class ClusterUnderKills {

  private static final int KILLS = Integer.getInteger("bhkr.cluster.kills", 10);
  private static final int WORKERS = 6;
  private static final Duration READY = Duration.ofSeconds(150);
  private static final Duration PHASE = Duration.ofSeconds(60);

  private ClusterUnderKills() {}

  /** Runs the whole test on {@code journal} (closed at the end); {@code name} heads the figures it prints. */
  static void run(String name, FaultJournal journal, Path workDir) throws Exception {
    long seed = Long.getLong("bhkr.fault.seed", new Random().nextLong());
    System.out.println(name + " seed " + seed + " (replay with -Dbhkr.fault.seed=" + seed + ")");
    Random plan = new Random(seed);
    long started = System.nanoTime();
    int[] ports = {ClusterNode.freePort(), ClusterNode.freePort(), ClusterNode.freePort()};
    String seeds = String.join(",", Arrays.stream(ports).mapToObj(p -> "127.0.0.1:" + p).toList());
    ClusterNode[] nodes = new ClusterNode[3];
    int[] starts = new int[3];
    FaultMarket market = new FaultMarket();
    AtomicBoolean stop = new AtomicBoolean();
    AtomicReference<Throwable> crashed = new AtomicReference<>();
    Map<String, Integer> operationsRun = new TreeMap<>();
    List<Thread> workers = new ArrayList<>();
    boolean[] schema = {false};
    java.util.function.IntFunction<ClusterNode> launch = i -> {
      // the first node to start creates the journal's schema (where the profile asks for it), before the others start
      List<String> options = new ArrayList<>(journal.nodeOptions(!schema[0]));
      schema[0] = true;
      options.addAll(List.of("--data-dir", workDir.resolve("data-" + i).toString(), "--cluster-port", Integer.toString(ports[i]),
          "--seed-nodes", seeds));
      return ClusterNode.launch(journal.profile() + "-" + i + "-" + starts[i]++, workDir, options);
    };
    try {
      // Nodes 2 and 3 first: without the first seed node no cluster can form, so they are alive but not ready.
      nodes[1] = launch.apply(1);
      nodes[2] = launch.apply(2);
      for (int i = 1; i <= 2; i++) {
        assertEquals(200, nodes[i].management("/alive"), nodes[i].name + " /alive");
        assertEquals(503, nodes[i].management("/ready"), nodes[i].name + " /ready before it could join: 503 Service Unavailable");
      }
      nodes[0] = launch.apply(0);
      for (ClusterNode n : nodes) n.awaitReady(READY);
      for (ClusterNode n : nodes) assertEquals(200, n.management("/ready"), n.name + " /ready once the cluster formed");
      assertMembersUp(nodes[0], ports);

      market.talkTo(apis(nodes, -1));
      for (int w = 0; w < WORKERS; w++) {
        Random random = new Random(plan.nextLong());
        Thread t = new Thread(() -> work(market, random, stop, operationsRun), "cluster-client-" + w);
        t.setUncaughtExceptionHandler((thread, e) -> crashed.set(e));
        workers.add(t);
        t.start();
      }
      // Qualifying a provider takes a dozen requests and a governance vote; under a kill every
      // half minute none would get through, and no project would run or settle. So some first.
      pollUntil("two providers ACTIVE before the first kill", READY.multipliedBy(2), () -> market.activeProviderCount() >= 2);
      for (int kill = 1; kill <= KILLS; kill++) {
        int victim = (kill - 1) % 3;
        long target = market.requests() + 15 + plan.nextInt(30);
        pollUntil("request " + target, PHASE, () -> market.requests() >= target);
        market.talkTo(apis(nodes, victim));
        nodes[victim].kill();
        long acceptedAtKill = accepted(market);
        long answeredAtKill = market.answered();
        System.out.printf("kill %d: %s after %d requests%n", kill, nodes[victim].name, market.requests());
        for (int other = 0; other < 3; other++) if (other != victim) assertAnswers(nodes[other]);
        nodes[victim] = launch.apply(victim).awaitReady(READY);
        assertMembersUp(nodes[victim], ports); // rejoined the one cluster, not formed a second
        // Answered, not necessarily accepted: while the dead node's shards move, a request whose
        // entity lived there (the operator's nonce book signs every deposit) is a 503 for ~20 s.
        assertTrue(market.answered() > answeredAtKill, "the other two nodes answered while " + nodes[victim].name + " was down");
        System.out.printf("  while down: %d requests answered, %d accepted%n", market.answered() - answeredAtKill, accepted(market) - acceptedAtKill);
        market.talkTo(apis(nodes, -1));
      }
      for (int i = 0; i < 3; i++) { // rolling restart: leave gracefully, come back, next
        long target = market.requests() + 30;
        pollUntil("request " + target, PHASE, () -> market.requests() >= target);
        market.talkTo(apis(nodes, i));
        nodes[i].stop();
        System.out.printf("rolling restart: %s stopped after %d requests%n", nodes[i].name, market.requests());
        nodes[i] = launch.apply(i).awaitReady(READY);
        assertMembersUp(nodes[i], ports);
        market.talkTo(apis(nodes, -1));
      }
      long last = market.requests() + 30;
      pollUntil("request " + last, PHASE, () -> market.requests() >= last);
      stop.set(true);
      for (Thread t : workers) t.join(TimeUnit.SECONDS.toMillis(60));
      if (crashed.get() != null) fail("a client thread failed", crashed.get());
      assertMembersUp(nodes[1], ports);

      JsonNode report = settledReport(nodes[2].client(), journal);
      checkConservation(report);
      checkDeposits(market, report, journal);
      checkProjectsAndCollateral(market, nodes[1].client());
      checkTransfers(market, journal.readSide());
      NodeProcess.Finished audit = NodeProcess.runToEnd(journal.profile() + "-audit", List.of("audit", "--api", nodes[0].api().toString()));
      assertEquals(0, audit.exitCode(), audit.output());
      assertTrue(audit.output().contains("VERDICT: OK"), audit.output());

      System.out.printf("%s: 3 nodes on %s, %d SIGKILLs and a rolling restart of 3 in %d s; %d requests, %d accepted %s;"
              + " %d operations %s; %d deposits, %d transfers, %d collateral stakes, %d projects, %d completions accepted;"
              + " %d providers active; %d ledger events; base units lost: %s (seed %d)%n",
          name, journal.profile(), KILLS, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started), market.requests(), accepted(market), market.answers(),
          market.operations(), operationsRun,
          ConservationUnderKillsIT.accepted(market.deposits().stream().map(FaultMarket.Deposit::answer).toList()),
          ConservationUnderKillsIT.accepted(market.transfers().stream().map(FaultMarket.Transfer::answer).toList()),
          ConservationUnderKillsIT.accepted(market.stakes().stream().map(FaultMarket.Stake::answer).toList()),
          market.projects().size(), market.completed().size(), market.activeProviderCount(), report.get("events").asLong(), lost(report), seed);
      for (ClusterNode n : nodes) n.stop();
    } finally {
      stop.set(true);
      for (ClusterNode n : nodes) if (n != null) n.close();
      journal.close();
    }
  }

  /** A client: runs operations of the mix against the live nodes until told to stop. */
  private static void work(FaultMarket market, Random random, AtomicBoolean stop, Map<String, Integer> run) {
    while (!stop.get()) {
      FaultOperations.Weighted op = FaultOperations.pick(random);
      op.operation().run(market, random);
      market.operationDone();
      synchronized (run) {
        run.merge(op.name(), 1, Integer::sum);
      }
    }
  }

  /** The HTTP APIs of the nodes, leaving out {@code except} (the one about to go down), or none if negative. */
  private static List<URI> apis(ClusterNode[] nodes, int except) {
    List<URI> apis = new ArrayList<>();
    for (int i = 0; i < nodes.length; i++) if (i != except) apis.add(nodes[i].api());
    return apis;
  }

  private static long accepted(FaultMarket market) {
    AtomicLong n = market.answers().get("accepted");
    return n == null ? 0 : n.get();
  }

  /** A surviving node answers its health endpoint (UP, or 503 while a shard of the dead node moves) and stays alive. */
  private static void assertAnswers(ClusterNode node) {
    try {
      SignedClient.Response health = node.client().get("/api/v1/health");
      assertTrue(health.status() == 200 || health.status() == 503, node.name + " /api/v1/health: " + health.status() + " " + health.body());
    } catch (UncheckedIOException e) {
      fail(node.name + " did not answer while another node was down: " + e.getMessage());
    }
    assertEquals(200, node.management("/alive"), node.name + " /alive");
  }

  /** Cluster HTTP shows the three nodes, all Up. */
  private static void assertMembersUp(ClusterNode node, int[] ports) {
    pollUntil("three members Up on " + node.name, PHASE, () -> {
      JsonNode members = NodeProcess.json(node.managementBody("/cluster/members")).get("members");
      if (members.size() != 3) return false;
      for (JsonNode m : members) if (!"Up".equals(m.get("status").asText())) return false;
      return Arrays.stream(ports).allMatch(p -> members.toString().contains("127.0.0.1:" + p));
    });
  }

  /** Per asset, how far held + in flight is from deposited − withdrawn + minted − burned (all must be 0). */
  private static Map<String, BigInteger> lost(JsonNode report) {
    Map<String, BigInteger> lost = new TreeMap<>();
    report.get("assets").fields().forEachRemaining(e -> {
      JsonNode a = e.getValue();
      BigInteger expected = new BigInteger(a.get("deposited").asText()).subtract(new BigInteger(a.get("withdrawn").asText()))
          .add(new BigInteger(a.get("minted").asText())).subtract(new BigInteger(a.get("burned").asText()));
      lost.put(e.getKey(), expected.subtract(new BigInteger(a.get("held").asText())).subtract(new BigInteger(a.get("inFlight").asText())));
    });
    return lost;
  }
}
