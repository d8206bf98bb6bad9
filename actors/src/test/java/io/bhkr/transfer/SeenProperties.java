package io.bhkr.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * {@link Seen} shares one map along a line of versions; whatever order versions are grown in (the
 * newest, an older one, the same id twice from the same version as a decision and its event
 * handler do), each version holds exactly the ids of a plain immutable set grown the same way.
 */
class SeenProperties {

  /** One step: grow version {@code from} (an index into the versions so far) by id {@code id}. */
  record Step(int from, int id) {}

  @Property(tries = 300)
  void everyVersionHoldsWhatAPlainSetWould(@ForAll @Size(max = 60) List<@IntRange(max = 1000) Integer> froms,
      @ForAll @Size(max = 60) List<@IntRange(max = 12) Integer> ids) {
    List<Seen> versions = new ArrayList<>(List.of(Seen.none()));
    List<Set<String>> model = new ArrayList<>(List.of(Set.of()));
    for (int i = 0; i < Math.min(froms.size(), ids.size()); i++) {
      int from = froms.get(i) % versions.size();
      String id = "d-" + ids.get(i);
      versions.add(versions.get(from).with(id));
      Set<String> next = new TreeSet<>(model.get(from));
      next.add(id);
      model.add(Set.copyOf(next));
    }
    for (int v = 0; v < versions.size(); v++) {
      Seen s = versions.get(v);
      assertEquals(new TreeSet<>(model.get(v)), s.ids(), "version " + v);
      assertEquals(model.get(v).size(), s.size(), "size of version " + v);
      for (int id = 0; id <= 12; id++) assertEquals(model.get(v).contains("d-" + id), s.contains("d-" + id), "version " + v + " d-" + id);
      assertEquals(Seen.of(model.get(v)), s, "equal to the same set read back");
    }
  }

  @Property(tries = 50)
  void aDecisionAndItsEventHandlerShareOneVersion(@ForAll @IntRange(min = 1, max = 200) int receipts) {
    Seen s = Seen.none();
    for (int i = 0; i < receipts; i++) {
      Seen tried = s.with("r-" + i); // the decision tries the receipt
      Seen applied = s.with("r-" + i); // the event handler applies it to the same state
      assertEquals(tried, applied);
      assertEquals(i + 1, applied.size());
      s = applied;
    }
  }
}
