package io.bhkr.cli.process.fault;

import static io.bhkr.cli.process.fault.FaultMarket.GOVERNOR_1;
import static io.bhkr.cli.process.fault.FaultMarket.GOVERNOR_2;
import static io.bhkr.cli.process.fault.FaultMarket.address;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.locks.LockSupport;

/**
 * The fault test's operation mix, in one place. Each operation is a few requests through the
 * API, as a participant would send them; it stops at the first request that is not accepted
 * (refused, or lost to a kill), and every accepted request is recorded in the {@link FaultMarket}
 * for the final checks. To add a kind (a stake on a node, a withdrawal, a Reward Pool
 * distribution), write it as a method here and give it a weight in {@link #MIX}.
 */
public final class FaultOperations {

  /** One kind of operation. */
  public interface Operation {
    void run(FaultMarket market, Random random);
  }

  public record Weighted(String name, int weight, Operation operation) {}

  public static final List<Weighted> MIX = List.of(
      new Weighted("deposit", 4, FaultOperations::deposit),
      new Weighted("provider joins", 1, FaultOperations::providerJoins),
      new Weighted("collateral top-up", 1, FaultOperations::collateralTopUp),
      new Weighted("project", 3, FaultOperations::project),
      new Weighted("node registered", 1, FaultOperations::nodeRegistered),
      new Weighted("sidecar stake", 2, FaultOperations::sidecarStake),
      new Weighted("sidecar withdrawal", 1, FaultOperations::sidecarWithdrawal),
      new Weighted("reward distribution", 1, FaultOperations::rewardDistribution),
      new Weighted("transfer", 2, FaultOperations::transfer));

  /** Development accounts that deposit and open projects. */
  static final int FIRST_REQUESTER = 7, LAST_REQUESTER = 19;
  /** Development accounts that may become providers, once each. */
  static final int FIRST_PROVIDER = 20, LAST_PROVIDER = 27;

  private static final BigInteger TOKEN = BigInteger.TEN.pow(18);
  private static final String CAPACITY = "{\"cpuGhz\":8,\"ramGb\":32,\"storageGb\":512,\"bandwidthMbps\":100}";
  private static final String Q1 = "{\"resources\":{\"cpuGhz\":4,\"ramGb\":16,\"storageGb\":128,\"bandwidthMbps\":0},"
      + "\"durationDays\":60,\"kind\":\"ETH_VALIDATOR\"}";

  private FaultOperations() {}

  public static Weighted pick(Random random) {
    int total = MIX.stream().mapToInt(Weighted::weight).sum();
    int n = random.nextInt(total);
    for (Weighted w : MIX) {
      if (n < w.weight()) return w;
      n -= w.weight();
    }
    throw new IllegalStateException("unreachable");
  }

  static BigInteger tokens(long whole) {
    return BigInteger.valueOf(whole).multiply(TOKEN);
  }

  /** Any amount up to 1000 tokens, to the base unit, so that sums are checked digit for digit. */
  static BigInteger someAmount(Random random) {
    return new BigInteger(70, random).mod(tokens(1000)).add(BigInteger.ONE);
  }

  static void deposit(FaultMarket m, Random r) {
    int account = FIRST_REQUESTER + r.nextInt(LAST_REQUESTER - FIRST_REQUESTER + 1);
    m.deposit(account, r.nextBoolean() ? "BHKR" : "ETH", someAmount(r));
  }

  /** An account applies, governance qualifies it (1 proposes, 1 and 2 vote), it gets and stakes pMin. */
  static void providerJoins(FaultMarket m, Random r) {
    int p = FIRST_PROVIDER + r.nextInt(LAST_PROVIDER - FIRST_PROVIDER + 1);
    if (m.applied.putIfAbsent(p, true) != null) return; // taken by an earlier operation
    String id = address(p);
    if (!m.post(p, "/api/v1/providers", "{\"brandName\":\"Fault " + p + "\",\"capacity\":" + CAPACITY
        + ",\"maxPrice\":{\"asset\":\"BHKR\",\"amount\":\"" + tokens(90) + "\"}}").accepted()) return;
    Answer proposal = m.post(GOVERNOR_1, "/api/v1/governance/proposals", "{\"kind\":\"QUALIFY_PROVIDER\",\"providerId\":\"" + id + "\"}");
    if (!proposal.accepted()) return;
    String votes = "/api/v1/governance/proposals/" + proposal.text("proposalId") + "/votes";
    if (!m.post(GOVERNOR_1, votes, "{\"vote\":\"YES\"}").accepted()) return;
    if (!m.post(GOVERNOR_2, votes, "{\"vote\":\"YES\"}").accepted()) return;
    if (!awaitStatus(m, "/api/v1/providers/" + id, "QUALIFIED")) return;
    if (!m.deposit(p, "BHKR", tokens(10_000)).accepted()) return;
    if (stake(m, p, tokens(10_000)).accepted()) m.activeProviders.put(id, p);
  }

  /** An active provider gets a little more BHKR and adds it to its collateral. */
  static void collateralTopUp(FaultMarket m, Random r) {
    List<Integer> active = new ArrayList<>(m.activeProviders.values());
    if (active.isEmpty()) return;
    int p = active.get(r.nextInt(active.size()));
    BigInteger amount = someAmount(r);
    if (m.deposit(p, "BHKR", amount).accepted()) stake(m, p, amount);
  }

  /** A requester pays FP into a new project, active providers bid, and the winner completes it with a profit. */
  static void project(FaultMarket m, Random r) {
    int requester = FIRST_REQUESTER + r.nextInt(LAST_REQUESTER - FIRST_REQUESTER + 1);
    if (!m.deposit(requester, "BHKR", tokens(100)).accepted()) return;
    Answer quote = m.post(-1, "/api/v1/quotes", Q1);
    if (!quote.accepted()) return;
    Answer opened = m.post(requester, "/api/v1/projects", "{\"quoteId\":\"" + quote.text("quoteId") + "\"}");
    if (!opened.accepted()) return;
    String projectId = opened.text("projectId");
    m.projects.add(projectId);
    List<Map.Entry<String, Integer>> providers = new ArrayList<>(m.activeProviders.entrySet());
    for (int i = 0; i < Math.min(2, providers.size()); i++) {
      int bidder = providers.get(r.nextInt(providers.size())).getValue();
      m.post(bidder, "/api/v1/projects/" + projectId + "/bids",
          "{\"price\":{\"asset\":\"BHKR\",\"amount\":\"" + tokens(60 + r.nextInt(30)) + "\"}}");
    }
    if (!awaitStatus(m, "/api/v1/projects/" + projectId, "RUNNING")) return; // no admissible bid: refunded
    String winnerId = m.get("/api/v1/projects/" + projectId).text("winner");
    Integer winner = winnerId == null ? null : m.activeProviders.get(winnerId);
    if (winner == null) return; // the answer was lost to a kill
    BigInteger profit = someAmount(r);
    if (!m.deposit(winner, "ETH", profit).accepted()) return;
    Answer done = m.post(winner, "/api/v1/projects/" + projectId + "/completion",
        "{\"profit\":{\"asset\":\"ETH\",\"amount\":\"" + profit + "\"}}");
    if (done.accepted()) m.completed.add(projectId);
  }

  /** An active provider registers a node (once per provider), so that accounts can stake on its sidecar. */
  static void nodeRegistered(FaultMarket m, Random r) {
    List<Map.Entry<String, Integer>> active = new ArrayList<>(m.activeProviders.entrySet());
    if (active.isEmpty()) return;
    Map.Entry<String, Integer> p = active.get(r.nextInt(active.size()));
    String nodeId = "fault-node-" + p.getValue();
    if (m.nodes.contains(nodeId)) return;
    Answer a = m.post(p.getValue(), "/api/v1/providers/" + p.getKey() + "/nodes", "{\"nodeId\":\"" + nodeId
        + "\",\"endpoint\":\"http://127.0.0.1:8545\",\"sidecarAddress\":\"" + p.getKey() + "\",\"capacity\":" + CAPACITY + "}");
    if (a.accepted() || a.status() == 409) m.nodes.addIfAbsent(nodeId);
  }

  /** An account gets BHKR and stakes some of it on a sidecar. */
  static void sidecarStake(FaultMarket m, Random r) {
    if (m.nodes.isEmpty()) return;
    int staker = FIRST_REQUESTER + r.nextInt(LAST_REQUESTER - FIRST_REQUESTER + 1);
    BigInteger amount = someAmount(r);
    if (!m.deposit(staker, "BHKR", amount).accepted()) return;
    m.post(staker, "/api/v1/nodes/" + m.nodes.get(r.nextInt(m.nodes.size())) + "/stakes",
        "{\"amount\":{\"asset\":\"BHKR\",\"amount\":\"" + amount + "\"}}");
  }

  /** An account takes some stake back (refused with 409 when it has less there). */
  static void sidecarWithdrawal(FaultMarket m, Random r) {
    if (m.nodes.isEmpty()) return;
    int staker = FIRST_REQUESTER + r.nextInt(LAST_REQUESTER - FIRST_REQUESTER + 1);
    m.post(staker, "/api/v1/nodes/" + m.nodes.get(r.nextInt(m.nodes.size())) + "/stakes/withdrawals",
        "{\"amount\":{\"asset\":\"BHKR\",\"amount\":\"" + someAmount(r).divide(BigInteger.TEN).add(BigInteger.ONE) + "\"}}");
  }

  /** The operator distributes the Reward Pool's epoch (refused with 409 within the same second). */
  static void rewardDistribution(FaultMarket m, Random r) {
    m.post(FaultMarket.OPERATOR, "/api/v1/pools/reward/distributions", "{}");
  }

  /** An account gets BHKR and sends some of it to another account (a 409 when the send finds too little). */
  static void transfer(FaultMarket m, Random r) {
    int from = FIRST_REQUESTER + r.nextInt(LAST_REQUESTER - FIRST_REQUESTER + 1);
    int to = FIRST_REQUESTER + (from - FIRST_REQUESTER + 1 + r.nextInt(LAST_REQUESTER - FIRST_REQUESTER)) % (LAST_REQUESTER - FIRST_REQUESTER + 1);
    BigInteger amount = someAmount(r);
    if (!m.deposit(from, "BHKR", amount).accepted()) return;
    Answer a = m.post(from, "/api/v1/accounts/" + address(from) + "/transfers",
        "{\"to\":\"" + address(to) + "\",\"amount\":{\"asset\":\"BHKR\",\"amount\":\"" + amount + "\"}}");
    m.transfers.add(new FaultMarket.Transfer(address(from), address(to), amount, a));
  }

  private static Answer stake(FaultMarket m, int provider, BigInteger amount) {
    Answer a = m.post(provider, "/api/v1/providers/" + address(provider) + "/collateral",
        "{\"amount\":{\"asset\":\"BHKR\",\"amount\":\"" + amount + "\"}}");
    m.stakes.add(new FaultMarket.Stake(address(provider), amount, a));
    return a;
  }

  /** Reads until the status is reached, another final one is, or the node stops answering; at most 10 s. */
  private static boolean awaitStatus(FaultMarket m, String path, String status) {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (System.nanoTime() < deadline) {
      Answer a = m.get(path);
      if (a.status() != 200) return false;
      String now = a.text("status");
      if (status.equals(now)) return true;
      if (!now.equals("BIDDING") && !now.equals("APPLIED")) return false;
      LockSupport.parkNanos(200_000_000L); // a bounded poll of the node's state
    }
    return false;
  }
}
