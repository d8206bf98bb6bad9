package io.bhkr.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import akka.actor.typed.ActorSystem;
import akka.actor.typed.javadsl.Behaviors;
import akka.serialization.Serialization;
import akka.serialization.SerializationExtension;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.bhkr.cli.Node;
import io.bhkr.cli.NodeOptions;
import io.bhkr.persistence.JournalProfile;
import io.bhkr.persistence.JournalSchema;
import io.bhkr.persistence.JournalSettings;
import io.bhkr.persistence.journal.JournalFile;
import io.bhkr.persistence.journal.JournalTable;
import io.bhkr.persistence.journal.StoredEvent;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Journals are forever: every golden journal (real journals written by the end-to-end scenarios,
 * committed under {@code src/test/resources/golden}) must still be read by today's build.
 * <ul>
 *   <li>every event deserializes through the node's own serialization, Jackson migrations
 *       included, into one of the journal's event classes, and nothing it stored is lost in
 *       reading (unless a migration for its class says how it changed);</li>
 *   <li>a node started on the journal recovers every account, provider, project, pool,
 *       micro-pool, node and the governance into exactly the views recorded when the journal
 *       was made, and its conservation audit balances.</li>
 * </ul>
 * Run with {@code -Dbhkr.golden.update=true} to record the views of a newly added journal
 * (docs/events.md, "Golden journals").
 */
class GoldenJournalsTest {

  static final Path GOLDEN = Path.of("src/test/resources/golden");
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static ActorSystem<Void> system;
  private static final Set<String> EVENT_CLASSES = new TreeSet<>(EventCatalog.events().stream().map(Class::getName).toList());

  @BeforeAll
  static void serialization() {
    system = ActorSystem.create(Behaviors.empty(), "golden", ConfigFactory.parseString("akka.actor.provider = local").withFallback(ConfigFactory.load()));
  }

  @AfterAll
  static void stop() {
    system.terminate();
  }

  static Stream<String> journals() throws IOException {
    try (Stream<Path> files = Files.list(GOLDEN)) {
      return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".jsonl")).map(n -> n.replace(".jsonl", "")).sorted().toList().stream();
    }
  }

  @Test
  void thereAreGoldenJournalsOfEveryScenario() throws IOException {
    List<String> names = journals().toList();
    for (String scenario : List.of("WhitepaperExample", "PoolsAndStaking", "GovernorElection", "MicroPools", "MicroPoolSlashing", "AuditedScoreBids", "ChainPayouts"))
      assertTrue(names.stream().anyMatch(n -> n.startsWith(scenario)), "a golden journal of " + scenario + " is missing from " + GOLDEN);
  }

  @ParameterizedTest
  @MethodSource("journals")
  void everyEventReadsBackWithNothingLost(String journal) {
    for (StoredEvent e : JournalFile.read(GOLDEN.resolve(journal + ".jsonl"))) {
      String problem = readBack(e);
      if (problem != null)
        fail(journal + ": " + problem + "\nJournals are forever: give the change a Jackson migration (docs/events.md, \"Changing an event\").");
    }
  }

  /** The check itself fails: a stored field today's class does not have, as after a rename without migration. */
  @Test
  void aFieldRenamedWithoutMigrationIsCaught() throws IOException {
    StoredEvent bid = JournalFile.read(GOLDEN.resolve("WhitepaperExample-2026-12-02.jsonl")).stream()
        .filter(e -> e.className().equals("io.bhkr.project.BidPlaced")).findFirst().orElseThrow();
    ObjectNode json = (ObjectNode) JSON.readTree(bid.payload());
    json.set("offer", json.remove("price"));
    StoredEvent renamed = new StoredEvent(bid.ordering(), bid.persistenceId(), bid.sequenceNumber(), bid.writer(), bid.writeTimestamp(),
        bid.adapterManifest(), bid.serializerId(), bid.manifest(), new ObjectMapper().writeValueAsBytes(json), bid.tags());
    assertEquals(null, readBack(bid));
    String problem = readBack(renamed);
    assertTrue(problem != null && problem.contains("offer"), "the rename is named: " + problem);
  }

  /** Null when the stored event reads into an event class and back without losing anything; else what went wrong. */
  static String readBack(StoredEvent e) {
    Serialization serialization = SerializationExtension.get(system);
    Object event;
    try {
      event = serialization.deserialize(e.payload(), e.serializerId(), e.manifest()).get();
    } catch (RuntimeException unreadable) {
      return e + " cannot be read: " + unreadable;
    }
    if (e.persistenceId().startsWith("/")) return null; // Akka's own: sharding's coordinator and remembered entities
    if (!EVENT_CLASSES.contains(event.getClass().getName())) return e + " read as " + event.getClass().getName() + ", which is not an event class";
    if (system.settings().config().hasPath("akka.serialization.jackson.migrations.\"" + e.className() + "\"")) return null; // its migration says how it changed
    try {
      JsonNode stored = JSON.readTree(e.payload());
      JsonNode read = JSON.readTree(serialization.serializerFor(event.getClass()).toBinary(event));
      String lost = lost("", stored, read);
      return lost == null ? null : e + " read with today's classes loses " + lost + "\nstored: " + stored + "\nread:   " + read;
    } catch (IOException notJson) {
      return e + " is not JSON: " + notJson.getMessage();
    }
  }

  /** The first path of {@code stored} that {@code read} does not hold with the same value, or null. */
  static String lost(String at, JsonNode stored, JsonNode read) {
    if (stored.isObject()) {
      if (!read.isObject()) return at + " (was an object)";
      for (Iterator<Map.Entry<String, JsonNode>> it = stored.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> f = it.next();
        if (!read.has(f.getKey())) return "field " + at + "/" + f.getKey();
        String inner = lost(at + "/" + f.getKey(), f.getValue(), read.get(f.getKey()));
        if (inner != null) return inner;
      }
      return null;
    }
    if (stored.isArray()) {
      if (!read.isArray() || read.size() != stored.size()) return at + " (array changed)";
      for (int i = 0; i < stored.size(); i++) {
        String inner = lost(at + "/" + i, stored.get(i), read.get(i));
        if (inner != null) return inner;
      }
      return null;
    }
    return stored.equals(read) ? null : "value " + at + " (" + stored + " became " + read + ")";
  }

  @ParameterizedTest
  @MethodSource("journals")
  void aNodeOnTheJournalRecoversTheRecordedViews(String journal, @TempDir Path dir) throws Exception {
    List<StoredEvent> events = JournalFile.read(GOLDEN.resolve(journal + ".jsonl"));
    JournalSettings settings = JournalSettings.defaults(dir);
    JournalSchema.ensure(JournalProfile.EMBEDDED, settings);
    try (Connection c = DriverManager.getConnection(settings.h2Url(), "sa", "")) {
      JournalTable.insert(c, events);
    }
    Path viewsFile = GOLDEN.resolve(journal + ".views.json");
    boolean update = Boolean.getBoolean("bhkr.golden.update") || !Files.exists(viewsFile) && Boolean.getBoolean("bhkr.golden.record-missing");
    // No clock ticks while the views are read: the journal's epochs and terms ended long ago.
    Config quiet = ConfigFactory.parseString("bhkr.rewards.check-interval = 3650d\nbhkr.governance.check-interval = 3650d");
    try (Node node = Node.start(NodeOptions.defaults().withHttpPort(0).withProfile(JournalProfile.EMBEDDED, settings), quiet)) {
      ObjectNode views = JSON.createObjectNode();
      for (String path : GoldenViews.paths(events)) views.set(path, get(node.baseUrl() + path));
      views.set(GoldenViews.CONSERVATION, conservation(node.baseUrl(), GoldenViews.lastLedgerOrdering(events)));
      if (update) {
        Files.writeString(viewsFile, JSON.writeValueAsString(views) + "\n");
        return;
      }
      assertTrue(Files.exists(viewsFile), viewsFile + " is missing: record it with -Dbhkr.golden.update=true");
      JsonNode expected = JSON.readTree(viewsFile.toFile());
      assertEquals(names(expected), names(views), "the views of " + journal);
      for (String path : iterable(expected.fieldNames()))
        assertEquals(expected.get(path), views.get(path), journal + ": " + path + " after replay differs from the recorded view");
      assertTrue(views.get(GoldenViews.CONSERVATION).get("body").get("ok").asBoolean(), journal + ": the conservation audit after replay");
    }
  }

  private static JsonNode conservation(String base, long lastLedger) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    JsonNode report = get(base + GoldenViews.CONSERVATION);
    while (report.get("body").get("projectedUpTo").asLong() < lastLedger && System.nanoTime() < deadline) {
      Thread.onSpinWait();
      report = get(base + GoldenViews.CONSERVATION);
    }
    assertEquals(lastLedger, report.get("body").get("projectedUpTo").asLong(), "the ledger projection reached the journal's last ledger event");
    return report;
  }

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  static JsonNode get(String url) throws Exception {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    ObjectNode answer = JSON.createObjectNode();
    answer.put("status", r.statusCode());
    answer.set("body", r.body().isEmpty() ? null : JSON.readTree(r.body()));
    return answer;
  }

  private static TreeSet<String> names(JsonNode object) {
    TreeSet<String> names = new TreeSet<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static <T> Iterable<T> iterable(Iterator<T> it) {
    return () -> it;
  }
}
