package io.bhkr.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.typed.ActorSystem;
import akka.actor.typed.javadsl.Behaviors;
import akka.serialization.Serialization;
import akka.serialization.SerializationExtension;
import akka.serialization.Serializer;
import akka.serialization.Serializers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.typesafe.config.ConfigFactory;
import io.bhkr.account.AccountState;
import io.bhkr.governance.GovernanceState;
import io.bhkr.money.Amount;
import io.bhkr.money.Asset;
import io.bhkr.transfer.DispatchReceived;
import io.bhkr.transfer.DispatchSent;
import io.bhkr.transfer.Party;
import io.bhkr.transfer.Purpose;
import io.bhkr.transfer.Transfer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The account's and the governance's snapshot states moved out of their entities (issue 16), and
 * transfers gained their purpose: a snapshot an earlier build wrote, under the old class name and
 * with reason-only transfers, reads back as today's state.
 */
class StatesMovedOutTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static ActorSystem<Void> system;

  @BeforeAll
  static void start() {
    system = ActorSystem.create(Behaviors.empty(), "states", ConfigFactory.parseString("akka.actor.provider = local").withFallback(ConfigFactory.load()));
  }

  @AfterAll
  static void stop() {
    system.terminate();
  }

  @Test
  void anAccountSnapshotOfTheBuildBeforeReadsAsTodaysState() throws Exception {
    Transfer out = Transfer.of("stake-1", Party.account("0xa"), Party.node("n-1"), Amount.tokens(Asset.BHKR, 3), Purpose.NODE_STAKE, 5);
    Transfer in = new Transfer("settle-1", Party.project("p-1"), Party.account("0xa"), Amount.tokens(Asset.ETH, 1), Purpose.SETTLEMENT,
        "requester remainder of FP", 6);
    AccountState today = AccountState.empty().apply(new io.bhkr.account.AccountEntity.DepositReceived("d-1", Amount.tokens(Asset.BHKR, 5)))
        .apply(new DispatchReceived(in)).apply(new DispatchSent(out));
    assertEquals(today, readAsBefore(today, "io.bhkr.account.AccountEntity$State"));
  }

  @Test
  void aGovernanceSnapshotOfTheBuildBeforeReadsAsTodaysState() throws Exception {
    Transfer back = new Transfer("return:x", Party.GOVERNANCE, Party.account("0xb"), Amount.tokens(Asset.BHKR, 2), Purpose.RETURN,
        "returned: governance holds only governor stakes in BHKR from accounts", 9);
    GovernanceState today = GovernanceState.empty().apply(new DispatchSent(back));
    assertEquals(today, readAsBefore(today, "io.bhkr.governance.GovernanceEntity$State"));
  }

  /** Writes {@code state} as the build before would have (old class name, no purposes, no version) and reads it back. */
  private static Object readAsBefore(Object state, String oldClassName) throws Exception {
    Serialization serialization = SerializationExtension.get(system);
    Serializer serializer = serialization.findSerializerFor(state);
    assertEquals(state.getClass().getName() + "#2", Serializers.manifestFor(serializer, state), "today's state is written at version 2");
    JsonNode json = JSON.readTree(serialization.serialize(state).get());
    int stripped = stripPurposes(json);
    assertTrue(stripped > 0, "the state holds transfers whose purpose an old snapshot lacks");
    return serialization.deserialize(JSON.writeValueAsBytes(json), serializer.identifier(), oldClassName).get();
  }

  private static int stripPurposes(JsonNode node) {
    int n = 0;
    if (node instanceof ObjectNode o && "Transfer".equals(o.path("type").asText()) && o.remove("purpose") != null) n++;
    for (JsonNode child : node) n += stripPurposes(child);
    return n;
  }
}
