package io.bhkr.cli.e2e;

import static io.bhkr.cli.walkthrough.DevelopmentMarket.P1;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.REQUESTER;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.address;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.tokens;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.bhkr.cli.Node;
import io.bhkr.cli.NodeOptions;
import io.bhkr.cli.walkthrough.DevelopmentMarket;
import io.bhkr.cli.walkthrough.Walkthrough;
import io.bhkr.persistence.JournalProfile;
import io.bhkr.persistence.testing.TestJournal;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code GET /api/v1/accounts/{a}?asOf=} and {@code GET /api/v1/providers/{id}?asOf=}: after the
 * worked example (S1), the requester's balances when its auction closed and now, the
 * provider before it applied, and a refused time.
 */
class TimeTravelApiTest {

  @ParameterizedTest
  @EnumSource(JournalProfile.class)
  void accountsAndProvidersAsTheyWereAtAnInstant(JournalProfile profile, @TempDir Path dir) throws Exception {
    try (TestJournal journal = TestJournal.create(profile, dir);
        Node node = Node.start(NodeOptions.defaults().withHttpPort(0).withProfile(journal.profile(), journal.settings()))) {
      Walkthrough.Outcome outcome = Walkthrough.run(node.baseUrl(), System.out);
      DevelopmentMarket market = new DevelopmentMarket(node.baseUrl(), null);
      // The auction closes at closesAt (the FP is in escrow by then) and the settlement comes after it.
      long closesAt = market.get("/api/v1/projects/" + outcome.projectId()).get("closesAt").asLong();
      long now = java.time.Instant.now().getEpochSecond() + 1;
      String requester = "/api/v1/accounts/" + address(REQUESTER);

      JsonNode before = market.get(requester + "?asOf=" + closesAt);
      assertEquals("0", before.get("balances").get("BHKR").asText(), "FP was in escrow: " + before);
      assertEquals("0", before.get("balances").get("ETH").asText());
      JsonNode after = market.get(requester + "?asOf=" + now);
      assertEquals(tokens(20), after.get("balances").get("BHKR").asText(), after.toString());
      assertEquals(tokens(240), after.get("balances").get("ETH").asText());
      assertEquals(market.get(requester).get("balances"), after.get("balances"), "nothing happened since");

      JsonNode provider = market.get("/api/v1/providers/" + address(P1) + "?asOf=" + now);
      assertEquals("ACTIVE", provider.get("status").asText());
      assertEquals(status(node, "/api/v1/providers/" + address(P1) + "?asOf=2020-01-01T00:00:00Z"), 404, "it had not applied in 2020");
      assertEquals(status(node, requester + "?asOf=yesterday"), 400);
    }
  }

  private static int status(Node node, String path) throws IOException, InterruptedException {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(node.baseUrl() + path)).build(),
        HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
