package io.bhkr.persistence.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The event stream's cursor: what a client sends back as Last-Event-ID or ?after=. */
class EventCursorTest {

  @Test
  void aCursorReadsBackAsWritten() {
    EventCursor c = new EventCursor(new long[] {154, 166, 198, 104});
    assertEquals("154.166.198.104", c.toString());
    assertEquals(c, EventCursor.parse(c.toString()));
  }

  @Test
  void oneNumberMeansAfterThatOffsetForEveryTag() {
    assertEquals(new EventCursor(new long[] {12, 12, 12, 12}), EventCursor.parse("12"));
    assertEquals("0.0.0.0", EventCursor.START.toString());
  }

  @Test
  void aTagsOffsetOnlyMovesForward() {
    EventCursor c = EventCursor.after(10).with(1, 25);
    assertEquals("10.25.10.10", c.toString());
    assertEquals(c, c.with(1, 20), "an older offset of the same tag does not move it back");
  }

  @Test
  void anythingElseIsRefused() {
    for (String bad : new String[] {"", "x", "1.2", "1.2.3.4.5", "-1", "1..2", "1.2.3.", " 1", "9999999999999999999"})
      assertThrows(IllegalArgumentException.class, () -> EventCursor.parse(bad), bad);
    assertThrows(IllegalArgumentException.class, () -> EventCursor.parse(null));
  }
}
