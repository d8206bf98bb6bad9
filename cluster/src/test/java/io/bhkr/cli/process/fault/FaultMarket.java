package io.bhkr.cli.process.fault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bhkr.http.auth.DevelopmentAccounts;
import io.bhkr.http.client.SignedClient;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.ConnectException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The market as the fault test's clients see it: the node they currently talk to (it changes
 * with every restart), and a record of every request that changes value and of its answer, so
 * that at the end each accepted request can be looked for. Shared by the worker threads.
 */
public final class FaultMarket {

  public static final int OPERATOR = 0, GOVERNOR_1 = 1, GOVERNOR_2 = 2;

  /** One deposit request; {@code depositId} is known only from an answer. */
  public record Deposit(String account, String asset, BigInteger amount, Answer answer) {}

  /** One collateral stake request. */
  public record Stake(String provider, BigInteger amount, Answer answer) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One account-to-account transfer request; {@code transferId} is known only from an answer. */
  public record Transfer(String from, String to, BigInteger amount, Answer answer) {}

  /** The nodes requests go to, one picked at random per request: one node, or the live members of a cluster. */
  private volatile List<URI> targets = List.of();
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong operations = new AtomicLong();
  /** Requests a node answered with any HTTP status (0 is no answer). */
  private final AtomicLong answered = new AtomicLong();

  final List<Deposit> deposits = new CopyOnWriteArrayList<>();
  final List<Stake> stakes = new CopyOnWriteArrayList<>();
  /** Projects whose opening was accepted (201 or 202). */
  final List<String> projects = new CopyOnWriteArrayList<>();
  /** Projects whose completion was accepted (200 or 202): they must end SETTLED. */
  final List<String> completed = new CopyOnWriteArrayList<>();
  /** Development account index of each provider that became ACTIVE. */
  final Map<String, Integer> activeProviders = new ConcurrentHashMap<>();
  /** Nodes registered by active providers (accepted), on whose sidecars accounts stake. */
  final CopyOnWriteArrayList<String> nodes = new CopyOnWriteArrayList<>();
  /** Provider candidates already taken by an operation. */
  final Map<Integer, Boolean> applied = new ConcurrentHashMap<>();
  final Map<String, AtomicLong> answers = new ConcurrentHashMap<>();

  final List<Transfer> transfers = new CopyOnWriteArrayList<>();

  public void talkTo(URI node) {
    this.targets = List.of(node);
  }

  /** Spreads the requests over these nodes (every node of a cluster serves the whole API). */
  public void talkTo(List<URI> nodes) {
    this.targets = List.copyOf(nodes);
  }

  /** How many providers became ACTIVE through the load (they bid on the projects). */
  public int activeProviderCount() {
    return activeProviders.size();
  }

  public List<Transfer> transfers() {
    return transfers;
  }

  public long requests() {
    return requests.get();
  }

  public long answered() {
    return answered.get();
  }

  public long operations() {
    return operations.get();
  }

  public void operationDone() {
    operations.incrementAndGet();
  }

  public List<Deposit> deposits() {
    return deposits;
  }

  public List<Stake> stakes() {
    return stakes;
  }

  public List<String> projects() {
    return projects;
  }

  public List<String> completed() {
    return completed;
  }

  /** How many answers of each kind the clients got: accepted, refused, maybe (lost or 5xx), not sent. */
  public Map<String, AtomicLong> answers() {
    return answers;
  }

  public static String address(int account) {
    return DevelopmentAccounts.address(account);
  }

  /** A request signed as development account {@code signer} (or unsigned if negative), to the current node. */
  Answer send(int signer, String method, String path, String body) {
    List<URI> live = targets;
    URI target = live.get(java.util.concurrent.ThreadLocalRandom.current().nextInt(live.size()));
    SignedClient client = new SignedClient(target, signer < 0 ? null : DevelopmentAccounts.credentials(signer));
    requests.incrementAndGet();
    Answer answer;
    try {
      SignedClient.Response r = method.equals("GET") ? client.get(path) : client.send(method, path, body, Map.of());
      answer = new Answer(r.status(), true, parse(r.body()));
    } catch (UncheckedIOException e) {
      answer = new Answer(0, !refusedConnection(e), null);
    }
    if (answer.status() != 0) answered.incrementAndGet();
    String kind = answer.accepted() ? "accepted" : answer.maybe() ? "maybe" : answer.sent() ? "refused" : "not sent";
    answers.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
    return answer;
  }

  Answer get(String path) {
    return send(-1, "GET", path, null);
  }

  Answer post(int signer, String path, String body) {
    return send(signer, "POST", path, body);
  }

  /** The operator credits a deposit, recorded whatever the answer. */
  Answer deposit(int account, String asset, BigInteger amount) {
    Answer a = post(OPERATOR, "/api/v1/dev/deposits",
        "{\"account\":\"" + address(account) + "\",\"asset\":\"" + asset + "\",\"amount\":\"" + amount + "\"}");
    deposits.add(new Deposit(address(account), asset, amount, a));
    return a;
  }

  private static boolean refusedConnection(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) if (t instanceof ConnectException) return true;
    return false;
  }

  private static JsonNode parse(String body) {
    try {
      return body == null || body.isEmpty() ? null : JSON.readTree(body);
    } catch (Exception e) {
      return null;
    }
  }
}
