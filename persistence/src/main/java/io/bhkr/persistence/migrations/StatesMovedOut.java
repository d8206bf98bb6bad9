package io.bhkr.persistence.migrations;

import akka.serialization.jackson.JacksonMigration;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * Two snapshot states moved out of their entities into files of their own (issue 16: every
 * aggregate has its XState): {@code AccountEntity$State} became {@code AccountState} and
 * {@code GovernanceEntity$State} {@code GovernanceState}; their fields did not change. Snapshots
 * written before also predate transfer purposes, so their transfers are migrated as
 * {@link TransferPurposeAdded} does. Registered under the old class names in reference.conf.
 */
public final class StatesMovedOut extends JacksonMigration {

  private static final Map<String, String> MOVED = Map.of(
      "io.bhkr.account.AccountEntity$State", "io.bhkr.account.AccountState",
      "io.bhkr.governance.GovernanceEntity$State", "io.bhkr.governance.GovernanceState");

  // static: JacksonMigration asks currentVersion() from its constructor, before instance fields are set
  private static final TransferPurposeAdded PURPOSES = new TransferPurposeAdded();

  @Override
  public int currentVersion() {
    return PURPOSES.currentVersion();
  }

  @Override
  public String transformClassName(int fromVersion, String className) {
    return MOVED.getOrDefault(className, className);
  }

  @Override
  public JsonNode transform(int fromVersion, JsonNode json) {
    return PURPOSES.transform(fromVersion, json);
  }
}
