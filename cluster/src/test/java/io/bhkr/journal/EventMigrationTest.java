package io.bhkr.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.typed.ActorSystem;
import akka.actor.typed.javadsl.Behaviors;
import akka.serialization.Serialization;
import akka.serialization.SerializationExtension;
import com.typesafe.config.ConfigFactory;
import io.bhkr.persistence.journal.JournalFile;
import io.bhkr.persistence.journal.StoredEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real migration at work: before commit b3613c2 the chain bridge journaled its events as
 * {@code io.bhkr.chain.ChainBridge$X}; the move to {@code BridgeEvents$X} changed no JSON. The
 * golden chain journals' bridge rows, under the class names that build wrote, must read back
 * through {@code ChainBridgeEventsMoved} as the very same events.
 */
class EventMigrationTest {

  private static ActorSystem<Void> system;

  @BeforeAll
  static void start() {
    system = ActorSystem.create(Behaviors.empty(), "migration", ConfigFactory.parseString("akka.actor.provider = local").withFallback(ConfigFactory.load()));
  }

  @AfterAll
  static void stop() {
    system.terminate();
  }

  @Test
  void theBridgeEventsOfTheBuildBeforeTheMoveReadAsTodaysEvents() throws IOException {
    Serialization serialization = SerializationExtension.get(system);
    int migrated = 0;
    try (Stream<Path> files = Files.list(GoldenJournalsTest.GOLDEN)) {
      for (Path file : files.filter(f -> f.getFileName().toString().startsWith("Chain") && f.toString().endsWith(".jsonl")).toList()) {
        List<StoredEvent> bridge = JournalFile.read(file).stream().filter(e -> e.className().startsWith("io.bhkr.chain.BridgeEvents$")).toList();
        for (StoredEvent today : bridge) {
          String before = today.manifest().replace("io.bhkr.chain.BridgeEvents$", "io.bhkr.chain.ChainBridge$");
          Object read = serialization.deserialize(today.payload(), today.serializerId(), before).get();
          assertEquals(serialization.deserialize(today.payload(), today.serializerId(), today.manifest()).get(), read, before);
          migrated++;
        }
      }
    }
    assertTrue(migrated > 10, "the golden chain journals hold bridge events to migrate (found " + migrated + ")");
  }
}
