package io.bhkr.journal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bhkr.persistence.journal.JournalFile;
import io.bhkr.persistence.journal.StoredEvent;
import io.bhkr.replay.Replay;
import io.bhkr.replay.Verification;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * {@code replay verify} over the golden journals: every decision the node made re-derives from
 * the recorded facts with the production rules, and a journal altered by hand is caught, with the
 * altered event named.
 */
class ReplayVerifyTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  static List<String> journals() throws IOException {
    return GoldenJournalsTest.journals().toList();
  }

  @ParameterizedTest
  @MethodSource("journals")
  void everyGoldenJournalVerifies(String journal) {
    Verification v = Replay.verify(JournalFile.read(GoldenJournalsTest.GOLDEN.resolve(journal + ".jsonl")));
    assertTrue(v.ok(), journal + ":\n" + printed(v));
  }

  @Test
  void theWorkedExampleReDerivesItsAuctionSettlementAndScores() {
    Verification v = Replay.verify(worked());
    assertTrue(v.checked().getOrDefault("auction", 0L) == 1, printed(v));
    assertTrue(v.checked().getOrDefault("settlement", 0L) == 1, printed(v));
    assertTrue(v.checked().getOrDefault("bid admissibility", 0L) == 3, printed(v));
    assertTrue(v.checked().getOrDefault("reputation score", 0L) > 0, printed(v));
  }

  @Test
  void aChangedBidIsCaughtAndNamed() {
    List<StoredEvent> altered = alter(worked(), e -> e.className().equals("io.bhkr.project.BidPlaced"), json -> {
      ObjectNode price = (ObjectNode) json.get("price");
      price.put("amount", "61000000000000000000");
      return json;
    });
    Verification v = Replay.verify(altered);
    assertFalse(v.ok());
    assertTrue(v.mismatches().stream().anyMatch(m -> m.event().contains("(BidPlaced")), printed(v));
  }

  @Test
  void aChangedSettlementLegIsCaughtAndNamed() {
    List<StoredEvent> altered = alter(worked(), e -> e.className().equals("io.bhkr.project.ProjectSettled"), json -> {
      ObjectNode leg = (ObjectNode) ((ArrayNode) json.get("legs")).get(json.get("legs").size() - 1).get("amount");
      leg.put("amount", "240000000000000000001");
      return json;
    });
    Verification v = Replay.verify(altered);
    assertFalse(v.ok());
    assertTrue(v.mismatches().stream().anyMatch(m -> m.event().contains("(ProjectSettled") && m.decision().equals("settlement")), printed(v));
  }

  @Test
  void aChangedScoreIsCaughtAndNamed() {
    List<StoredEvent> altered = alter(worked(), e -> e.className().equals("io.bhkr.provider.ScoreRecorded"), json -> {
      ((ObjectNode) json.get("score")).put("score", json.get("score").get("score").asLong() + 1);
      return json;
    });
    Verification v = Replay.verify(altered);
    assertFalse(v.ok());
    assertTrue(v.mismatches().stream().anyMatch(m -> m.event().contains("(ScoreRecorded")), printed(v));
  }

  @Test
  void aTransferCreditedTwiceFailsTheConservationAudit() {
    List<StoredEvent> rows = new ArrayList<>(worked());
    StoredEvent credit = rows.stream().filter(e -> e.className().equals("io.bhkr.transfer.DispatchReceived")
        && e.persistenceId().startsWith("Account|")).findFirst().orElseThrow();
    long last = rows.get(rows.size() - 1).ordering();
    rows.add(new StoredEvent(last + 1, credit.persistenceId(), 10_000, credit.writer(), credit.writeTimestamp(), credit.adapterManifest(),
        credit.serializerId(), credit.manifest(), credit.payload(), credit.tags()));
    Verification v = Replay.verify(rows);
    assertFalse(v.conservation().ok(), printed(v));
    assertFalse(v.ok());
  }

  static List<StoredEvent> worked() {
    return JournalFile.read(GoldenJournalsTest.GOLDEN.resolve("WhitepaperExample-2026-12-02.jsonl"));
  }

  /** The journal with the first event that {@code which} matches rewritten by {@code change}, as an UPDATE by hand would. */
  static List<StoredEvent> alter(List<StoredEvent> rows, Predicate<StoredEvent> which, UnaryOperator<JsonNode> change) {
    List<StoredEvent> out = new ArrayList<>();
    boolean done = false;
    for (StoredEvent e : rows) {
      if (!done && which.test(e)) {
        done = true;
        try {
          byte[] payload = JSON.writeValueAsBytes(change.apply(JSON.readTree(e.payload())));
          e = new StoredEvent(e.ordering(), e.persistenceId(), e.sequenceNumber(), e.writer(), e.writeTimestamp(), e.adapterManifest(),
              e.serializerId(), e.manifest(), payload, e.tags());
        } catch (IOException x) {
          throw new IllegalStateException(x);
        }
      }
      out.add(e);
    }
    assertTrue(done, "nothing to alter");
    return out;
  }

  static String printed(Verification v) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    v.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
