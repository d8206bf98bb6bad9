package io.bhkr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The audit subcommand's reading of a report and of its command line. */
class AuditCommandTest {

  private static final String ASSET_OK = """
      {"held":"10100000000000000000000","inFlight":"0","deposited":"10100000000000000000000","withdrawn":"0","minted":"0",
       "burned":"0","ok":true,"expected":"10100000000000000000000",
       "heldBy":{"accounts":"80000000000000000000","escrow":"0","collateral":"10000000000000000000000","pools":"20000000000000000000","stakes":"0","other":"0"},
       "transfers":{"sent":8,"received":8,"inFlight":0,"receivedTwice":0,"receivedUnsent":0,"sentTwice":0,"amountDiffers":0}}""";

  private static JsonNode json(String s) throws Exception {
    return new ObjectMapper().readTree(s);
  }

  @Test
  void aSoundReportReadsOkWithTokensExact() throws Exception {
    String text = AuditCommand.render("http://node", json("""
        {"ok":true,"assets":{"BHKR":%s},"transfers":{"sent":8,"received":8,"inFlight":0,"receivedTwice":0,"receivedUnsent":0,
         "sentTwice":0,"amountDiffers":0},"anomalies":[],"projectedUpTo":57,"events":21}""".formatted(ASSET_OK)));
    assertTrue(text.contains("BHKR  ok"), text);
    assertTrue(text.contains("held      10100  (accounts 80, escrow 0, collateral 10000, pools 20, stakes 0, other 0)"), text);
    assertTrue(text.contains("21 ledger events up to journal offset 57"), text);
    assertTrue(text.contains("Anomalies: none"), text);
    assertTrue(text.strip().endsWith("VERDICT: OK - every asset balances to the base unit and every transfer was debited once "
        + "and credited at most once."), text);
  }

  @Test
  void aBrokenReportSaysWhatIsWrong() throws Exception {
    String broken = ASSET_OK.replace("\"ok\":true", "\"ok\":false").replace("\"receivedTwice\":0", "\"receivedTwice\":1")
        .replace("\"inFlight\":\"0\"", "\"inFlight\":\"-1\"");
    String text = AuditCommand.render("http://node", json("""
        {"ok":false,"assets":{"BHKR":%s},"transfers":{"sent":8,"received":8,"inFlight":0,"receivedTwice":1,"receivedUnsent":0,
         "sentTwice":0,"amountDiffers":0},"anomalies":[{"kind":"RECEIVED_TWICE","transferId":"t-1",
         "amount":{"asset":"BHKR","amount":"40"},"persistenceId":"Account|0xb","offset":9}],"projectedUpTo":9,"events":4}"""
        .formatted(broken)));
    assertTrue(text.contains("BHKR  NOT OK"), text);
    assertTrue(text.contains("in flight -0.000000000000000001"), text);
    assertTrue(text.contains("RECEIVED_TWICE  t-1  40 BHKR  by Account|0xb at offset 9"), text);
    assertTrue(text.strip().endsWith("VERDICT: NOT OK - BHKR is off by -1 base units; BHKR: 1 transfer credited twice."), text);
  }

  @Test
  void theCommandLineTakesOnlyTheApi() {
    assertEquals(URI.create(CallCommand.DEFAULT_API), CommandLines.parsed(ToolCommands.Audit.class, "audit").api);
    assertEquals(URI.create("http://127.0.0.1:9000"), CommandLines.parsed(ToolCommands.Audit.class, "audit", "--api", "http://127.0.0.1:9000").api);
    CommandLines.Run help = CommandLines.run(List.of("audit", "--help"));
    assertEquals(0, help.exit());
    assertTrue(help.out().contains("Usage: bhkr audit "), help.out());
    assertTrue(CommandLines.refused("audit", "--as", "0").startsWith("Unknown options: '--as'"));
    assertTrue(CommandLines.refused("audit", "extra").contains("'extra'"));
    assertEquals("--api must be a URL like http://127.0.0.1:8080, not 'not a url'", CommandLines.refused("audit", "--api", "not a url"));
  }
}
