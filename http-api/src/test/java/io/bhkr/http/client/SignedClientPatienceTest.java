package io.bhkr.http.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;

/** A patient client reads again through 503s, but never sends a write again after one. */
class SignedClientPatienceTest {

  /** A server that answers 503 to the first {@code unavailable} requests, then 200. */
  private static HttpServer server(int unavailable, AtomicInteger seen) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      exchange.getRequestBody().readAllBytes();
      byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(seen.incrementAndGet() <= unavailable ? 503 : 200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    return server;
  }

  private static URI base(HttpServer server) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  @Test
  void aReadIsSentAgainWhileTheNodeAnswers503() throws IOException {
    AtomicInteger seen = new AtomicInteger();
    HttpServer server = server(2, seen);
    try {
      SignedClient client = new SignedClient(base(server), null).patient(Duration.ofSeconds(30));
      assertEquals(200, client.get("/api/v1/health").status());
      assertEquals(3, seen.get());
    } finally {
      server.stop(0);
    }
  }

  @Test
  void aWriteThatGot503IsNotSentAgainAndAnImpatientClientNeverRetries() throws IOException {
    AtomicInteger seen = new AtomicInteger();
    HttpServer server = server(1, seen);
    try {
      Credentials key = Credentials.create("0x" + "1".repeat(64));
      assertEquals(503, new SignedClient(base(server), key).patient(Duration.ofSeconds(30)).post("/api/v1/x", "{}").status());
      assertEquals(1, seen.get(), "whether the write took effect is unknown: its caller reads the resource");
      seen.set(0);
      assertEquals(503, new SignedClient(base(server), null).get("/api/v1/health").status());
      assertEquals(1, seen.get());
    } finally {
      server.stop(0);
    }
  }
}
