package io.bhkr.persistence.migrations;

import akka.serialization.jackson.JacksonMigration;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bhkr.transfer.Purpose;
import java.util.List;
import java.util.Map;

/**
 * A {@code Transfer} gained its {@code purpose} (issue 16: typed transfers); before, receivers read
 * the intent from the free text of its {@code reason}. Every transfer inside an older event, state
 * or message gets the purpose its reason meant. The texts are all those any earlier build wrote
 * (see {@code git log -G'new Transfer\('}); a reason outside them is refused loudly rather than
 * guessed. Registered in reference.conf under every class that can hold a transfer.
 */
public final class TransferPurposeAdded extends JacksonMigration {

  /** Reasons earlier builds wrote, word for word. */
  private static final Map<String, Purpose> EXACT = Map.ofEntries(
      Map.entry("transfer", Purpose.PAYMENT),
      Map.entry("collateral", Purpose.COLLATERAL),
      Map.entry("stake", Purpose.NODE_STAKE),
      Map.entry("stake withdrawal", Purpose.NODE_STAKE_WITHDRAWAL),
      Map.entry("governor stake", Purpose.GOVERNOR_STAKE),
      Map.entry("profit", Purpose.PROFIT),
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
      // the settlement legs of economics 5 (SettlementRule)
      Map.entry("auction price", Purpose.SETTLEMENT),
      Map.entry("reward pool share of FP", Purpose.SETTLEMENT),
      Map.entry("insurance pool share of FP", Purpose.SETTLEMENT),
      Map.entry("requester remainder of FP", Purpose.SETTLEMENT),
      Map.entry("reward pool share of profit", Purpose.SETTLEMENT),
      Map.entry("insurance pool share of profit", Purpose.SETTLEMENT),
      Map.entry("requester remainder of profit", Purpose.SETTLEMENT));

  /** Reasons that carried an id or an explanation after a fixed start; the longest start first. */
  private static final List<Map.Entry<String, Purpose>> STARTS = List.of(
      Map.entry("governor stake returned", Purpose.GOVERNOR_STAKE_RETURN),
      Map.entry("slashed: governor missed", Purpose.GOVERNOR_SLASHING),
      Map.entry("returned", Purpose.RETURN),
      Map.entry("refund: ", Purpose.REFUND),
      Map.entry("service failure compensation for ", Purpose.COMPENSATION),
      Map.entry("service failure of project ", Purpose.COMPENSATION),
      Map.entry("compensation for claim ", Purpose.COMPENSATION),
      Map.entry("reward epoch ", Purpose.REWARD),
      Map.entry("insurance excess moved by proposal ", Purpose.INSURANCE_EXCESS));

  @Override
  public int currentVersion() {
    return 2;
  }

  @Override
  public JsonNode transform(int fromVersion, JsonNode json) {
    if (fromVersion < 2) addPurposes(json);
    return json;
  }

  /** The purpose a transfer written with {@code reason} had. */
  public static Purpose purposeOf(String reason) {
    Purpose exact = EXACT.get(reason);
    if (exact != null) return exact;
    for (Map.Entry<String, Purpose> start : STARTS) if (reason.startsWith(start.getKey())) return start.getValue();
    throw new IllegalStateException("a transfer with the reason \"" + reason + "\" was never written by a BHKR build:"
        + " its purpose cannot be known (docs/events.md, \"Changing an event\")");
  }

  private static void addPurposes(JsonNode node) {
    if (node instanceof ObjectNode o && "Transfer".equals(o.path("type").asText()) && !o.has("purpose") && o.hasNonNull("reason"))
      o.put("purpose", purposeOf(o.get("reason").asText()).name());
    for (JsonNode child : node) addPurposes(child);
  }
}
