package io.bhkr.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bhkr.http.client.SignedClient;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * {@code audit}: reads a running node's conservation report ({@code GET /api/v1/audit/conservation})
 * and prints it for a person: per asset what is held and by whom, what is in flight, what entered
 * and left, the transfer counts, the anomalies, and a verdict line. Exit 0 when the verdict is ok.
 */
final class AuditCommand {

  static final String PATH = "/api/v1/audit/conservation";
  private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  private static final List<String> HOLDERS = List.of("accounts", "escrow", "collateral", "pools", "stakes", "other");

  private AuditCommand() {}

  /** Asks the node and prints the report; 0 if it is ok, 1 if not or if the node did not answer it. */
  static int audit(URI api, PrintStream out, PrintStream err) {
    SignedClient.Response response;
    try {
      response = new SignedClient(api, null).get(PATH);
    } catch (UncheckedIOException e) {
      err.println("no answer from " + api + ": " + CallCommand.describe(e));
      return 1;
    }
    if (response.status() != 200) {
      err.println("the node answered HTTP " + response.status() + " to GET " + PATH + ": " + response.body());
      return 1;
    }
    JsonNode report;
    try {
      report = JSON.readTree(response.body());
    } catch (Exception e) {
      err.println("the node did not answer JSON: " + response.body());
      return 1;
    }
    out.print(render(api.toString(), report));
    return report.path("ok").asBoolean(false) ? 0 : 1;
  }

  /** The report as text, ending with the verdict line. */
  static String render(String api, JsonNode r) {
    StringBuilder s = new StringBuilder();
    s.append("Conservation audit of ").append(api).append(": ").append(r.path("events").asLong()).append(" ledger events up to journal offset ")
        .append(r.path("projectedUpTo").asLong()).append('\n');
    s.append("Amounts in tokens (1 token = 10^18 base units). For every asset: held + in flight = deposited - withdrawn + minted - burned.\n");
    List<String> broken = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = r.path("assets").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String asset = e.getKey();
      JsonNode a = e.getValue();
      boolean ok = a.path("ok").asBoolean(false);
      s.append(String.format("%n%-5s %s%n", asset, ok ? "ok" : "NOT OK"));
      s.append(String.format("  held      %s  (", tokens(a, "held")));
      List<String> by = new ArrayList<>();
      for (String h : HOLDERS) by.add(h + " " + tokens(a.path("heldBy"), h));
      s.append(String.join(", ", by)).append(")\n");
      s.append(String.format("  in flight %s%n", tokens(a, "inFlight")));
      s.append(String.format("  expected  %s  (deposited %s, withdrawn %s, minted %s, burned %s)%n", tokens(a, "expected"),
          tokens(a, "deposited"), tokens(a, "withdrawn"), tokens(a, "minted"), tokens(a, "burned")));
      BigInteger gap = integer(a, "held").add(integer(a, "inFlight")).subtract(integer(a, "expected"));
      if (gap.signum() != 0) broken.add(asset + " is off by " + gap + " base units");
      s.append("  transfers ").append(counts(a.path("transfers"))).append('\n');
      for (String kind : List.of("receivedTwice", "receivedUnsent", "sentTwice", "amountDiffers")) {
        long n = a.path("transfers").path(kind).asLong();
        if (n > 0) broken.add(asset + ": " + n + " transfer" + (n == 1 ? "" : "s") + " " + words(kind));
      }
    }
    s.append("\nAll transfers: ").append(counts(r.path("transfers"))).append('\n');
    JsonNode anomalies = r.path("anomalies");
    if (anomalies.isEmpty()) s.append("Anomalies: none\n");
    else {
      s.append("First anomalies:\n");
      for (JsonNode an : anomalies)
        s.append(String.format("  %-15s %s  %s %s  by %s at offset %d%n", an.path("kind").asText(), an.path("transferId").asText(),
            an.path("amount").path("amount").asText(), an.path("amount").path("asset").asText(), an.path("persistenceId").asText(),
            an.path("offset").asLong()));
    }
    if (r.path("ok").asBoolean(false))
      s.append("VERDICT: OK - every asset balances to the base unit and every transfer was debited once and credited at most once.\n");
    else
      s.append("VERDICT: NOT OK - ").append(broken.isEmpty() ? "see above" : String.join("; ", broken)).append(".\n");
    return s.toString();
  }

  private static String counts(JsonNode c) {
    return c.path("sent").asLong() + " sent, " + c.path("received").asLong() + " received, " + c.path("inFlight").asLong()
        + " in flight; received twice " + c.path("receivedTwice").asLong() + ", received unsent " + c.path("receivedUnsent").asLong()
        + ", sent twice " + c.path("sentTwice").asLong() + ", amount differs " + c.path("amountDiffers").asLong();
  }

  private static String words(String kind) {
    return switch (kind) {
      case "receivedTwice" -> "credited twice";
      case "receivedUnsent" -> "credited without a debit";
      case "sentTwice" -> "debited twice";
      default -> "credited with another amount than debited";
    };
  }

  private static BigInteger integer(JsonNode parent, String field) {
    return new BigInteger(parent.path(field).asText("0"));
  }

  /** Exact: base units moved 18 places, trailing zeros dropped. */
  static String tokens(JsonNode parent, String field) {
    return new BigDecimal(integer(parent, field)).movePointLeft(18).stripTrailingZeros().toPlainString();
  }
}
