package io.bhkr.cli.walkthrough;

import static io.bhkr.cli.walkthrough.DevelopmentMarket.P1;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.P2;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.P3;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.REQUESTER;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.address;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.expect;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.tokens;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The whitepaper's worked example (3.5, economics vector S1) played against a running node with
 * the development accounts, telling each step: three providers qualify and stake, a requester
 * pays FP 100 BHKR, bids 60/70/75 are sealed, the auction closes, the winner completes with a
 * profit of 300 ETH, and the settlement is checked against the vector to the base unit.
 * Run it once on a fresh data folder: the balances it checks are absolute.
 */
public final class Walkthrough {

  private Walkthrough() {}

  /** What the walkthrough found: whether the node reproduced S1, and the project it used. */
  public record Outcome(boolean reproducedS1, String projectId) {}

  public static Outcome run(String api, PrintStream out) {
    // patient: its reads wait out the 503s of a cluster moving a dead node's entities (README, "Run a cluster")
    DevelopmentMarket market = new DevelopmentMarket(api, out).patient(java.time.Duration.ofSeconds(90));
    out.println("1. Three providers (development accounts 4, 5, 6) apply, are qualified by governance and stake collateral");
    for (int p : new int[] {P1, P2, P3}) market.becomeActiveProvider(p, 90);
    out.println("2. The requester (account 7) gets 100 BHKR; provider 4 gets the 300 ETH its validator will earn");
    market.deposit(REQUESTER, "BHKR", tokens(100));
    market.deposit(P1, "ETH", tokens(300));
    out.println("3. Quote and project");
    String projectId = market.openQ1Project();
    out.println("4. Sealed bids: 60, 70 and 75 BHKR");
    expect(202, market.bid(P1, projectId, tokens(60)));
    expect(202, market.bid(P2, projectId, tokens(70)));
    expect(202, market.bid(P3, projectId, tokens(75)));
    out.println("5. The bid window closes by itself; the auction picks among the lowest bids");
    JsonNode running = market.awaitProjectStatus(projectId, "RUNNING");
    out.println("  winner " + running.get("winner").asText() + " at " + running.get("price").get("amount").asText()
        + "; seed " + running.get("auction").get("seed").asText());
    out.println("6. The winner completes with a profit of 300 ETH; the project settles");
    JsonNode settled = expect(200, market.as(P1).post("/api/v1/projects/" + projectId + "/completion",
        "{\"profit\":{\"asset\":\"ETH\",\"amount\":\"" + tokens(300) + "\"}}"));
    for (JsonNode leg : settled.get("settlement"))
      out.printf("  %-44s %26s %-4s %s%n", leg.get("to").asText(), leg.get("amount").asText(), leg.get("asset").asText(),
          leg.get("reason").asText());
    DevelopmentMarket.await("every settlement leg credited", () ->
        market.get("/api/v1/pools/insurance").get("balances").get("ETH").asText().equals(tokens(30))
            && market.balances(REQUESTER).get("ETH").asText().equals(tokens(240)));

    Map<String, String[]> expected = new LinkedHashMap<>();
    expected.put("provider " + address(P1), new String[] {tokens(60), tokens(0)});
    expected.put("requester " + address(REQUESTER), new String[] {tokens(20), tokens(240)});
    expected.put("Reward Pool", new String[] {tokens(10), tokens(30)});
    expected.put("Insurance Pool", new String[] {tokens(10), tokens(30)});
    Map<String, JsonNode> actual = new LinkedHashMap<>();
    actual.put("provider " + address(P1), market.balances(P1));
    actual.put("requester " + address(REQUESTER), market.balances(REQUESTER));
    actual.put("Reward Pool", market.get("/api/v1/pools/reward").get("balances"));
    actual.put("Insurance Pool", market.get("/api/v1/pools/insurance").get("balances"));

    out.println("7. Balances against vector S1 (provider 60, pools 10 BHKR + 30 ETH each, requester 20 BHKR + 240 ETH)");
    boolean all = true;
    for (var e : expected.entrySet()) {
      JsonNode b = actual.get(e.getKey());
      boolean ok = b.get("BHKR").asText().equals(e.getValue()[0]) && b.get("ETH").asText().equals(e.getValue()[1]);
      all &= ok;
      out.printf("  %-55s BHKR %24s  ETH %24s  %s%n", e.getKey(), b.get("BHKR").asText(), b.get("ETH").asText(), ok ? "ok" : "DIFFERS");
    }
    out.println(all ? "The node reproduced vector S1 to the base unit." : "The node did NOT reproduce vector S1.");
    return new Outcome(all, projectId);
  }
}
