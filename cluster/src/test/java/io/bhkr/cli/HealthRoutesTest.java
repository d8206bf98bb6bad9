package io.bhkr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import akka.actor.ActorSystem;
import akka.management.javadsl.AkkaManagement;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The management port's {@code /ready} and {@code /alive} as the node configures them
 * ({@link HealthRoutes} over application.conf): a readiness check that says "not ready" makes
 * {@code /ready} answer 503, not 500, while {@code /alive} stays 200; once it says ready, 200.
 * The node's own checks (cluster membership, {@link NodeReadiness}) are replaced by one this
 * test switches, so nothing depends on how long a start takes.
 */
class HealthRoutesTest {

  /** The switched readiness check, created by Akka Management by reflection. */
  public static final class Switched implements Supplier<CompletionStage<Boolean>> {
    static final AtomicBoolean READY = new AtomicBoolean();

    public Switched(ActorSystem system) {}

    @Override
    public CompletionStage<Boolean> get() {
      return CompletableFuture.completedFuture(READY.get());
    }
  }

  private static ActorSystem system;
  private static URI management;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    Config config = ConfigFactory.parseString("""
        akka.actor.provider = local
        akka.management.http.port = 0
        akka.management.http.routes.cluster-management = ""
        akka.management.health-checks.readiness-checks {
          cluster-membership = ""
          bhkr-node = ""
          switched = "io.bhkr.cli.HealthRoutesTest$Switched"
        }
        akka.management.health-checks.liveness-checks {}
        """).withFallback(ConfigFactory.load()).resolve();
    system = ActorSystem.create("health-routes", config);
    management = URI.create(AkkaManagement.get(system).start().toCompletableFuture().get(30, TimeUnit.SECONDS).toString());
  }

  @AfterAll
  static void stop() {
    system.terminate();
  }

  @Test
  void notReadyIs503AndReadyIs200() throws Exception {
    Switched.READY.set(false);
    HttpResponse<String> notReady = get("ready");
    assertEquals(503, notReady.statusCode(), notReady.body());
    assertEquals(200, get("alive").statusCode(), "alive while not ready");
    Switched.READY.set(true);
    assertEquals(200, get("ready").statusCode());
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(management.resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
