package io.bhkr.http;

import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.cluster.sharding.typed.javadsl.ClusterSharding;
import akka.cluster.sharding.typed.javadsl.EntityRef;
import akka.http.javadsl.model.ContentType;
import akka.http.javadsl.model.ContentTypes;
import akka.http.javadsl.model.HttpEntity;
import akka.http.javadsl.model.HttpHeader;
import akka.http.javadsl.model.HttpRequest;
import akka.http.javadsl.model.HttpResponse;
import akka.http.javadsl.model.MediaTypes;
import akka.http.javadsl.model.headers.RawHeader;
import akka.http.javadsl.server.AllDirectives;
import akka.http.javadsl.server.Route;
import akka.stream.Materializer;
import io.bhkr.http.auth.AnswerBook;
import io.bhkr.http.auth.NonceBook;
import io.bhkr.http.auth.RequestCheck;
import io.bhkr.http.auth.SignatureHeaders;
import io.bhkr.http.auth.SignedRequest;
import io.bhkr.http.auth.Verdict;
import io.bhkr.market.Market;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import io.bhkr.transfer.Arrived;
import scala.concurrent.duration.FiniteDuration;

/** What every group of endpoints shares: signed requests, asks to entities, ids, time. */
abstract class Endpoints extends AllDirectives {

  private static final SecureRandom RANDOM = new SecureRandom();

  protected final ActorSystem<?> system;
  protected final Market market;
  protected final ApiSettings settings;

  Endpoints(ActorSystem<?> system, Market market, ApiSettings settings) {
    this.system = system;
    this.market = market;
    this.settings = settings;
  }

  abstract Route route();

  /** How long to wait for a request body to arrive in full. */
  protected FiniteDuration bodyWait() {
    return FiniteDuration.create(settings.waits().body().toMillis(), TimeUnit.MILLISECONDS);
  }

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
   * A state-changing request whose body is a {@code bodyType}. Before the handler runs, in this
   * order: the body is read whole and strictly ({@link Json}: 400, nothing spent); the EIP-191
   * signature is checked over method, raw path, body hash, nonce and expiry, and a query is
   * refused since the signature does not cover one (401); the nonce is looked up in the signer's
   * {@link AnswerBook}: the identical request answered before gets that answer again, the same
   * nonce on another request is a 422, a request still running a 409. Only a fresh request claims
   * its nonce, acts, and has its answer recorded before it is sent.
   */
  protected Route signed(Class<?> bodyType, BiFunction<String, byte[], CompletionStage<HttpResponse>> handler) {
    return signed(bodyType, false, handler);
  }

  /** As {@link #signed(Class, BiFunction)}, for an endpoint whose fields are all optional: no body reads as {@code {}}. */
  protected Route signedMaybeEmpty(Class<?> bodyType, BiFunction<String, byte[], CompletionStage<HttpResponse>> handler) {
    return signed(bodyType, true, handler);
  }

  private Route signed(Class<?> bodyType, boolean mayBeEmpty, BiFunction<String, byte[], CompletionStage<HttpResponse>> handler) {
    return extractRequest(request -> extractStrictEntity(bodyWait(), entity -> {
      byte[] body = entity.getData().toArray();
      String target = rawTarget(request);
      int query = target.indexOf('?');
      SignedRequest signedRequest = new SignedRequest(request.method().value(), query < 0 ? target : target.substring(0, query), body,
          header(request, SignatureHeaders.ADDRESS), header(request, SignatureHeaders.NONCE),
          header(request, SignatureHeaders.EXPIRES), header(request, SignatureHeaders.SIGNATURE));
      return respond(() -> {
        requireJson(entity);
        if (mayBeEmpty) Json.readOrEmpty(body, bodyType);
        else Json.read(body, bodyType);
        if (query >= 0) throw ApiException.unauthorized("a signed request carries no query: the signature does not cover one");
        return once(signedRequest, address -> handler.apply(address, body));
      });
    }));
  }

  /** A body, if there is one, must say it is JSON: a form or text body is not read as JSON by accident. */
  static void requireJson(HttpEntity.Strict entity) {
    if (entity.getData().isEmpty()) return;
    if (!entity.getContentType().mediaType().equals(MediaTypes.APPLICATION_JSON))
      throw new ApiException(415, "unsupported-media-type", "Unsupported media type", "send the body as application/json", List.of());
  }

  /** Authenticates, then acts at most once per nonce, replaying the recorded answer to a retry. */
  private CompletionStage<HttpResponse> once(SignedRequest request, Function<String, CompletionStage<HttpResponse>> act) {
    long now = now();
    Verdict verdict = RequestCheck.verify(request, now);
    if (verdict instanceof Verdict.Refused refused) throw ApiException.unauthorized(refused.reason());
    Verdict.Authentic ok = (Verdict.Authentic) verdict;
    String requestHash = RequestCheck.requestHash(request);
    EntityRef<AnswerBook.Command> answers = ClusterSharding.get(system).entityRefFor(AnswerBook.TYPE_KEY, ok.address());
    // The nonce book is asked beside the answer book, not after it: its write no longer lengthens
    // every request by one journal commit, and nothing acts before both have answered.
    CompletionStage<Boolean> claimed = claim(ok, now);
    return answers.<AnswerBook.BeginResult>ask(r -> new AnswerBook.Begin(ok.nonce(), requestHash, ok.expiresAt(), now, r), settings.askTimeout())
        .thenCompose(begun -> {
          if (begun instanceof AnswerBook.Answered answered) return CompletableFuture.completedFuture(replay(answered));
          if (begun instanceof AnswerBook.Mismatch)
            throw ApiException.unprocessable("nonce-reused", "nonce " + ok.nonce() + " was already used by " + ok.address() + " for another request");
          if (begun instanceof AnswerBook.Pending)
            throw ApiException.conflict("request-in-progress", "the request with nonce " + ok.nonce()
                + " has begun but not answered (it is running, or its node stopped first); read the resource to see its effect");
          return claimed.thenApply(accepted -> {
                if (!accepted) throw ApiException.unauthorized("nonce " + ok.nonce() + " was already used by " + ok.address());
                return ok.address();
              })
              .thenCompose(act)
              .exceptionally(Problems::of)
              .thenCompose(answer -> record(answers, ok.nonce(), answer));
        });
  }

  /**
   * The nonce book still guards against nonces that builds before the answer book spent (a node
   * of such a build may still run beside this one during a rolling upgrade). A retry or a reused
   * nonce finds its nonce there already, so asking for every request writes nothing new for them.
   */
  private CompletionStage<Boolean> claim(Verdict.Authentic ok, long now) {
    EntityRef<NonceBook.Command> book = ClusterSharding.get(system).entityRefFor(NonceBook.TYPE_KEY, ok.address());
    return book.<NonceBook.ClaimResult>ask(r -> new NonceBook.Claim(ok.nonce(), ok.expiresAt(), now, r), settings.askTimeout())
        .thenApply(NonceBook.ClaimResult::accepted);
  }

  /**
   * Keeps the answer before sending it, so a client that loses it can fetch it by retrying. A
   * 5xx is not kept: whether the request took effect is unknown, and a retry says so (409).
   */
  private CompletionStage<HttpResponse> record(EntityRef<AnswerBook.Command> answers, String nonce, HttpResponse answer) {
    if (answer.status().intValue() >= 500) return CompletableFuture.completedFuture(answer);
    return answer.entity().toStrict(settings.waits().body().toMillis(), Materializer.matFromSystem(system)).thenCompose(strict -> {
      String body = strict.getData().utf8String();
      return answers.<AnswerBook.Recorded>ask(r -> new AnswerBook.Record(nonce, answer.status().intValue(),
              strict.getContentType().toString(), body, r), settings.askTimeout())
          .thenApply(recorded -> answer.withEntity(strict));
    });
  }

  private static HttpResponse replay(AnswerBook.Answered answered) {
    HttpResponse response = HttpResponse.create().withStatus(answered.status()).addHeader(RawHeader.create(REPLAYED, "true"));
    if (answered.body() == null)
      return Problems.of(ApiException.conflict("answer-not-kept", "this request was answered with status " + answered.status()
          + " but its answer was too large to keep; read the resource")).addHeader(RawHeader.create(REPLAYED, "true"));
    ContentType type = ContentTypes.parse(answered.contentType());
    return response.withEntity(type, answered.body().getBytes(StandardCharsets.UTF_8));
  }

  /** Marks an answer given again to a retried request. */
  static final String REPLAYED = "X-Bhkr-Replayed";

  /** The target exactly as the client sent and signed it (Akka HTTP would re-render an escaped path). */
  private static String rawTarget(HttpRequest request) {
    return request.getHeader("Raw-Request-URI").map(HttpHeader::value)
        .orElse(request.getUri().rawQueryString().map(q -> request.getUri().path() + "?" + q).orElse(request.getUri().path()));
  }

  private static String header(HttpRequest request, String name) {
    return request.getHeader(name).map(HttpHeader::value).orElse(null);
  }

  /**
   * Asks an entity. Every id that reaches an entity passes here, so a malformed one (empty,
   * over-long, odd characters) is a 400 at once, never a wait for an entity that cannot exist.
   */
  protected <C, R> CompletionStage<R> ask(EntityRef<C> entity, Function<ActorRef<R>, C> command) {
    checkedId(entity);
    return entity.ask(command::apply, settings.askTimeout());
  }

  private static void checkedId(EntityRef<?> entity) {
    if (!Wire.ID.matcher(entity.getEntityId()).matches()) {
      String type = entity.getTypeKey().name();
      String field = type.equals("Account") ? "address" : Character.toLowerCase(type.charAt(0)) + type.substring(1) + "Id";
      throw ApiException.invalid(field, "must be 1 to 80 characters of [A-Za-z0-9_-]");
    }
  }

  /**
   * Asks the entity that decides an effect to answer once it has decided (no polling); if it has
   * not within the effect wait ({@code bhkr.http.waits.effect}), {@code meanwhile} reads where things stand, for a 202.
   */
  protected <C, R> CompletionStage<R> whenDecided(EntityRef<C> entity, Function<ActorRef<R>, C> command,
      Supplier<CompletionStage<R>> meanwhile) {
    checkedId(entity);
    return entity.ask(command::apply, settings.waits().effect()).handle((answer, failure) -> {
      if (failure == null) return CompletableFuture.completedFuture(answer);
      Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null ? failure.getCause() : failure;
      if (cause instanceof java.util.concurrent.TimeoutException) return meanwhile.get();
      return CompletableFuture.<R>failedFuture(cause);
    }).thenCompose(Function.identity());
  }

  /**
   * Waits until {@code receiver} has taken in the dispatch a write sent it (it answers when it has,
   * no polling), or the effect wait ({@code bhkr.http.waits.effect}) passes; then {@code read} says where things stand, and the
   * caller answers 200/201 if the effect is there and 202 if it is still on its way.
   */
  protected <C, T> CompletionStage<T> afterArrival(EntityRef<C> receiver, Function<ActorRef<Arrived>, C> await,
      Supplier<CompletionStage<T>> read) {
    return whenDecided(receiver, await, () -> CompletableFuture.<Arrived>completedFuture(null)).thenCompose(arrived -> read.get());
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
