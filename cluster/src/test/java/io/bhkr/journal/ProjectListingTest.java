package io.bhkr.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bhkr.persistence.journal.JournalFile;
import io.bhkr.persistence.journal.StoredEvent;
import io.bhkr.project.ProjectEntity;
import io.bhkr.project.ProjectListing;
import io.bhkr.project.ProjectState;
import io.bhkr.project.ProjectStatus;
import io.bhkr.replay.JournalDecoder;
import io.bhkr.serialization.DomainEvent;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The listings follow a project's requester, winner and status from its events alone
 * ({@link ProjectListing}); over every golden journal they agree with the entity's own state
 * after every event.
 */
class ProjectListingTest {

  static List<String> journals() throws IOException {
    return GoldenJournalsTest.journals().toList();
  }

  @ParameterizedTest
  @MethodSource("journals")
  void theListingAgreesWithTheEntityAfterEveryEvent(String journal) {
    Map<String, ProjectState> states = new HashMap<>();
    Map<String, ProjectListing> listings = new HashMap<>();
    try (JournalDecoder decoder = new JournalDecoder()) {
      for (StoredEvent row : JournalFile.read(GoldenJournalsTest.GOLDEN.resolve(journal + ".jsonl"))) {
        if (!row.entityType().equals("Project")) continue;
        DomainEvent e = (DomainEvent) decoder.decode(row);
        ProjectState s = ProjectEntity.apply(states.getOrDefault(row.persistenceId(), ProjectState.empty()), e);
        states.put(row.persistenceId(), s);
        ProjectListing before = listings.getOrDefault(row.persistenceId(), ProjectListing.NONE);
        ProjectListing l = before.next(e).orElse(before);
        listings.put(row.persistenceId(), l);
        String at = journal + " " + row.persistenceId() + "#" + row.sequenceNumber();
        assertEquals(s.status(), l.status(), at);
        if (s.status() != ProjectStatus.NONE) assertEquals(s.requester(), l.requester(), at);
        assertEquals(s.auction() == null ? null : s.auction().winner(), l.provider(), at);
      }
    }
  }
}
