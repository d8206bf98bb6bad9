package io.bhkr.journal;

import io.bhkr.persistence.journal.StoredEvent;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Which API views show what a golden journal holds: one per entity it names, read after replay. */
final class GoldenViews {

  static final String CONSERVATION = "/api/v1/audit/conservation";

  private GoldenViews() {}

  static Set<String> paths(List<StoredEvent> events) {
    Set<String> paths = new TreeSet<>();
    for (StoredEvent e : events) {
      String id = e.entityId();
      switch (e.entityType()) {
        case "Account" -> {
          paths.add("/api/v1/accounts/" + id);
          paths.add("/api/v1/accounts/" + id + "/stakes");
        }
        case "Provider" -> paths.add("/api/v1/providers/" + id);
        case "Project" -> paths.add("/api/v1/projects/" + id);
        case "Node" -> paths.add("/api/v1/nodes/" + id);
        case "MicroPool" -> paths.add("/api/v1/micropools/" + id);
        case "Pool" -> paths.add("/api/v1/pools/" + id);
        case "Governance" -> paths.add("/api/v1/governance");
        default -> { } // quotes, nonce books, audit rounds and the chain's singletons have no view of their own
      }
    }
    return paths;
  }

  static long lastLedgerOrdering(List<StoredEvent> events) {
    return events.stream().filter(e -> e.tags().contains("ledger")).mapToLong(StoredEvent::ordering).max().orElse(0);
  }
}
