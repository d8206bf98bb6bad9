package io.bhkr.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The journal's schema is published and versioned: {@code golden/event-schema.txt} holds every
 * persisted event class and every value type inside one, field by field, and docs/events.md
 * lists them. A change to any of them fails here until the developer has looked at it: given it
 * a Jackson migration if it changes an existing event (the golden journals prove it works), and
 * recorded the new schema with {@code -Dbhkr.golden.update=true}, which also rewrites the tables
 * of docs/events.md.
 */
class EventSchemaTest {

  private static final Path SCHEMA = GoldenJournalsTest.GOLDEN.resolve("event-schema.txt");
  private static final Path REPO = Path.of("").toAbsolutePath().getParent();
  private static final Path DOCS = REPO.resolve("docs/events.md");
  private static final boolean UPDATE = Boolean.getBoolean("bhkr.golden.update");

  @Test
  void theSchemaIsTheRecordedOne() throws IOException {
    List<String> now = EventCatalog.schema();
    if (UPDATE) Files.write(SCHEMA, now);
    List<String> recorded = Files.readAllLines(SCHEMA);
    List<String> changes = new ArrayList<>();
    for (String line : recorded) if (!now.contains(line)) changes.add("- " + line);
    for (String line : now) if (!recorded.contains(line)) changes.add("+ " + line);
    assertTrue(changes.isEmpty(), "The journal's schema changed:\n" + String.join("\n", changes)
        + "\nJournals are forever: an existing event that changes needs a Jackson migration (docs/events.md, \"Changing an event\");"
        + " then record the schema with -Dbhkr.golden.update=true.");
  }

  @Test
  void theDocsListEveryEventWithItsFields() throws IOException {
    String docs = Files.readString(DOCS);
    int begin = docs.indexOf(EventDocs.BEGIN);
    int end = docs.indexOf(EventDocs.END);
    assertTrue(begin >= 0 && end > begin, DOCS + " lacks the markers of its generated tables");
    String tables = EventDocs.tables(REPO);
    if (UPDATE) {
      docs = docs.substring(0, begin) + tables + docs.substring(end + EventDocs.END.length() + 1);
      Files.writeString(DOCS, docs);
      begin = docs.indexOf(EventDocs.BEGIN);
      end = docs.indexOf(EventDocs.END);
    }
    assertEquals(tables, docs.substring(begin, end + EventDocs.END.length() + 1),
        "docs/events.md's tables are not those of the code: regenerate them with -Dbhkr.golden.update=true");
  }

  @Test
  void everyEventIsARecordOfOurs() {
    List<Class<?>> events = EventCatalog.events();
    assertTrue(events.size() > 60, "found only " + events.size() + " event classes: the classpath scan missed some");
    for (Class<?> e : events) assertTrue(e.isRecord(), e.getName() + " is persisted but not a record");
  }

  /**
   * Issue 16: every aggregate lists its facts in one sealed {@code XEvents} interface of its
   * package, so a newcomer finds them in one place and the compiler knows the full set.
   */
  @Test
  void everyAggregatesEventsAreItsSealedEvents() {
    Set<String> aggregates = Set.of("account", "audit", "governance", "micropool", "nodes", "pool", "project", "provider", "quote");
    int checked = 0;
    for (Class<?> e : EventCatalog.events()) {
      String pkg = e.getPackageName();
      if (!pkg.startsWith("io.bhkr.") || !aggregates.contains(pkg.substring("io.bhkr.".length()))) continue;
      if (e.getEnclosingClass() != null && e.getEnclosingClass().getSimpleName().equals("SidecarIndex")) continue; // its own entity
      boolean listed = false;
      for (Class<?> i : e.getInterfaces())
        listed |= i.isSealed() && i.getSimpleName().endsWith("Events") && i.getPackageName().equals(pkg);
      assertTrue(listed, e.getName() + " is persisted by an aggregate but not one of its package's sealed XEvents");
      checked++;
    }
    assertTrue(checked > 40, "only " + checked + " aggregate events found");
  }

  /** Dispatch is no sealed interface (its notices live in their senders' packages): its name list is the closed set. */
  @Test
  void everyDispatchTravelsUnderItsOwnName() {
    com.fasterxml.jackson.annotation.JsonSubTypes names = io.bhkr.transfer.Dispatch.class.getAnnotation(com.fasterxml.jackson.annotation.JsonSubTypes.class);
    Set<Class<?>> listed = new java.util.HashSet<>();
    for (com.fasterxml.jackson.annotation.JsonSubTypes.Type t : names.value()) {
      assertEquals(t.value().getSimpleName(), t.name(), "a dispatch travels under its simple class name");
      assertTrue(listed.add(t.value()), t.value() + " listed twice");
    }
    int found = 0;
    for (Class<?> c : EventCatalog.serializables())
      if (io.bhkr.transfer.Dispatch.class.isAssignableFrom(c)) {
        assertTrue(listed.contains(c), c.getName() + " is a Dispatch missing from Dispatch's @JsonSubTypes: it could not be read back");
        found++;
      }
    assertEquals(listed.size(), found, "every listed dispatch is a class of ours");
  }
}
