package io.bhkr.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.typed.ActorSystem;
import akka.actor.typed.javadsl.Behaviors;
import akka.serialization.Serialization;
import akka.serialization.SerializationExtension;
import akka.serialization.Serializers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.bhkr.money.Amount;
import io.bhkr.persistence.journal.JournalFile;
import io.bhkr.persistence.journal.StoredEvent;
import io.bhkr.persistence.migrations.TransferPurposeAdded;
import io.bhkr.transfer.DispatchSent;
import io.bhkr.transfer.Party;
import io.bhkr.transfer.Purpose;
import io.bhkr.transfer.Transfer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Typed transfers (issue 16): a receiver acts on a transfer's {@link Purpose}, never on its reason
 * text. Journals, snapshots and messages written before the purpose existed read through
 * {@link TransferPurposeAdded}, which must give each old transfer the purpose its reason meant.
 */
class TransferPurposeTest {

  /** Every reason earlier builds wrote (from git history and the golden journals), with its purpose. */
  private static final Map<String, Purpose> WRITTEN = Map.ofEntries(
      Map.entry("transfer", Purpose.PAYMENT),
      Map.entry("collateral", Purpose.COLLATERAL),
      Map.entry("stake", Purpose.NODE_STAKE),
      Map.entry("stake withdrawal", Purpose.NODE_STAKE_WITHDRAWAL),
      Map.entry("governor stake", Purpose.GOVERNOR_STAKE),
      Map.entry("governor stake returned: not elected", Purpose.GOVERNOR_STAKE_RETURN),
      Map.entry("governor stake returned: seat lost below governorMinStake", Purpose.GOVERNOR_STAKE_RETURN),
      Map.entry("slashed: governor missed consecutive votes", Purpose.GOVERNOR_SLASHING),
      Map.entry("profit", Purpose.PROFIT),
      Map.entry("auction price", Purpose.SETTLEMENT),
      Map.entry("reward pool share of FP", Purpose.SETTLEMENT),
      Map.entry("insurance pool share of FP", Purpose.SETTLEMENT),
      Map.entry("requester remainder of FP", Purpose.SETTLEMENT),
      Map.entry("reward pool share of profit", Purpose.SETTLEMENT),
      Map.entry("insurance pool share of profit", Purpose.SETTLEMENT),
      Map.entry("requester remainder of profit", Purpose.SETTLEMENT),
      Map.entry("refund: no admissible bid", Purpose.REFUND),
      Map.entry("refund: service failure", Purpose.REFUND),
      Map.entry("service failure compensation for project-568a3b6295c3da15", Purpose.COMPENSATION),
      Map.entry("service failure of project p-1", Purpose.COMPENSATION),
      Map.entry("compensation for claim slash-1", Purpose.COMPENSATION),
      Map.entry("compensation for claim slash:mp-361f3ad45a6cc973:1", Purpose.COMPENSATION),
      Map.entry("reward epoch 1: governors", Purpose.REWARD),
      Map.entry("reward epoch 1: providers_requesters", Purpose.REWARD),
      Map.entry("reward epoch 1: stakers", Purpose.REWARD),
      Map.entry("reward epoch 1: development", Purpose.REWARD),
      Map.entry("insurance excess moved by proposal 3", Purpose.INSURANCE_EXCESS),
      Map.entry("micropool-stake", Purpose.MICROPOOL_STAKE),
      Map.entry("micropool-fee", Purpose.MICROPOOL_FEE),
      Map.entry("aeth-minted", Purpose.AETH_MINTED),
      Map.entry("micropool-withdrawal", Purpose.MICROPOOL_WITHDRAWAL),
      Map.entry("micropool-redemption", Purpose.MICROPOOL_REDEMPTION),
      Map.entry("micropool-rewards", Purpose.MICROPOOL_REWARDS),
      Map.entry("micropool-insurance", Purpose.MICROPOOL_SHARE),
      Map.entry("micropool-reward", Purpose.MICROPOOL_SHARE),
      Map.entry("micropool-staker", Purpose.MICROPOOL_SHARE),
      Map.entry("micropool-principal", Purpose.MICROPOOL_PRINCIPAL),
      Map.entry("micropool-migrated", Purpose.MICROPOOL_PRINCIPAL),
      Map.entry("micropool-closed", Purpose.MICROPOOL_PRINCIPAL),
      Map.entry("returned", Purpose.RETURN),
      Map.entry("returned: stake refused", Purpose.RETURN),
      Map.entry("returned: the project takes profit only from its winner while running", Purpose.RETURN),
      Map.entry("returned: governance holds only governor stakes in BHKR from accounts", Purpose.RETURN),
      Map.entry("returned: node n-1 takes only BHKR stakes from accounts, once registered", Purpose.RETURN));

  /** Golden journals captured from this day on were written with purposes (their file names end in the date). */
  private static final String PURPOSE_SINCE = "2026-12-03.jsonl";
  private static ActorSystem<Void> system;
  private static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void start() {
    system = ActorSystem.create(Behaviors.empty(), "purpose", ConfigFactory.parseString("akka.actor.provider = local").withFallback(ConfigFactory.load()));
  }

  @AfterAll
  static void stop() {
    system.terminate();
  }

  @Test
  void everyReasonEverWrittenHasThePurposeItMeant() {
    WRITTEN.forEach((reason, purpose) -> assertEquals(purpose, TransferPurposeAdded.purposeOf(reason), reason));
  }

  @Test
  void aReasonNoBuildWroteIsRefusedNotGuessed() {
    assertThrows(IllegalStateException.class, () -> TransferPurposeAdded.purposeOf("gift"));
  }

  @Test
  void everyClassThatCanHoldATransferIsMigrated() {
    Config migrations = system.settings().config().getConfig("akka.serialization.jackson.migrations");
    TreeSet<String> registered = new TreeSet<>();
    migrations.root().forEach((name, v) -> {
      if (TransferPurposeAdded.class.getName().equals(v.unwrapped())) registered.add(name);
    });
    TreeSet<String> holding = new TreeSet<>();
    for (Class<?> c : EventCatalog.serializables()) if (EventCatalog.reaches(c, Transfer.class)) holding.add(c.getName());
    assertTrue(holding.size() > 20, "the classpath scan found only " + holding);
    List<String> missing = new ArrayList<>(holding);
    missing.removeAll(registered);
    List<String> stale = new ArrayList<>(registered);
    stale.removeAll(holding);
    assertTrue(missing.isEmpty() && stale.isEmpty(), "akka.serialization.jackson.migrations in persistence's reference.conf must map"
        + " exactly the classes that can hold a Transfer to " + TransferPurposeAdded.class.getName()
        + "\nmissing:\n" + String.join("\n", missing.stream().map(n -> "  \"" + n + "\" = \"" + TransferPurposeAdded.class.getName() + "\"").toList())
        + "\nstale: " + stale);
  }

  @Test
  void theGoldenJournalsTransfersReadWithThePurposeTheirReasonMeant() throws IOException {
    Serialization serialization = SerializationExtension.get(system);
    TreeMap<String, Integer> read = new TreeMap<>();
    try (Stream<Path> files = Files.list(GoldenJournalsTest.GOLDEN)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList()) {
        String name = file.getFileName().toString();
        boolean beforePurpose = name.substring(name.length() - "2026-12-02.jsonl".length()).compareTo(PURPOSE_SINCE) < 0;
        for (StoredEvent e : JournalFile.read(file)) {
          if (!new String(e.payload(), StandardCharsets.UTF_8).contains("\"type\":\"Transfer\"")) continue;
          Object event = serialization.deserialize(e.payload(), e.serializerId(), e.manifest()).get();
          if (!beforePurpose) {
            // written with its purpose: read back, the purpose is the one written
            assertEquals(purposes(JSON.readTree(e.payload())), purposes(JSON.readTree(serialization.serialize(event).get())),
                name + " " + e.manifest());
            continue;
          }
          assertTrue(!e.manifest().contains("#"), "a golden row written before the purpose has no version: " + e.manifest());
          for (JsonNode t : transfers(JSON.readTree(serialization.serialize(event).get()))) {
            String reason = t.get("reason").asText();
            assertTrue(WRITTEN.containsKey(reason), "a golden transfer's reason is missing from this test's list: " + reason);
            assertEquals(WRITTEN.get(reason).name(), t.get("purpose").asText(), file.getFileName() + " " + e.manifest() + ": " + reason);
            read.merge(WRITTEN.get(reason).name(), 1, Integer::sum);
          }
        }
      }
    }
    assertTrue(read.keySet().size() >= 15, "the golden journals hold transfers of many purposes: " + read);
  }

  @Test
  void aTransferWrittenTodayKeepsItsPurposeAndReason() {
    Serialization serialization = SerializationExtension.get(system);
    Transfer t = new Transfer("t-1", Party.account("0xa"), Party.microPool("mp-1"), Amount.tokens(io.bhkr.money.Asset.ETH, 1),
        Purpose.MICROPOOL_REWARDS, "stake", 7); // a reason that would have meant another purpose before
    DispatchSent sent = new DispatchSent(t);
    byte[] bytes = serialization.serialize(sent).get();
    String manifest = Serializers.manifestFor(serialization.findSerializerFor(sent), sent);
    assertEquals(DispatchSent.class.getName() + "#2", manifest, "written at the migration's version, so it is not migrated again");
    assertEquals(sent, serialization.deserialize(bytes, serialization.findSerializerFor(sent).identifier(), manifest).get());
  }

  private static List<String> purposes(JsonNode event) {
    return transfers(event).stream().map(t -> t.path("purpose").asText()).toList();
  }

  private static List<JsonNode> transfers(JsonNode node) {
    List<JsonNode> out = new ArrayList<>();
    if ("Transfer".equals(node.path("type").asText())) out.add(node);
    for (JsonNode child : node) out.addAll(transfers(child));
    return out;
  }
}
