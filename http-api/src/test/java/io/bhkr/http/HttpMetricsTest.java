package io.bhkr.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import io.bhkr.persistence.metrics.NodeMetrics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The route label of http.server.requests: a template of the API document, never a raw path. */
class HttpMetricsTest {

  private static ActorTestKit testKit;
  private static HttpMetrics metrics;

  @BeforeAll
  static void start() {
    testKit = ActorTestKit.create("HttpMetricsTest");
    metrics = new HttpMetrics(NodeMetrics.get(testKit.system()));
  }

  @AfterAll
  static void stop() {
    testKit.shutdownTestKit();
  }

  @Test
  void pathsAreLabelledByTheirTemplate() {
    assertEquals("/api/v1/projects/{id}", metrics.template("/api/v1/projects/project-1234"));
    assertEquals("/api/v1/projects/{id}/bids", metrics.template("/api/v1/projects/project-1234/bids"));
    assertEquals("/api/v1/accounts/{address}/stakes", metrics.template("/api/v1/accounts/0xabc/stakes"));
    assertEquals("/api/v1/events", metrics.template("/api/v1/events"));
    assertEquals("/metrics", metrics.template("/metrics"));
    assertEquals("/dashboard/{file}", metrics.template("/dashboard/auction.js"));
    assertEquals("/dashboard/", metrics.template("/dashboard/"));
  }

  @Test
  void aLiteralSegmentWinsOverAParameter() {
    assertEquals("/api/v1/pools/reward/distributions", metrics.template("/api/v1/pools/reward/distributions"));
    assertEquals("/api/v1/pools/{pool}", metrics.template("/api/v1/pools/insurance"));
  }

  @Test
  void unknownPathsShareOneLabel() {
    assertEquals("other", metrics.template("/api/v1/no-such-thing"));
    assertEquals("other", metrics.template("/wp-login.php"));
    assertEquals("other", metrics.template("/api/v1/projects/a/b/c/d"));
  }
}
