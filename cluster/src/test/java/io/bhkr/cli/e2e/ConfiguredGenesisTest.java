package io.bhkr.cli.e2e;

import static io.bhkr.cli.walkthrough.DevelopmentMarket.address;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.bhkr.cli.Node;
import io.bhkr.cli.NodeOptions;
import io.bhkr.cli.walkthrough.DevelopmentMarket;
import io.bhkr.persistence.JournalProfile;
import io.bhkr.persistence.JournalSettings;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Outside the development profile the genesis comes from configuration and the /dev endpoints do not exist. */
class ConfiguredGenesisTest {

  @TempDir Path dataDir;

  private NodeOptions options() {
    return NodeOptions.defaults().withHttpPort(0).withProfile(JournalProfile.EMBEDDED, JournalSettings.defaults(dataDir));
  }

  private static Config genesis(String governors) {
    return ConfigFactory.parseString("""
        bhkr.development = off
        bhkr.genesis { n = 1, governors = [%s], operator = "%s" }
        """.formatted(governors, address(9)));
  }

  @Test
  void aConfiguredGenesisSeatsItsGovernorsAndHasNoDevelopmentEndpoints() {
    String governors = "\"" + address(5) + "\", \"" + address(6) + "\"";
    try (Node node = Node.start(options(), genesis(governors))) {
      DevelopmentMarket market = new DevelopmentMarket(node.baseUrl(), null);
      assertFalse(market.get("/health").get("development").asBoolean());
      JsonNode governance = market.get("/api/v1/governance");
      java.util.Set<String> seated = new java.util.TreeSet<>();
      governance.get("governors").forEach(g -> seated.add(g.get("address").asText()));
      assertEquals(new java.util.TreeSet<>(java.util.List.of(address(5), address(6))), seated, "listed by address");
      assertEquals("INITIALIZATION", governance.get("phase").asText(), "n + 1 of 2n + 1 seats: elections fill the rest");
      assertEquals(1, governance.get("openSeats").asInt());
      assertEquals("600", governance.get("parameters").get("bidWindowSeconds").asText(), "the spec's default, not development's 3 s");
      assertEquals(404, market.as(9).post("/api/v1/dev/deposits",
          "{\"account\":\"" + address(7) + "\",\"asset\":\"BHKR\",\"amount\":\"1\"}").status());
    }
  }

  @Test
  void aGenesisThatIsNotAddressesStopsTheStartWithAClearMessage() {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> Node.start(options(), genesis("\"alice\"")));
    assertEquals(true, e.getMessage().contains("bhkr.genesis.governors must be Ethereum addresses"), e.getMessage());
  }
}
