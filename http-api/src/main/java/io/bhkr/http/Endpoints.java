package io.bhkr.http;

import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.cluster.sharding.typed.javadsl.ClusterSharding;
import akka.cluster.sharding.typed.javadsl.EntityRef;
import akka.http.javadsl.model.HttpHeader;
import akka.http.javadsl.model.HttpRequest;
import akka.http.javadsl.model.HttpResponse;
import akka.http.javadsl.server.AllDirectives;
import akka.http.javadsl.server.Route;
import io.bhkr.http.auth.NonceBook;
import io.bhkr.http.auth.RequestCheck;
import io.bhkr.http.auth.SignatureHeaders;
import io.bhkr.http.auth.SignedRequest;
import io.bhkr.http.auth.Verdict;
import io.bhkr.market.Market;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import scala.concurrent.duration.FiniteDuration;

/** What every group of endpoints shares: signed requests, asks to entities, ids, time. */
abstract class Endpoints extends AllDirectives {

  /** How long a write waits to see its effect (a transfer credited, an auction closed) before answering. */
  static final Duration EFFECT_WAIT = Duration.ofSeconds(5);
  private static final SecureRandom RANDOM = new SecureRandom();
  /** How long to wait for a request body to arrive in full. */
  static final FiniteDuration BODY_WAIT = FiniteDuration.create(5, TimeUnit.SECONDS);

  protected final ActorSystem<?> system;
  protected final Market market;
  protected final ApiSettings settings;

  Endpoints(ActorSystem<?> system, Market market, ApiSettings settings) {
    this.system = system;
    this.market = market;
    this.settings = settings;
  }

  abstract Route route();

  protected long now() {
    return settings.clock().instant().getEpochSecond();
  }

  /** Chain mode's services, or 409 {@code chain-less}, saying what this node lacks without a chain. */
  protected ChainServices chain(String lacking) {
    if (settings.chain() == null) throw ApiException.conflict("chain-less", "this node runs without a chain (no --chain-rpc): " + lacking);
    return settings.chain();
  }

  /** Completes with the handler's answer, or with the problem it failed with. */
  protected Route respond(Supplier<CompletionStage<HttpResponse>> handler) {
    CompletionStage<HttpResponse> answer;
    try {
      answer = handler.get();
    } catch (RuntimeException e) {
      answer = CompletableFuture.failedFuture(e);
    }
    return completeWithFuture(answer.exceptionally(Problems::of));
  }

  /**
   * A state-changing request: the body is read whole, the EIP-191 signature checked over method,
   * raw path, body hash, nonce and expiry, and the nonce claimed for the signer, all before the
   * handler runs. Any failure is a 401 and nothing changes.
   */
  protected Route signed(BiFunction<String, byte[], CompletionStage<HttpResponse>> handler) {
    return extractRequest(request -> extractStrictEntity(BODY_WAIT, entity -> {
      byte[] body = entity.getData().toArray();
      SignedRequest signedRequest = new SignedRequest(request.method().value(), rawPath(request), body,
          header(request, SignatureHeaders.ADDRESS), header(request, SignatureHeaders.NONCE),
          header(request, SignatureHeaders.EXPIRES), header(request, SignatureHeaders.SIGNATURE));
      return respond(() -> authenticate(signedRequest).thenCompose(address -> handler.apply(address, body)));
    }));
  }

  private CompletionStage<String> authenticate(SignedRequest request) {
    long now = now();
    Verdict verdict = RequestCheck.verify(request, now);
    if (verdict instanceof Verdict.Refused refused) throw ApiException.unauthorized(refused.reason());
    Verdict.Authentic ok = (Verdict.Authentic) verdict;
    EntityRef<NonceBook.Command> book = ClusterSharding.get(system).entityRefFor(NonceBook.TYPE_KEY, ok.address());
    return book.<NonceBook.ClaimResult>ask(r -> new NonceBook.Claim(ok.nonce(), ok.expiresAt(), now, r), settings.askTimeout())
        .thenApply(claim -> {
          if (!claim.accepted()) throw ApiException.unauthorized("nonce " + ok.nonce() + " was already used by " + ok.address());
          return ok.address();
        });
  }

  /** The path exactly as the client sent and signed it (Akka HTTP would re-render an escaped path). */
  private static String rawPath(HttpRequest request) {
    String raw = request.getHeader("Raw-Request-URI").map(HttpHeader::value).orElse(request.getUri().path());
    int query = raw.indexOf('?');
    return query < 0 ? raw : raw.substring(0, query);
  }

  private static String header(HttpRequest request, String name) {
    return request.getHeader(name).map(HttpHeader::value).orElse(null);
  }

  protected <C, R> CompletionStage<R> ask(EntityRef<C> entity, Function<ActorRef<R>, C> command) {
    return entity.ask(command::apply, settings.askTimeout());
  }

  /** Reads until {@code done} holds or {@link #EFFECT_WAIT} passes, and gives the last reading. */
  protected static <T> CompletionStage<T> readUntil(Supplier<CompletionStage<T>> read, Predicate<T> done) {
    return readUntil(read, done, System.nanoTime() + EFFECT_WAIT.toNanos());
  }

  private static <T> CompletionStage<T> readUntil(Supplier<CompletionStage<T>> read, Predicate<T> done, long deadline) {
    return read.get().thenCompose(value -> done.test(value) || System.nanoTime() > deadline
        ? CompletableFuture.completedFuture(value)
        : CompletableFuture.runAsync(() -> {}, CompletableFuture.delayedExecutor(25, TimeUnit.MILLISECONDS))
            .thenCompose(x -> readUntil(read, done, deadline)));
  }

  /** A server-made id: a prefix and 16 random hex digits. */
  protected static String newId(String prefix) {
    byte[] bytes = new byte[8];
    RANDOM.nextBytes(bytes);
    return prefix + HexFormat.of().formatHex(bytes);
  }

  protected static byte[] randomBytes(int n) {
    byte[] bytes = new byte[n];
    RANDOM.nextBytes(bytes);
    return bytes;
  }

  protected static HttpResponse json(int status, Object body) {
    return Problems.json(status, body);
  }
}
