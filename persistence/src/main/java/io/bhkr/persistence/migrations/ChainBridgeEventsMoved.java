package io.bhkr.persistence.migrations;

import akka.serialization.jackson.JacksonMigration;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The chain bridge's events and state moved out of {@code ChainBridge} into their own files
 * (commit b3613c2, "ChainBridge: its events and state in their own files"): the events from
 * {@code io.bhkr.chain.ChainBridge$X} to {@code io.bhkr.chain.BridgeEvents$X}, the snapshot state
 * from {@code ChainBridge$State} to {@code BridgeState}. Their JSON did not change, so only the
 * class name is migrated. Registered under each old class name in reference.conf.
 */
public final class ChainBridgeEventsMoved extends JacksonMigration {

  static final String OLD = "io.bhkr.chain.ChainBridge$";

  @Override
  public int currentVersion() {
    return 2;
  }

  @Override
  public String transformClassName(int fromVersion, String className) {
    if (!className.startsWith(OLD)) return className;
    String name = className.substring(OLD.length());
    return name.equals("State") ? "io.bhkr.chain.BridgeState" : "io.bhkr.chain.BridgeEvents$" + name;
  }

  @Override
  public JsonNode transform(int fromVersion, JsonNode json) {
    return json;
  }
}
