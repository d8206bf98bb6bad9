package io.bhkr.cli.bench;

import static io.bhkr.cli.walkthrough.DevelopmentMarket.expect;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.tokens;

import akka.actor.typed.ActorSystem;
import com.fasterxml.jackson.databind.JsonNode;
import io.bhkr.account.AccountEntity;
import io.bhkr.bytes.Hex;
import io.bhkr.governance.GovernanceEntity;
import io.bhkr.http.client.SignedClient;
import io.bhkr.market.Market;
import io.bhkr.money.Amount;
import io.bhkr.money.Asset;
import io.bhkr.project.ProjectEntity;
import io.bhkr.project.ProjectStatus;
import io.bhkr.project.ProjectView;
import io.bhkr.provider.ProviderEntity;
import io.bhkr.quote.ProjectKind;
import io.bhkr.quote.QuoteEntity;
import io.bhkr.quote.QuoteTerms;
import io.bhkr.rules.Resources;
import io.bhkr.transfer.Party;
import io.bhkr.transfer.ProjectFunding;
import io.bhkr.transfer.Purpose;
import io.bhkr.transfer.Transfer;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * One full project lifecycle as the walkthrough plays it (quote, project paying FP into escrow,
 * sealed bids of 60, 70 and 75 BHKR by three providers, the window closing by itself, the winner
 * completing with a profit of 300 ETH, the project settled), played either through the signed
 * HTTP API or by asking the sharded entities directly, as the endpoints do.
 */
interface Lifecycles {

  /** Plays one lifecycle for requester {@code client} to SETTLED; throws if any step is refused. */
  void play(int client) throws Exception;

  Duration POLL = Duration.ofMillis(100);
  Duration WAIT = Duration.ofSeconds(60);
  long[] BIDS = {60, 70, 75};

  /** Where the HTTP lifecycles' providers send their bids from, side by side. */
  java.util.concurrent.ExecutorService BIDDERS = java.util.concurrent.Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "bidder");
    t.setDaemon(true);
    return t;
  });

  /** Through the API: every write signed by its account, every wait a GET as a client would poll. */
  static Lifecycles http(SignedClient anonymous, List<SignedClient> requesters, Map<String, SignedClient> providers) {
    List<SignedClient> bidders = List.copyOf(providers.values());
    return client -> {
      JsonNode quote = expect(201, anonymous.post("/api/v1/quotes",
          "{\"resources\":{\"cpuGhz\":4,\"ramGb\":16,\"storageGb\":128,\"bandwidthMbps\":0},\"durationDays\":60,\"kind\":\"ETH_VALIDATOR\"}"));
      var opened = requesters.get(client).post("/api/v1/projects", "{\"quoteId\":\"" + quote.get("quoteId").asText() + "\"}");
      if (opened.status() != 201 && opened.status() != 202) throw new IllegalStateException("project refused: " + opened.body());
      String projectId = io.bhkr.cli.walkthrough.DevelopmentMarket.body(opened).get("projectId").asText();
      String path = "/api/v1/projects/" + projectId;
      until(() -> !status(anonymous, path).equals("PENDING"));
      // the three providers bid independently, as three clients would, each with its own signed request
      List<java.util.concurrent.CompletableFuture<Void>> bids = new java.util.ArrayList<>();
      for (int i = 0; i < bidders.size(); i++) {
        SignedClient bidder = bidders.get(i);
        String bid = "{\"price\":{\"asset\":\"BHKR\",\"amount\":\"" + tokens(BIDS[i % BIDS.length]) + "\"}}";
        bids.add(java.util.concurrent.CompletableFuture.runAsync(() -> expect(202, bidder.post(path + "/bids", bid)), BIDDERS));
      }
      bids.forEach(java.util.concurrent.CompletableFuture::join);
      until(() -> status(anonymous, path).equals("RUNNING"));
      String winner = expect(200, anonymous.get(path)).get("winner").asText();
      var completed = providers.get(winner).post(path + "/completion", "{\"profit\":{\"asset\":\"ETH\",\"amount\":\"" + tokens(300) + "\"}}");
      if (completed.status() != 200 && completed.status() != 202) throw new IllegalStateException("completion refused: " + completed.body());
      until(() -> status(anonymous, path).equals("SETTLED"));
    };
  }

  private static String status(SignedClient anonymous, String path) {
    var r = anonymous.get(path);
    return r.status() == 404 ? "PENDING" : expect(200, r).get("status").asText();
  }

  /** In the node's JVM, without HTTP: the same asks the endpoints make, without signatures, nonces or answers. */
  static Lifecycles inProcess(ActorSystem<?> system, Market market, List<String> requesters, List<String> providers) {
    SecureRandom random = new SecureRandom();
    Duration timeout = Duration.ofSeconds(10);
    Resources q1 = new Resources(4, 16, 128, 0);
    return client -> {
      long now = System.currentTimeMillis() / 1000;
      GovernanceEntity.GovernanceView gov = ask(market.governance().ask(GovernanceEntity.Get::new, timeout));
      QuoteEntity.Quoted quoted = ask(market.quote(id("quote-", random)).<QuoteEntity.Quoted>ask(
          r -> new QuoteEntity.Request(ProjectKind.ETH_VALIDATOR, q1, 60, gov.parameters(), now, r), timeout));
      if (quoted.terms() == null) throw new IllegalStateException("quote refused: " + quoted.refusal());
      QuoteTerms terms = quoted.terms();
      String projectId = id("project-", random);
      String requester = requesters.get(client);
      byte[] secret = new byte[32];
      random.nextBytes(secret);
      ProjectFunding funding = new ProjectFunding("fund:" + projectId, Party.account(requester), Party.project(projectId), terms.fp(), terms,
          Hex.encode(secret), now);
      if (ask(market.account(requester).<AccountEntity.SendResult>ask(r -> new AccountEntity.Send(funding, r), timeout))
          instanceof AccountEntity.Refused refused) throw new IllegalStateException("funding refused: " + refused.reason());
      Function<ProjectStatus, ProjectView> await = status -> {
        ProjectView[] last = new ProjectView[1];
        until(() -> (last[0] = ask(market.project(projectId).ask(ProjectEntity.Get::new, timeout))).status() == status);
        return last[0];
      };
      await.apply(ProjectStatus.BIDDING);
      List<CompletionStage<ProjectEntity.BidResult>> bids = new java.util.ArrayList<>();
      for (int i = 0; i < providers.size(); i++) {
        Amount price = Amount.tokens(Asset.BHKR, BIDS[i % BIDS.length]);
        long at = System.currentTimeMillis() / 1000;
        bids.add(market.provider(providers.get(i)).ask(r -> new ProviderEntity.Bid(projectId, price, at, r), timeout));
      }
      for (var bid : bids)
        if (ask(bid) instanceof ProjectEntity.BidRefused refused) throw new IllegalStateException("bid refused: " + refused.reason());
      String winner = await.apply(ProjectStatus.RUNNING).winner();
      ProjectEntity.CompletionCheck check = ask(market.project(projectId).<ProjectEntity.CompletionCheck>ask(
          r -> new ProjectEntity.CheckCompletion(winner, r), timeout));
      if (check.refusal() != null) throw new IllegalStateException("completion refused: " + check.refusal().reason());
      Transfer profit = Transfer.of("profit:" + projectId, Party.account(winner), Party.project(projectId), Amount.tokens(Asset.ETH, 300), Purpose.PROFIT, System.currentTimeMillis() / 1000);
      if (ask(market.account(winner).<AccountEntity.SendResult>ask(r -> new AccountEntity.Send(profit, r), timeout))
          instanceof AccountEntity.Refused refused) throw new IllegalStateException("profit refused: " + refused.reason());
      await.apply(ProjectStatus.SETTLED);
    };
  }

  private static String id(String prefix, SecureRandom random) {
    byte[] bytes = new byte[8];
    random.nextBytes(bytes);
    return prefix + HexFormat.of().formatHex(bytes);
  }

  private static <T> T ask(CompletionStage<T> answer) {
    return answer.toCompletableFuture().join();
  }

  /** Polls as a client would, every {@link #POLL}, for at most {@link #WAIT}. */
  private static void until(java.util.function.BooleanSupplier done) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) throw new IllegalStateException("a lifecycle step did not happen within " + WAIT);
      LockSupport.parkNanos(POLL.toNanos());
    }
  }
}
