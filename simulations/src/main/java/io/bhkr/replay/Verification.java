package io.bhkr.replay;

import io.bhkr.persistence.ledger.ConservationReport;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@code replay verify} found: how many decisions of each kind it re-derived, and every
 * event whose recorded content differs from what the rules give, with both.
 */
public final class Verification {

  /** One disagreement: the event that holds it, the decision it belongs to, what is recorded, what the rules give. */
  public record Mismatch(String event, String decision, String recorded, String derived) {}

  private final Map<String, Long> checked = new TreeMap<>();
  private final List<Mismatch> mismatches = new ArrayList<>();
  private ConservationReport conservation;
  private long events;

  void checked(String kind) {
    checked.merge(kind, 1L, Long::sum);
  }

  void mismatch(Replayed at, String decision, Object recorded, Object derived) {
    mismatch(at.name(), decision, recorded, derived);
  }

  void mismatch(String event, String decision, Object recorded, Object derived) {
    mismatches.add(new Mismatch(event, decision, String.valueOf(recorded), String.valueOf(derived)));
  }

  void finish(long events, ConservationReport conservation) {
    this.events = events;
    this.conservation = conservation;
  }

  public Map<String, Long> checked() {
    return Map.copyOf(checked);
  }

  public List<Mismatch> mismatches() {
    return List.copyOf(mismatches);
  }

  public ConservationReport conservation() {
    return conservation;
  }

  public long events() {
    return events;
  }

  /** Every decision agrees with the rules, every asset balances, and no transfer was credited twice. */
  public boolean ok() {
    return mismatches.isEmpty() && conservation != null && conservation.ok();
  }

  public void print(PrintStream out) {
    out.println("Events read: " + events);
    out.println("Decisions re-derived with the production rules:");
    checked.forEach((kind, n) -> out.printf("  %-28s %d%n", kind, n));
    out.println("Conservation (per asset: deposited + minted - withdrawn - burned = held + in flight):");
    conservation.assets().forEach((asset, a) -> out.printf("  %-5s held %s + in flight %s, expected %s; transfers %d, anomalies %d: %s%n",
        asset, a.totals().held(), a.totals().inFlight(), a.totals().expected(), a.transfers().sent(), a.transfers().anomalies(),
        a.ok() ? "balanced" : "NOT BALANCED"));
    for (Mismatch m : mismatches) {
      out.println("MISMATCH in " + m.decision() + " at " + m.event());
      out.println("  recorded:        " + m.recorded());
      out.println("  the rules give:  " + m.derived());
    }
    out.println("VERDICT: " + (ok() ? "OK, every decision re-derived and every asset balances"
        : mismatches.size() + " mismatch(es)" + (conservation.ok() ? "" : ", conservation NOT ok")));
  }
}
