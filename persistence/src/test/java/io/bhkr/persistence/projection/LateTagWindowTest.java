package io.bhkr.persistence.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import akka.persistence.query.Offset;
import akka.persistence.query.TimeBasedUUID;
import com.datastax.oss.driver.api.core.uuid.Uuids;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LateTagWindowTest {

  @Test
  void aTimeOffsetStartsTheWindowEarlier() {
    long at = 1_796_000_000_000L;
    Offset stored = Offset.timeBasedUUID(Uuids.endOf(at));
    TimeBasedUUID rewound = (TimeBasedUUID) LateTagWindow.rewound(stored, Duration.ofMinutes(3));
    assertEquals(at - 180_000, Uuids.unixTimestamp(rewound.value()));
    assertEquals(Uuids.startOf(at - 180_000), rewound.value(), "the lowest id of that millisecond, so nothing of it is skipped");
  }

  @Test
  void aJournalOrderingIsExactAndStaysAsItIs() {
    Offset stored = Offset.sequence(42);
    assertSame(stored, LateTagWindow.rewound(stored, Duration.ofMinutes(3)));
  }

  @Test
  void theWindowNeverReachesBeforeTheEpoch() {
    TimeBasedUUID rewound = (TimeBasedUUID) LateTagWindow.rewound(Offset.timeBasedUUID(Uuids.startOf(1_000)), Duration.ofMinutes(3));
    assertEquals(0, Uuids.unixTimestamp(rewound.value()));
  }
}
