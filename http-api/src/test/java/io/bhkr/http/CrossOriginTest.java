package io.bhkr.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.http.javadsl.Http;
import akka.http.javadsl.ServerBinding;
import akka.http.javadsl.server.AllDirectives;
import akka.http.javadsl.server.Route;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** CORS is off unless configured; configured, only the listed origins get Access-Control headers. */
class CrossOriginTest extends AllDirectives {

  @Test
  void offByDefault() throws Exception {
    serve(ConfigFactory.load(), port -> {
      HttpResponse<String> r = get(port, "https://app.example.org");
      assertEquals(200, r.statusCode());
      assertTrue(r.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
    });
  }

  @Test
  void onlyTheConfiguredOriginsAsASystemPropertyWouldListThem() throws Exception {
    Properties p = new Properties();
    p.setProperty("bhkr.http.cors.allowed-origins.0", "https://app.example.org");
    serve(ConfigFactory.parseProperties(p).withFallback(ConfigFactory.load()), port -> {
      assertEquals("https://app.example.org", get(port, "https://app.example.org").headers().firstValue("Access-Control-Allow-Origin").orElse(null));
      assertTrue(get(port, "https://evil.example").headers().firstValue("Access-Control-Allow-Origin").isEmpty());
      HttpResponse<String> preflight = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/x"))
          .header("Origin", "https://app.example.org").header("Access-Control-Request-Method", "POST")
          .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(204, preflight.statusCode());
      assertTrue(preflight.headers().firstValue("Access-Control-Allow-Headers").orElse("").contains("X-Bhkr-Signature"));
    });
  }

  interface Check {
    void at(int port) throws Exception;
  }

  private void serve(Config config, Check check) throws Exception {
    ActorTestKit testKit = ActorTestKit.create("CrossOriginTest");
    try {
      Route route = CrossOrigin.from(config).route(() -> path("x", () -> get(() -> complete("ok"))));
      ServerBinding binding = Http.get(testKit.system()).newServerAt("127.0.0.1", 0).bind(route).toCompletableFuture().get(10, TimeUnit.SECONDS);
      check.at(binding.localAddress().getPort());
      binding.unbind().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } finally {
      testKit.shutdownTestKit();
    }
  }

  private static HttpResponse<String> get(int port, String origin) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/x")).header("Origin", origin).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
